import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { orThrow } from "../validation.ts";
import {
  buildVmSnapshot,
  checkSnapshotCreate,
  type SnapshotCreateFlags,
  type SnapshotCreateOptions,
} from "./snapshot.ts";

const check = (vm: string | undefined, flags: SnapshotCreateFlags) =>
  orThrow(checkSnapshotCreate(vm, flags));
const build = (options: SnapshotCreateOptions) => buildVmSnapshot(options, "prod");

Deno.test("snapshot create without --name gets generateName <vm>-snap- and quiesce on", () => {
  assert.deepEqual(build(check("web-1", {})), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VMSnapshot",
    metadata: {
      generateName: "web-1-snap-",
      namespace: "prod",
      labels: { "hypersdk.io/vm": "web-1" },
    },
    spec: { vmRef: { name: "web-1" }, includeMemory: false, quiesce: true },
  });
});

Deno.test("snapshot create writes --name, --include-memory, --no-quiesce, --keep-days, --description", () => {
  const options = check("web-1", {
    name: "before-upgrade",
    includeMemory: true,
    quiesce: false,
    keepDays: "7",
    description: "before the 2.0 upgrade",
  });
  assert.deepEqual(build(options), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VMSnapshot",
    metadata: { name: "before-upgrade", namespace: "prod", labels: { "hypersdk.io/vm": "web-1" } },
    spec: {
      vmRef: { name: "web-1" },
      includeMemory: true,
      quiesce: false,
      retention: { keepDays: 7 },
      description: "before the 2.0 upgrade",
    },
  });
});

Deno.test("checkSnapshotCreate() rejects bad input", () => {
  const cases: [
    string | undefined,
    object,
    typeof InputError,
    string | RegExp,
  ][] = [
    [undefined, {}, InputError, "snapshot create needs a VM name"],
    ["web-1", { name: "Before" }, InputError, /^invalid --name snapshot name "Before"/],
    [
      "web-1",
      { keepDays: "0" },
      InputError,
      `--keep-days must be an integer from 1 to 36500, got "0"`,
    ],
    [
      "web-1",
      { keepDays: "7d" },
      InputError,
      `--keep-days must be an integer from 1 to 36500, got "7d"`,
    ],
    ["web-1", { description: " " }, InputError, "--description must not be empty"],
  ];
  for (const [vm, flags, cls, message] of cases) {
    assertThrowsWith(() => check(vm, flags), cls, message);
  }
});
