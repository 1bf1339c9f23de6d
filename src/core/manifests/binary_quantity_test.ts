import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { parseBinaryQuantityFlag } from "./binary_quantity.ts";

Deno.test("parseBinaryQuantityFlag() accepts binary quantities of whole bytes, as written", () => {
  for (const ok of ["8Gi", "512Mi", "1Ki", "1.5Gi", "0.5Ki", "2Ti", "1Pi", "1Ei", "1000Ki"]) {
    assert.equal(parseBinaryQuantityFlag("--memory", ok), ok);
  }
});

Deno.test("parseBinaryQuantityFlag() rejects the usual mistakes with a hint", () => {
  const bad: [string, typeof InputError, string][] = [
    [
      "8GB",
      InputError,
      `--memory "8GB" is not a valid quantity: unknown suffix "GB" (did you mean "G" or "Gi"?)`,
    ],
    [
      "8G",
      InputError,
      `--memory "8G" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "8Gi"?`,
    ],
    [
      "1.5G",
      InputError,
      `--memory "1.5G" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "1.5Gi"?`,
    ],
    [
      "8k",
      InputError,
      `--memory "8k" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "8Ki"?`,
    ],
    [
      "8589934592",
      InputError,
      `--memory "8589934592" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "8Gi"?`,
    ],
    [
      "1e3",
      InputError,
      `--memory "1e3" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei)`,
    ],
    [
      "0.1Ki",
      InputError,
      `--memory "0.1Ki" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei)`,
    ],
    [
      "1e200000",
      InputError,
      `--memory "1e200000" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei)`,
    ],
    ["0Gi", InputError, `--memory must be greater than zero, got "0Gi"`],
    ["-1Gi", InputError, `--memory must be greater than zero, got "-1Gi"`],
    ["", InputError, `--memory "" is not a valid quantity: empty string`],
    ["Gi", InputError, `--memory "Gi" is not a valid quantity: missing number before "Gi"`],
  ];
  for (const [input, cls, message] of bad) {
    assertThrowsWith(() => parseBinaryQuantityFlag("--memory", input), cls, message);
  }
});

Deno.test("parseBinaryQuantityFlag() names the flag it checks", () => {
  assertThrowsWith(
    () => parseBinaryQuantityFlag("--disk-size", "20G"),
    InputError,
    /^--disk-size "20G" .*did you mean "20Gi"\?$/,
  );
});
