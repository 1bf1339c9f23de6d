/**
 * Strings measured and ordered as UTF-8 bytes, as Go sees them, without encoding them: kubectl's
 * sort and YAML key order compare bytes, and its limits count them.
 * @module
 */

const isLow = (c: number) => (c & 0xfc00) === 0xdc00;

/**
 * Order by code point, which is UTF-8 byte order (`<` on UTF-16 units differs once a character
 * past U+FFFF meets one from U+E000 to U+FFFF).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(compareCodePoints("\u{1F600}", "\uFF61") > 0, true); // "<" says the opposite
 * equal(compareCodePoints("ab", "abc") < 0, true);
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // The strings part inside a surrogate pair: compare from its shared high half, as one character.
  if (
    i > 0 && (a.charCodeAt(i - 1) & 0xfc00) === 0xd800 &&
    (isLow(a.charCodeAt(i)) || isLow(b.charCodeAt(i)))
  ) i--;
  return (a.codePointAt(i) ?? -1) - (b.codePointAt(i) ?? -1);
}

/**
 * How many bytes `s` takes in UTF-8 (a lone surrogate as U+FFFD's three, as TextEncoder writes it).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(utf8Length("aé€\u{1F600}"), 1 + 2 + 3 + 4);
 * ```
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if ((c & 0xfc00) === 0xd800 && isLow(s.charCodeAt(i + 1))) n += 4, i++;
    else n += 3;
  }
  return n;
}
