/**
 * Go's `json.MarshalIndent` of a decoded JSON value, as kubectl prints an object it never sent
 * (`create --dry-run=client -o json`): map keys in UTF-8 byte order, Go's string escapes and
 * float form, whatever order the JavaScript object holds its keys in.
 *
 * Why not `JSON.stringify` of a sorted copy: a JavaScript object puts integer-like keys (`"10"`,
 * `"9"`, valid label keys) first in numeric order, and `sort()` orders UTF-16 units, not bytes.
 * @module
 */

import { compareCodePoints } from "./code_points.ts";
import { escapeLikeGo } from "./go_json_escape.ts";

/**
 * `json.MarshalIndent(value, prefix, indent)` of a value decoded from JSON: `undefined` members
 * are left out as `JSON.stringify` leaves them.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(goMarshalIndent({ b: "<", 9: 1, 10: 2 }, " "), '{\n "10": 2,\n "9": 1,\n "b": "\\u003c"\n}');
 * equal(goMarshalIndent({ n: 1e21, e: [] }, ""), '{\n"e": [],\n"n": 1e+21\n}');
 * ```
 */
export function goMarshalIndent(value: unknown, indent: string, prefix = ""): string {
  return marshal(value, indent, "\n" + prefix, ": ");
}

/**
 * Whether `JSON.stringify` (with an indent) wrote some object of `text` with an integer-like key,
 * which JavaScript orders ahead of the others by value (`"9"` before `"10"`) where Go orders keys
 * by bytes. Such a key is then the object's first, so only the key after each `{` is looked at.
 * A first key that merely starts with a digit also answers true (the caller then pays for
 * {@link goMarshalIndent}, which is right either way).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(hasIntegerLikeKey(JSON.stringify({ a: { 9: 1, 10: 2 } }, null, 4)), true);
 * equal(hasIntegerLikeKey(JSON.stringify({ a: { b: "{\n 1" } }, null, 4)), false);
 * ```
 */
export function hasIntegerLikeKey(text: string): boolean {
  for (let i = text.indexOf("{\n"); i >= 0; i = text.indexOf("{\n", i + 2)) {
    let j = i + 2;
    while (text.charCodeAt(j) === 32) j++;
    const c = text.charCodeAt(j + 1);
    if (text.charCodeAt(j) === 34 && c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * `json.Marshal(value)`: the same without line breaks or spaces.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(goMarshal({ b: [1, "<"], 9: 1, 10: 2 }), '{"10":2,"9":1,"b":[1,"\\u003c"]}');
 * ```
 */
export function goMarshal(value: unknown): string {
  return marshal(value, "", "", ":");
}

function marshal(v: unknown, indent: string, newline: string, colon: string): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return escapeLikeGo(JSON.stringify(v));
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const inner = newline && newline + indent;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const items = v.map((x) => marshal(x, indent, inner, colon));
    return `[${inner}${items.join(`,${inner}`)}${newline}]`;
  }
  const map = v as Record<string, unknown>;
  const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort(compareCodePoints);
  if (keys.length === 0) return "{}";
  const members = keys.map((k) =>
    `${marshal(k, indent, inner, colon)}${colon}${marshal(map[k], indent, inner, colon)}`
  );
  return `{${inner}${members.join(`,${inner}`)}${newline}}`;
}

/**
 * A JSON number as Go writes it, which is JavaScript's shortest form: both switch to exponents
 * below 1e-6 and from 1e21, and write them alike (`1e+21`, `5e-7`).
 */
function goNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`json: unsupported value: ${n}`);
  return String(n);
}
