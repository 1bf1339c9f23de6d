import assert from "node:assert/strict";
import { assertThrowsWith } from "../_testing.ts";
import { parseBinaryQuantityFlag } from "./binary_quantity.ts";

Deno.test("parseBinaryQuantityFlag() accepts binary quantities of whole bytes, as written", () => {
  for (const ok of ["8Gi", "512Mi", "1Ki", "1.5Gi", "0.5Ki", "2Ti", "1Pi", "1Ei", "1000Ki"]) {
    assert.equal(parseBinaryQuantityFlag("--memory", ok), ok);
  }
});

Deno.test("parseBinaryQuantityFlag() rejects the usual mistakes with a hint", () => {
  const bad: [string, typeof SyntaxError | typeof RangeError, string][] = [
    [
      "8GB",
      SyntaxError,
      `--memory "8GB" is not a valid quantity: unknown suffix "GB" (did you mean "G" or "Gi"?)`,
    ],
    [
      "8G",
      SyntaxError,
      `--memory "8G" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "8Gi"?`,
    ],
    [
      "1.5G",
      SyntaxError,
      `--memory "1.5G" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "1.5Gi"?`,
    ],
    [
      "8k",
      SyntaxError,
      `--memory "8k" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "8Ki"?`,
    ],
    [
      "8589934592",
      SyntaxError,
      `--memory "8589934592" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei): did you mean "8Gi"?`,
    ],
    [
      "1e3",
      SyntaxError,
      `--memory "1e3" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei)`,
    ],
    [
      "0.1Ki",
      SyntaxError,
      `--memory "0.1Ki" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei)`,
    ],
    ["0Gi", RangeError, `--memory must be greater than zero, got "0Gi"`],
    ["-1Gi", RangeError, `--memory must be greater than zero, got "-1Gi"`],
    ["", SyntaxError, `--memory "" is not a valid quantity: empty string`],
    ["Gi", SyntaxError, `--memory "Gi" is not a valid quantity: missing number before "Gi"`],
  ];
  for (const [input, cls, message] of bad) {
    assertThrowsWith(() => parseBinaryQuantityFlag("--memory", input), cls, message);
  }
});

Deno.test("parseBinaryQuantityFlag() names the flag it checks", () => {
  assertThrowsWith(
    () => parseBinaryQuantityFlag("--disk-size", "20G"),
    SyntaxError,
    /^--disk-size "20G" .*did you mean "20Gi"\?$/,
  );
});
