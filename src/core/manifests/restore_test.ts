import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { orThrow } from "../validation.ts";
import {
  buildRestoreJob,
  checkRestoreCreate,
  type RestoreCreateFlags,
  type RestoreCreateOptions,
} from "./restore.ts";

const check = (flags: RestoreCreateFlags) => orThrow(checkRestoreCreate(flags));
const build = (options: RestoreCreateOptions) => buildRestoreJob(options, "prod");

Deno.test("restore create: generateName restore-<vm>- and a backup-ref source", () => {
  assert.deepEqual(
    build(check({ backup: "db-backup-x2k9q", vm: "db" })),
    {
      apiVersion: "hypersdk.io/v1alpha1",
      kind: "RestoreJob",
      metadata: {
        generateName: "restore-db-",
        namespace: "prod",
        labels: { "hypersdk.io/vm": "db" },
      },
      spec: {
        source: { type: "backup-ref", backupJobRef: { name: "db-backup-x2k9q" } },
        destination: { provider: "kubevirt", namespace: "prod", vmName: "db" },
        options: { powerOnAfterRestore: false, overwrite: false },
      },
    },
  );
});

Deno.test("restore create: --power-on, --overwrite, --provider, --name", () => {
  const m = build(check({
    backup: "b1",
    vm: "db-restored",
    powerOn: true,
    overwrite: "true",
    provider: "vsphere",
    name: "restore-1",
  }));
  assert.deepEqual(m.metadata, {
    name: "restore-1",
    namespace: "prod",
    labels: { "hypersdk.io/vm": "db-restored" },
  });
  assert.deepEqual(m.spec, {
    source: { type: "backup-ref", backupJobRef: { name: "b1" } },
    destination: { provider: "vsphere", namespace: "prod", vmName: "db-restored" },
    options: { powerOnAfterRestore: true, overwrite: true },
  });
});

Deno.test("checkRestoreCreate() rejects bad input", () => {
  const cases: [object, string | RegExp][] = [
    [{ vm: "db" }, "restore create needs --backup"],
    [{ backup: "b" }, "restore create needs --vm"],
    [{ backup: "B", vm: "db" }, /^invalid --backup BackupJob name "B"/],
    [{ backup: "b", vm: "DB" }, /^invalid --vm VM name "DB"/],
    [{ backup: "b", vm: "db", provider: "kvm" }, /^--provider "kvm" is not one of kubevirt/],
    [{ backup: "b", vm: "db", name: "x_1" }, /^invalid --name restore name "x_1"/],
  ];
  for (const [flags, message] of cases) {
    assertThrowsWith(() => check(flags), InputError, message);
  }
});
