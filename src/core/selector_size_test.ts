import assert from "node:assert/strict";
import { parseFieldSelector } from "./field_selector.ts";
import { parseLabelSelector } from "./label_selector.ts";
import { checkSelectorSize, MAX_SELECTOR_BYTES } from "./selector_size.ts";

const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`).join(",");

Deno.test("checkSelectorSize() counts URL-encoded bytes, not characters", () => {
  checkSelectorSize("label selector", "a".repeat(MAX_SELECTOR_BYTES));
  // "," encodes to three bytes, so this is under the limit in characters but over it encoded.
  assert.throws(() => checkSelectorSize("label selector", ",".repeat(MAX_SELECTOR_BYTES / 2)), {
    name: "InputError",
    message: /: 45000 bytes once URL-encoded, more than the 30000/,
  });
});

Deno.test("parseLabelSelector() and parseFieldSelector() refuse selectors too long to send", () => {
  assert.equal(parseLabelSelector(`a in (${values(100)})`).length, 1);
  assert.throws(() => parseLabelSelector(`a in (${values(10_000)})`), {
    name: "InputError",
    message: /^cannot use label selector "a in \(v0,v1,v2,v3,v4…": 78898 bytes once URL-encoded/,
  });
  assert.throws(() => parseFieldSelector(`metadata.name=${"x".repeat(40_000)}`), {
    name: "InputError",
    message: /^cannot use field selector "metadata\.name=xxxxxx…": 40016 bytes/,
  });
});
