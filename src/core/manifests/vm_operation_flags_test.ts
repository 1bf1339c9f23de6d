import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { isLeft } from "fp-ts/Either";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { orThrow } from "../validation.ts";
import {
  checkClone,
  checkMigrate,
  checkResize,
  type MigrateFlags,
  parseBandwidth,
  type ResizeFlags,
} from "./vm_operation_flags.ts";

type Err = typeof InputError;
const migrate = (flags: MigrateFlags) => orThrow(checkMigrate("a", flags));
const resize = (flags: ResizeFlags) => orThrow(checkResize("a", flags));

Deno.test("checkClone() maps --target, --linked, --start, --from-snapshot, --target-namespace", () => {
  assert.deepEqual(orThrow(checkClone("web-1", { target: "web-2" }, "prod")), {
    vm: "web-1",
    clone: { target: "web-2", linked: false, start: false },
  });
  assert.deepEqual(
    orThrow(checkClone("web-1", {
      target: "web-1",
      targetNamespace: "staging",
      linked: true,
      start: "true",
      fromSnapshot: "snap-1",
    }, "prod")),
    {
      vm: "web-1",
      clone: {
        target: "web-1",
        targetNamespace: "staging",
        linked: true,
        start: true,
        fromSnapshot: "snap-1",
      },
    },
  );
});

Deno.test("checkClone() leaves the VM out with --from-snapshot alone, and names every problem", () => {
  assert.deepEqual(orThrow(checkClone(undefined, { target: "b", fromSnapshot: "s" }, undefined)), {
    clone: { target: "b", linked: false, start: false, fromSnapshot: "s" },
  });
  const v = checkClone("Web", { target: "B", linked: "maybe" }, "prod");
  assert.ok(isLeft(v));
  assert.deepEqual(v.left.map((e) => e.message.split(":")[0]), [
    `invalid VM name "Web"`,
    `invalid --target VM name "B"`,
    `--linked must be true or false, got "maybe"`,
  ]);
});

Deno.test("checkClone() rejects bad input", () => {
  const cases: [object, Err, string | RegExp][] = [
    [{}, InputError, "vm clone needs --target"],
    [{ target: "Web 2" }, InputError, /^invalid --target VM name "Web 2"/],
    [
      { target: "web-1" },
      InputError,
      `vm clone --target "web-1" is the source VM itself (choose another name)`,
    ],
    [
      { target: "web-1", targetNamespace: "prod" },
      InputError,
      `vm clone --target "web-1" is the source VM itself (choose another name)`,
    ],
    [{ target: "b", targetNamespace: "a.b" }, InputError, /^invalid --target-namespace "a.b"/],
    [
      { target: "b", fromSnapshot: "S_1" },
      InputError,
      /^invalid --from-snapshot snapshot name "S_1"/,
    ],
  ];
  for (const [flags, cls, message] of cases) {
    assertThrowsWith(() => orThrow(checkClone("web-1", flags, "prod")), cls, message);
  }
});

Deno.test("checkMigrate() defaults to a live migration and keeps only given tuning flags", () => {
  assert.deepEqual(migrate({ targetNode: "node-2" }), {
    vm: "a",
    migrate: { targetNode: "node-2", live: true },
  });
  assert.deepEqual(orThrow(checkMigrate(undefined, { targetNode: "node-2" })), {
    migrate: { targetNode: "node-2", live: true },
  });
  assert.deepEqual(
    migrate({
      targetNode: "node-2",
      bandwidth: "1Gbps",
      autoConverge: false,
      postCopy: true,
    }).migrate,
    { targetNode: "node-2", live: true, bandwidth: "1Gbps", postCopy: true },
  );
  assert.deepEqual(migrate({ targetNode: "node-2", offline: true }).migrate, {
    targetNode: "node-2",
    live: false,
  });
});

Deno.test("checkMigrate() rejects bad input", () => {
  const cases: [object, Err, string | RegExp][] = [
    [{}, InputError, "vm migrate needs --target-node"],
    [{ targetNode: "Node_2" }, InputError, /^invalid --target-node node name "Node_2"/],
    [
      { targetNode: "n", offline: true, postCopy: true },
      InputError,
      "--post-copy applies to live migration only (drop --offline)",
    ],
    [
      { targetNode: "n", offline: true, autoConverge: true },
      InputError,
      "--auto-converge applies to live migration only (drop --offline)",
    ],
    [{ targetNode: "n", bandwidth: "100MB" }, InputError, /did you mean "100Mbps"\?\)$/],
  ];
  for (const [flags, cls, message] of cases) {
    assertThrowsWith(() => migrate(flags), cls, message);
  }
});

Deno.test("parseBandwidth() accepts the CRD pattern and hints the usual spellings", () => {
  for (const ok of ["100bps", "100Kbps", "100Mbps", "10Gbps"]) assert.equal(parseBandwidth(ok), ok);
  const usage = `write digits, then an optional K, M or G, then "bps", as in "100Mbps"`;
  const cases: [string, Err, string][] = [
    [
      "100mbps",
      InputError,
      `--bandwidth "100mbps" is not a valid bandwidth: ${usage} (did you mean "100Mbps"?)`,
    ],
    [
      "100 Mbit/s",
      InputError,
      `--bandwidth "100 Mbit/s" is not a valid bandwidth: ${usage} (did you mean "100Mbps"?)`,
    ],
    [
      "1G",
      InputError,
      `--bandwidth "1G" is not a valid bandwidth: ${usage} (did you mean "1Gbps"?)`,
    ],
    ["1Tbps", InputError, `--bandwidth "1Tbps" is not a valid bandwidth: ${usage}`],
    ["fast", InputError, `--bandwidth "fast" is not a valid bandwidth: ${usage}`],
    ["0Mbps", InputError, `--bandwidth must be greater than zero, got "0Mbps"`],
  ];
  for (const [raw, cls, message] of cases) {
    assertThrowsWith(() => parseBandwidth(raw), cls, message);
  }
});

Deno.test("checkResize() changes only what was given", () => {
  assert.deepEqual(resize({ cpus: "8" }), { vm: "a", resize: { cpus: 8, hotplug: false } });
  assert.deepEqual(resize({ memory: "16Gi", hotplug: true }).resize, {
    memory: "16Gi",
    hotplug: true,
  });
  assertThrowsWith(() => resize({}), InputError, "vm resize needs --cpus or --memory");
  assertThrowsWith(
    () => resize({ cpus: "0" }),
    InputError,
    `--cpus must be an integer from 1 to 128, got "0"`,
  );
  assertThrowsWith(
    () => resize({ memory: "16G" }),
    InputError,
    /did you mean "16Gi"\?$/,
  );
});

Deno.test("checkMigrate() and checkResize() name every problem at once", () => {
  const m = checkMigrate("A", { targetNode: "N", offline: true, autoConverge: true });
  assert.ok(isLeft(m));
  assert.deepEqual(m.left.map((e) => e.message.split(":")[0]), [
    `invalid VM name "A"`,
    `invalid --target-node node name "N"`,
    "--auto-converge applies to live migration only (drop --offline)",
  ]);
  const r = checkResize("a", { cpus: "0", memory: "1G" });
  assert.ok(isLeft(r));
  assert.deepEqual(r.left.map((e) => e.message.split(":")[0]), [
    `--cpus must be an integer from 1 to 128, got "0"`,
    `--memory "1G" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei)`,
  ]);
});
