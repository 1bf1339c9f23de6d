/**
 * Memory and disk sizes: hyperctl insists on a binary suffix (`8Gi`), because `8G` is almost
 * always a typo for `8Gi` and silently gives the VM 7% less memory. People write `8G`, `8GB` or
 * bytes from habit; each gets a hint.
 * @module
 */

import { InputError } from "../input_error.ts";
import { formatQuantity, parseQuantity, type Quantity, quantityToBigIntCeil } from "../quantity.ts";

const BINARY_SUFFIX_RE = /^[0-9.]+(Ki|Mi|Gi|Ti|Pi|Ei)$/;

/** The reason part of a parseQuantity error, without its `cannot parse quantity "x": ` prefix. */
function reasonOf(err: Error): string {
  return err.message.replace(/^cannot parse quantity "(?:[^"\\]|\\.)*": /, "");
}

/** The binary spelling of a whole number of bytes, when one exists (`8589934592` → `8Gi`). */
function binaryOfBytes(bytes: bigint): string | undefined {
  if (bytes <= 0n || bytes % 1024n !== 0n) return undefined;
  const q: Quantity = { coefficient: bytes, exponent: 0, format: "BinarySI" };
  return formatQuantity(q);
}

/** True for a binary-suffixed quantity of whole bytes: the only form accepted. */
function acceptable(text: string): boolean {
  return BINARY_SUFFIX_RE.test(text) && parseQuantity(text).exponent >= 0;
}

/** What the user probably meant by a valid quantity that is not acceptable. */
function hintFor(raw: string, q: Quantity): string | undefined {
  const m = /^(\d+(?:\.\d+)?)([kKMGTPE])$/.exec(raw);
  if (m) {
    const binary = `${m[1]}${m[2].toUpperCase()}i`;
    return acceptable(binary) ? binary : undefined;
  }
  // Past 1e18 bytes (about 1Ei) a hint helps no one, and 1e200000 would not even convert.
  if (q.format === "BinarySI" || q.exponent < 0 || q.exponent > 18) return undefined;
  return binaryOfBytes(quantityToBigIntCeil(q));
}

/**
 * Parse a size flag that must be a positive binary quantity of whole bytes (`8Gi`, `1.5Gi`).
 *
 * @param flag the flag name for the message (`--memory`)
 * @param raw the text as given
 * @returns the text unchanged, once validated (the CRD stores it as written)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseBinaryQuantityFlag } from "./binary_quantity.ts";
 * assert.equal(parseBinaryQuantityFlag("--memory", "8Gi"), "8Gi");
 * assert.throws(() => parseBinaryQuantityFlag("--memory", "8G"), /did you mean "8Gi"\?/);
 * ```
 */
export function parseBinaryQuantityFlag(flag: string, raw: string): string {
  let q: Quantity;
  try {
    q = parseQuantity(raw);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(
      `${flag} ${JSON.stringify(raw)} is not a valid quantity: ${reasonOf(e)}`,
    );
  }
  if (q.coefficient <= 0n) {
    throw new InputError(`${flag} must be greater than zero, got ${JSON.stringify(raw)}`);
  }
  // `1.5Gi` is fine (a whole number of bytes); `0.1Ki` is not.
  if (acceptable(raw)) return raw;
  const hint = hintFor(raw, q);
  throw new InputError(
    `${flag} ${JSON.stringify(raw)} must be a whole number of bytes with a binary suffix ` +
      `(Ki, Mi, Gi, Ti, Pi or Ei)${hint ? `: did you mean ${JSON.stringify(hint)}?` : ""}`,
  );
}
