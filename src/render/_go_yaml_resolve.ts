/**
 * Which strings kubectl's YAML writer (sigs.k8s.io/yaml v1.4.0, its fork of go-yaml v2) must
 * quote because its reader would take them for something else: `resolve` of that fork (YAML 1.1
 * bools and nulls, Go's `strconv.ParseInt(s, 0, 64)`, `ParseUint`, `ParseFloat` after dropping
 * underscores, four `time.Parse` layouts) plus the sexagesimal floats it quotes on the way out
 * (`isBase60Float`). Ported rule by rule: a string it misses prints plain and reads back as a
 * number, bool, null or time.
 * @module
 */

/** The words the reader maps to a bool, null or special float. */
const WORDS = new Set(
  [
    "y Y yes Yes YES true True TRUE on On ON",
    "n N no No NO false False FALSE off Off OFF",
    "~ null Null NULL",
    ".nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF",
  ].join(" ").split(" "),
);

/**
 * The reader's hint by first character: 1 = sign or digit (number or time), 2 = a letter that
 * starts one of {@link WORDS}, 3 = `.` (a float or a word). Any other first character is a string.
 */
const HINT = new Uint8Array(128);
for (const ch of "+-0123456789") HINT[ch.charCodeAt(0)] = 1;
for (const ch of "yYnNtTfFoO~") HINT[ch.charCodeAt(0)] = 2;
HINT[46] = 3;

/**
 * `strconv.ParseInt(s, 0, 64)` syntax once underscores are gone: a sign, then `0b`/`0o`/`0x`
 * (either case, at least one digit after), a leading `0` (octal), or decimal.
 */
const INT = /^([-+]?)(?:0[bB]([01]+)|0[oO]([0-7]+)|0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))$/;

/** The reader's `yamlStyleFloat`, tried after the integer parsers fail. */
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** `strconv.ParseFloat` syntax for a string starting with `.` (underscores only between digits). */
const DOT_FLOAT = /^\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?$/;

/** The reader's extra binary rule, `strconv.ParseInt(rest, 2, 64)` after `0b`: signs allowed. */
const BINARY_SIGNED = /^0b([-+])([01]+)$/;

/** `isBase60Float`: quoted on output though the reader no longer parses it. */
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Whether kubectl's YAML reader would read plain `s` as anything but a string, or its writer
 * quotes it as a sexagesimal float: such strings are printed double-quoted.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(claimedByOtherType("0o644"), true);
 * equal(claimedByOtherType("yes"), true);
 * equal(claimedByOtherType("2026-01-01"), true);
 * equal(claimedByOtherType("2026-01-01T00:00:00"), false); // no zone: no layout matches
 * equal(claimedByOtherType("1e400"), false); // out of float range
 * equal(claimedByOtherType("4Gi"), false);
 * ```
 */
export function claimedByOtherType(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  const hint = c < 128 ? HINT[c] : 0;
  if (hint === 0) return false;
  if (s.length <= 6 && WORDS.has(s)) return true;
  if (hint === 2) return false;
  if (hint === 3) return DOT_FLOAT.test(s) && Number.isFinite(Number(s.replaceAll("_", "")));
  return number(s);
}

/** Characters of the reader's integers and floats, and of sexagesimal numbers. */
const NUMERIC = new Uint8Array(128);
for (const ch of "0123456789abcdefABCDEFxXoO_+-.:") NUMERIC[ch.charCodeAt(0)] = 1;

/** The reader's rules for a string that starts with a sign or digit. */
function number(s: string): boolean {
  if (s.length >= 8 && s.charCodeAt(4) === 45 && timestamp(s)) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || NUMERIC[c] === 0) return false;
  }
  const plain = s.includes("_") ? s.replaceAll("_", "") : s;
  const int = INT.exec(plain);
  if (int !== null) {
    const [, sign, bin, oct, hex, zero, dec] = int;
    if (dec !== undefined && dec.length < 19) return true;
    const magnitude = bin !== undefined
      ? BigInt("0b" + bin)
      : oct !== undefined
      ? BigInt("0o" + oct)
      : hex !== undefined
      ? BigInt("0x" + hex)
      : zero !== undefined
      ? (zero.length > 1 ? BigInt("0o" + zero.slice(1)) : 0n)
      : BigInt(dec);
    const value = sign === "-" ? -magnitude : magnitude;
    if (value >= INT64_MIN && value <= INT64_MAX) return true; // ParseInt
    if (sign === "" && value <= UINT64_MAX) return true; // ParseUint
  }
  if (FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
  const binary = BINARY_SIGNED.exec(plain);
  if (binary !== null) {
    const magnitude = BigInt("0b" + binary[2]);
    return binary[1] === "-" ? magnitude <= 2n ** 63n : magnitude <= INT64_MAX;
  }
  return BASE60.test(s);
}

/**
 * Whether one of the four `time.Parse` layouts the reader tries accepts `s`, with Go's range
 * checks: `2006-1-2T15:4:5.999999999Z07:00`, the same with `t`, `2006-1-2 15:4:5.999999999`
 * (one or more spaces), `2006-1-2`. Go reads a one- or two-digit field greedily.
 */
function timestamp(s: string): boolean {
  const n = s.length;
  let i = 0;
  /** One or two digits at `i` (moving past them), or -1. */
  const field = (): number => {
    const a = digitAt(s, i);
    if (a < 0) return -1;
    const b = digitAt(s, i + 1);
    i += b < 0 ? 1 : 2;
    return b < 0 ? a : a * 10 + b;
  };
  for (; i < 4; i++) if (digitAt(s, i) < 0) return false;
  const year = Number(s.slice(0, 4));
  i = 5; // s[4] is the dash
  const month = field();
  if (month < 0 || s.charCodeAt(i++) !== 45) return false;
  const day = field();
  if (day < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  if (i === n) return true;
  const sep = s.charCodeAt(i++);
  if (sep === 32) { while (s.charCodeAt(i) === 32) i++; }
  else if (sep !== 84 && sep !== 116) return false; // T, t
  const hour = field();
  if (hour < 0 || hour >= 24 || s.charCodeAt(i++) !== 58) return false;
  const minute = field();
  if (minute < 0 || minute >= 60 || s.charCodeAt(i++) !== 58) return false;
  const second = field();
  if (second < 0 || second >= 60) return false;
  const dot = s.charCodeAt(i);
  if ((dot === 46 || dot === 44) && digitAt(s, i + 1) >= 0) {
    i += 2;
    while (digitAt(s, i) >= 0) i++;
  }
  if (sep === 32) return i === n;
  if (s.charCodeAt(i) === 90) return i + 1 === n; // Z
  // ±hh:mm; Go accepts offsets up to 24:60.
  const sign = s.charCodeAt(i);
  if ((sign !== 43 && sign !== 45) || n - i !== 6 || s.charCodeAt(i + 3) !== 58) return false;
  const h1 = digitAt(s, i + 1);
  const h2 = digitAt(s, i + 2);
  const m1 = digitAt(s, i + 4);
  const m2 = digitAt(s, i + 5);
  return h1 >= 0 && h2 >= 0 && m1 >= 0 && m2 >= 0 && h1 * 10 + h2 <= 24 && m1 * 10 + m2 <= 60;
}

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57 ? c - 48 : -1;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
