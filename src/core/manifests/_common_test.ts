import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import {
  manifest,
  parseBoolFlag,
  parseEnum,
  parseIntFlag,
  parseKeyValues,
  prune,
  vmLabels,
} from "./_common.ts";

Deno.test("prune() drops undefined, null and empty containers but keeps false, 0 and empty strings", () => {
  assert.deepEqual(
    prune({
      a: undefined,
      b: null,
      c: {},
      d: [],
      e: { f: undefined },
      g: false,
      h: 0,
      i: "",
      j: [null, 1],
    }),
    { g: false, h: 0, i: "", j: [1] },
  );
});

Deno.test("manifest() writes apiVersion, kind, name or generateName and only non-empty labels", () => {
  assert.deepEqual(manifest("VMSnapshot", { name: "s", namespace: "d", labels: {} }, { x: 1 }), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VMSnapshot",
    metadata: { name: "s", namespace: "d" },
    spec: { x: 1 },
  });
  assert.deepEqual(
    manifest("VMOperation", { generateName: "a-", namespace: "d", labels: { k: "v" } }, {})
      .metadata,
    { generateName: "a-", namespace: "d", labels: { k: "v" } },
  );
});

Deno.test("vmLabels() leaves out values that are not valid label values", () => {
  assert.deepEqual(vmLabels("web-1", { "hypersdk.io/operation": "stop" }), {
    "hypersdk.io/vm": "web-1",
    "hypersdk.io/operation": "stop",
  });
  assert.deepEqual(vmLabels("a".repeat(64)), {});
});

Deno.test("parseIntFlag() accepts only decimal integers in range", () => {
  assert.equal(parseIntFlag("--cpus", "4", 1, 128), 4);
  assert.equal(parseIntFlag("--cpus", " 128 ", 1, 128), 128);
  const bad: [string, typeof InputError][] = [
    ["0", InputError],
    ["129", InputError],
    ["-1", InputError],
    ["4.0", InputError],
    ["1e2", InputError],
    ["0x10", InputError],
    ["", InputError],
    ["four", InputError],
    ["99999999999999999999", InputError],
  ];
  for (const [raw, cls] of bad) {
    assertThrowsWith(
      () => parseIntFlag("--cpus", raw, 1, 128),
      cls,
      `--cpus must be an integer from 1 to 128, got ${JSON.stringify(raw)}`,
    );
  }
  assertThrowsWith(
    () => parseIntFlag("--n", "0", 1, Number.MAX_SAFE_INTEGER),
    InputError,
    `--n must be an integer of at least 1, got "0"`,
  );
});

Deno.test("parseBoolFlag() reads booleans and true/false text", () => {
  assert.equal(parseBoolFlag("--running", undefined), undefined);
  assert.equal(parseBoolFlag("--running", false), false);
  assert.equal(parseBoolFlag("--running", "false"), false);
  assert.equal(parseBoolFlag("--running", "TRUE"), true);
  assertThrowsWith(
    () => parseBoolFlag("--running", "maybe"),
    InputError,
    `--running must be true or false, got "maybe"`,
  );
});

Deno.test("parseKeyValues() parses comma lists and repeated flags, validating keys and values", () => {
  assert.deepEqual(parseKeyValues("--label", ["a=1,b=2", "example.com/c=", " d = x "]), {
    a: "1",
    b: "2",
    "example.com/c": "",
    d: "x",
  });
  assertThrowsWith(
    () => parseKeyValues("--node-selector", "disktype"),
    InputError,
    `--node-selector "disktype" is not key=value (as in "disktype=ssd")`,
  );
  assertThrowsWith(
    () => parseKeyValues("--label", "a=1,a=2"),
    InputError,
    `--label sets "a" more than once`,
  );
  assertThrowsWith(
    () => parseKeyValues("--label", "-a=1"),
    InputError,
    /^--label "-a=1" is invalid: key name "-a"/,
  );
  assertThrowsWith(
    () => parseKeyValues("--label", "a=b c"),
    InputError,
    /^--label "a=b c" is invalid: value "b c"/,
  );
});

Deno.test("parseEnum() matches case-insensitively and hints typos and prefixes", () => {
  assert.equal(parseEnum("--format", "QCOW2", ["ovf", "qcow2"]), "qcow2");
  assertThrowsWith(
    () => parseEnum("--dest-type", "azure", ["s3", "azure-blob"]),
    InputError,
    `--dest-type "azure" is not one of s3, azure-blob (did you mean "azure-blob"?)`,
  );
  assertThrowsWith(
    () => parseEnum("--dest-type", "ftp", ["s3", "azure-blob"]),
    InputError,
    `--dest-type "ftp" is not one of s3, azure-blob`,
  );
});
