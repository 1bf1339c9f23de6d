/**
 * Go's `strconv.Unquote` rules for a quoted template string (`"\n"`, `'x'`), which client-go
 * extends to single quotes; JSON.parse differs (no `'…'`, no `\x41`, no octal `\101`).
 * @module
 */

import { InputError } from "../input_error.ts";

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };
const encoder = new TextEncoder();

/**
 * Unquote `"…"` or `'…'`; throws InputError("invalid syntax") where Go's Unquote fails.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(unquoteExtend(String.raw`"a\tb\x41"`), "a\tbA");
 * ```
 */
export function unquoteExtend(quoted: string): string {
  const invalid = () => new InputError("invalid syntax");
  const quote = quoted[0];
  if (quoted.length < 2 || quoted.at(-1) !== quote || (quote !== '"' && quote !== "'")) {
    throw invalid();
  }
  const body = quoted.slice(1, -1);
  if (!body.includes("\\") && !body.includes(quote)) return body;
  const bytes: number[] = [];
  const chars = Array.from(body);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === quote) throw invalid();
    if (c !== "\\") {
      bytes.push(...encoder.encode(c));
      continue;
    }
    const e = chars[++i];
    if (e === undefined) throw invalid();
    if (e in SIMPLE) bytes.push(SIMPLE[e]);
    else if (e === "'" || e === '"') {
      if (e !== quote) throw invalid();
      bytes.push(e.charCodeAt(0));
    } else if (e in HEX_DIGITS) {
      const digits = chars.slice(i + 1, i + 1 + HEX_DIGITS[e]).join("");
      if (!new RegExp(`^[0-9a-fA-F]{${HEX_DIGITS[e]}}$`).test(digits)) throw invalid();
      i += HEX_DIGITS[e];
      const value = parseInt(digits, 16);
      if (e === "x") bytes.push(value);
      else if (value > 0x10ffff || (value >= 0xd800 && value < 0xe000)) throw invalid();
      else bytes.push(...encoder.encode(String.fromCodePoint(value)));
    } else if (/[0-7]/.test(e)) {
      const digits = chars.slice(i, i + 3).join("");
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) throw invalid();
      i += 2;
      bytes.push(parseInt(digits, 8));
    } else throw invalid();
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
