import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertThrowsWith } from "../testing/assert_throws.ts";
import {
  fieldValue,
  formatFieldSelector,
  matchesFields,
  parseFieldSelector,
} from "./field_selector.ts";

const vm = {
  metadata: { name: "web-1", namespace: "prod" },
  spec: { vmRef: { name: "db" }, cpus: 4, running: true },
  status: { phase: "Running" },
};

Deno.test("parseFieldSelector() parses =, == and != terms", () => {
  assert.deepEqual(parseFieldSelector("metadata.name=web-1, status.phase!=Failed,spec.x==a\\,b"), [
    { field: "metadata.name", operator: "=", value: "web-1" },
    { field: "status.phase", operator: "!=", value: "Failed" },
    { field: "spec.x", operator: "==", value: "a,b" },
  ]);
  assert.deepEqual(parseFieldSelector(""), []);
  assert.deepEqual(parseFieldSelector("a="), [{ field: "a", operator: "=", value: "" }]);
});

Deno.test("parseFieldSelector() rejects malformed terms", () => {
  const cases: [string, string][] = [
    [
      "metadata.name",
      `cannot parse field selector "metadata.name": "metadata.name" has no "=", "==" or "!="`,
    ],
    ["=x", `cannot parse field selector "=x": "=x" has no field name`],
    ["a=b=c", `cannot parse field selector "a=b=c": unescaped "=" in a value`],
    [
      "a=\\q",
      `cannot parse field selector "a=\\\\q": invalid escape sequence "\\q" (only \\\\ \\, and \\= are allowed)`,
    ],
    [
      "a..b=c",
      `cannot parse field selector "a..b=c": "a..b" is not a dotted field path such as "metadata.name"`,
    ],
  ];
  for (const [input, message] of cases) {
    assertThrowsWith(() => parseFieldSelector(input), InputError, message);
  }
});

Deno.test("matchesFields() evaluates dotted paths, absent reads as empty", () => {
  const cases: [string, boolean][] = [
    ["metadata.name=web-1", true],
    ["metadata.name==web-2", false],
    ["metadata.name!=web-2", true],
    ["status.phase=Running,metadata.namespace=prod", true],
    ["status.phase=Running,metadata.namespace=dev", false],
    ["spec.vmRef.name=db", true],
    ["spec.cpus=4", true],
    ["spec.running=true", true],
    ["status.nodeName=", true],
    ["status.nodeName!=", false],
    ["spec.vmRef=", true],
    ["", true],
  ];
  for (const [sel, want] of cases) {
    assert.equal(matchesFields(parseFieldSelector(sel), vm), want, sel);
  }
  assert.equal(fieldValue("not an object", "metadata.name"), "");
});

Deno.test("formatFieldSelector() round-trips through parseFieldSelector()", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          field: fc.stringMatching(/^[a-z]{1,5}(\.[a-z]{1,5}){0,2}$/),
          operator: fc.constantFrom("=" as const, "==" as const, "!=" as const),
          value: fc.string(),
        }),
      ),
      (sel) => {
        assert.deepEqual(parseFieldSelector(formatFieldSelector(sel)), sel.map((r) => ({ ...r })));
      },
    ),
  );
});

Deno.test("parseFieldSelector() throws only InputError on arbitrary input", () => {
  fc.assert(fc.property(fc.string(), (s) => {
    try {
      parseFieldSelector(s);
    } catch (e) {
      return e instanceof InputError;
    }
    return true;
  }));
});
