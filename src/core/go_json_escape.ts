/**
 * The characters Go's `encoding/json` escapes inside strings beyond what `JSON.stringify` does.
 *
 * Why: kubectl prints `-o json` with `json.MarshalIndent`, which writes `<`, `>` and `&` as
 * `\u003c`, `\u003e`, `\u0026` (HTML-safe) and U+2028/U+2029 as `\u2028`/`\u2029`. Those
 * characters can only occur inside JSON strings, so escaping them in the stringified text gives
 * kubectl's bytes.
 * @module
 */

const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/**
 * `JSON.stringify` output as Go's encoder writes it.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(escapeLikeGo(JSON.stringify({ note: "a <b> & c" })), '{"note":"a \\u003cb\\u003e \\u0026 c"}');
 * ```
 */
export function escapeLikeGo(json: string): string {
  return json.replace(GO_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
