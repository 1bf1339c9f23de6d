import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../testing/assert_throws.ts";
import {
  isDns1123Label,
  isDns1123Subdomain,
  validateDns1123Label,
  validateDns1123Name,
} from "./names.ts";

Deno.test("validateDns1123Name() accepts subdomains up to 253 characters", () => {
  for (const ok of ["a", "web-1", "web-1.prod", "0abc", `${"a".repeat(63)}.${"b".repeat(63)}`]) {
    assert.equal(validateDns1123Name(ok, "VM name"), ok);
  }
  assert.equal(isDns1123Subdomain("a".repeat(253)), true);
  assert.equal(isDns1123Subdomain("a".repeat(254)), false);
});

Deno.test("validateDns1123Name() rejects bad names with a hint", () => {
  const cases: [string, string][] = [
    [
      "Web_1",
      `invalid VM name "Web_1": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", starting and ending with a letter or digit) (did you mean "web-1"?)`,
    ],
    [
      "-web",
      `invalid VM name "-web": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", starting and ending with a letter or digit) (did you mean "web"?)`,
    ],
    [
      "a..b",
      `invalid VM name "a..b": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", starting and ending with a letter or digit)`,
    ],
    ["", `invalid VM name "": must not be empty`],
    [
      "a".repeat(254),
      `invalid VM name "${"a".repeat(254)}": must be at most 253 characters (got 254)`,
    ],
  ];
  for (const [name, message] of cases) {
    assertThrowsWith(() => validateDns1123Name(name, "VM name"), InputError, message);
  }
});

Deno.test("validateDns1123Label() rejects dots and names over 63 characters", () => {
  assert.equal(validateDns1123Label("prod-1", "namespace"), "prod-1");
  assertThrowsWith(
    () => validateDns1123Label("my.ns", "namespace"),
    InputError,
    `invalid namespace "my.ns": must be a lowercase RFC 1123 label (a-z, 0-9 and "-", starting and ending with a letter or digit) (did you mean "my-ns"?)`,
  );
  assertThrowsWith(
    () => validateDns1123Label("a".repeat(64), "namespace"),
    InputError,
    /at most 63 characters \(got 64\)/,
  );
  assert.equal(isDns1123Label("a".repeat(63)), true);
  assert.equal(isDns1123Label("UPPER"), false);
});
