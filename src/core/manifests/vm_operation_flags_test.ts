import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import {
  parseBandwidth,
  parseClone,
  parseMigrate,
  parsePowerOperation,
  parseResize,
} from "./vm_operation_flags.ts";

type Err = typeof InputError;
const ns = { namespace: "prod" };

Deno.test("parsePowerOperation() reads the VM and --force", () => {
  assert.deepEqual(parsePowerOperation("stop", "web-1", ns), {
    operation: "stop",
    vm: "web-1",
    namespace: "prod",
  });
  assert.deepEqual(parsePowerOperation("delete", "web-1", { ...ns, force: true }), {
    operation: "delete",
    vm: "web-1",
    namespace: "prod",
    force: true,
  });
  assertThrowsWith(
    () => parsePowerOperation("start", undefined, ns),
    InputError,
    "vm start needs a VM name",
  );
  assertThrowsWith(
    () => parsePowerOperation("restart", "A", ns),
    InputError,
    /^invalid VM name "A"/,
  );
});

Deno.test("parseClone() maps --target, --linked, --start, --from-snapshot, --target-namespace", () => {
  assert.deepEqual(parseClone("web-1", { ...ns, target: "web-2" }), {
    operation: "clone",
    vm: "web-1",
    namespace: "prod",
    clone: { target: "web-2", linked: false, start: false },
  });
  assert.deepEqual(
    parseClone("web-1", {
      ...ns,
      target: "web-1",
      targetNamespace: "staging",
      linked: true,
      start: "true",
      fromSnapshot: "snap-1",
    }),
    {
      operation: "clone",
      vm: "web-1",
      namespace: "prod",
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

Deno.test("parseClone() rejects bad input", () => {
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
    assertThrowsWith(() => parseClone("web-1", { ...ns, ...flags }), cls, message);
  }
});

Deno.test("parseMigrate() defaults to a live migration and keeps only given tuning flags", () => {
  assert.deepEqual(parseMigrate("a", { ...ns, targetNode: "node-2" }), {
    operation: "migrate",
    vm: "a",
    namespace: "prod",
    migrate: { targetNode: "node-2", live: true },
  });
  assert.deepEqual(
    parseMigrate("a", {
      ...ns,
      targetNode: "node-2",
      bandwidth: "1Gbps",
      autoConverge: false,
      postCopy: true,
    }).migrate,
    { targetNode: "node-2", live: true, bandwidth: "1Gbps", autoConverge: false, postCopy: true },
  );
  assert.deepEqual(parseMigrate("a", { ...ns, targetNode: "node-2", offline: true }).migrate, {
    targetNode: "node-2",
    live: false,
  });
});

Deno.test("parseMigrate() rejects bad input", () => {
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
    assertThrowsWith(() => parseMigrate("a", { ...ns, ...flags }), cls, message);
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

Deno.test("parseResize() changes only what was given", () => {
  assert.deepEqual(parseResize("a", { ...ns, cpus: "8" }), {
    operation: "resize",
    vm: "a",
    namespace: "prod",
    resize: { cpus: 8, hotplug: false },
  });
  assert.deepEqual(parseResize("a", { ...ns, memory: "16Gi", hotplug: true }).resize, {
    memory: "16Gi",
    hotplug: true,
  });
  assertThrowsWith(() => parseResize("a", ns), InputError, "vm resize needs --cpus or --memory");
  assertThrowsWith(
    () => parseResize("a", { ...ns, cpus: "0" }),
    InputError,
    `--cpus must be an integer from 1 to 128, got "0"`,
  );
  assertThrowsWith(
    () => parseResize("a", { ...ns, memory: "16G" }),
    InputError,
    /did you mean "16Gi"\?$/,
  );
});
