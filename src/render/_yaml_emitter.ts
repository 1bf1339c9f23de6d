/**
 * YAML for JSON data (objects, arrays, strings, numbers, booleans, null: all a cluster sends),
 * printing the bytes of kubectl 1.33's `-o yaml`. kubectl marshals the object to JSON and hands it
 * to sigs.k8s.io/yaml v1.4.0 `JSONToYAML`, which decodes it with its fork of go-yaml v2 and
 * encodes it again: keys sorted in go-yaml's natural order (_go_yaml_sort.ts), strings its reader
 * would take for another type double-quoted (_go_yaml_resolve.ts), and the scalar styles, line
 * folding at column 80 and escapes of libyaml's emitter, which go-yaml ports. The functions below
 * follow that emitter's (`yaml_emitter_analyze_scalar`, `yaml_emitter_select_scalar_style` and
 * the `write_*_scalar` writers), restricted to what a JSON document produces.
 *
 * Written by hand because it is on the hot path of long lists: the common string (printable
 * ASCII, no indicator, short) is decided by one pass over a table.
 * @module
 */

import { compareCodePoints, utf8Length } from "../core/code_points.ts";
import { claimedByOtherType } from "./_go_yaml_resolve.ts";
import { sortKeys } from "./_go_yaml_sort.ts";

/** Thrown from deep inside when a value is not plain JSON data; caught by {@link emitYaml}. */
const NOT_JSON = Symbol("not JSON data");

/** libyaml's best width: plain and quoted scalars fold at a space once past this column. */
const WIDTH = 80;

/**
 * The last scalar written ended with a line break (a literal block that keeps its final newline):
 * the next line then starts without another break, as libyaml's `write_indent` does. Set by
 * {@link literal}, read and cleared by {@link lineTo}.
 */
let atLineStart = false;

/**
 * One YAML document for `value`, as kubectl prints it. Anything that is not plain JSON data (a
 * Date, a Map, a class instance, `undefined` at the top) is printed as its JSON form, since
 * kubectl too prints what `json.Marshal` makes of an object.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(emitYaml({ kind: "VM", on: "yes", ips: [] }), 'ips: []\nkind: VM\n"on": "yes"\n');
 * equal(emitYaml({ at: new Date(0) }), 'at: "1970-01-01T00:00:00.000Z"\n');
 * ```
 */
export function emitYaml(value: unknown): string {
  atLineStart = false;
  let text: string;
  try {
    text = rootText(value);
  } catch (err) {
    if (err !== NOT_JSON) throw err;
    atLineStart = false;
    text = rootText(JSON.parse(JSON.stringify(value) ?? "null"));
  }
  // The document ends with a line break unless its last scalar did.
  if (atLineStart) {
    atLineStart = false;
    return text;
  }
  return text + "\n";
}

function rootText(value: unknown): string {
  if (typeof value === "string") return stringText(value, 2, 0, false);
  if (typeof value !== "object" || value === null) return scalarText(value);
  if (isArray(value)) return value.length === 0 ? "[]" : sequenceText(value, 0);
  return mappingText(value as Record<string, unknown>, 0);
}

/** `value` is an array, a plain object, or not JSON data (thrown). */
function isArray(value: object): value is unknown[] {
  const proto = Object.getPrototypeOf(value);
  if (proto === Array.prototype) return true;
  if (
    (proto !== Object.prototype && proto !== null) ||
    typeof (value as { toJSON?: unknown }).toJSON === "function" ||
    Symbol.iterator in value
  ) throw NOT_JSON;
  return false;
}

/** A number, boolean or null as go-yaml prints it. */
function scalarText(value: unknown): string {
  switch (typeof value) {
    case "number":
      return numberText(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      return "null";
    default:
      throw NOT_JSON;
  }
}

const INT64_LIMIT = 2 ** 63;
const UINT64_LIMIT = 2 ** 64;

/**
 * A JSON number as kubectl prints it. An integer that fits int64 (or uint64) stays as written;
 * every other number became a float64, printed by `strconv.FormatFloat(f, 'g', -1, 64)`:
 * `1e-05`, `1.5e+07`, `1.8446744073709552e+19`. `-0` is the integer 0.
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? ".nan" : n < 0 ? "-.inf" : ".inf";
  if (Number.isInteger(n)) {
    if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) return n === 0 ? "0" : String(n);
    // JSON.stringify writes the digits of a shortest repr; kubectl reads those back as int64
    // when they fit, else as float64, which its YAML reader takes for a uint64 when it can.
    if (n > -INT64_LIMIT && n < UINT64_LIMIT) {
      const digits = String(n);
      const v = BigInt(digits);
      if (v >= -(2n ** 63n) && v < 2n ** 64n) return digits;
    }
  }
  return formatG(n);
}

/** Go's `strconv.FormatFloat(n, 'g', -1, 64)` for a finite `n`. */
function formatG(n: number): string {
  const text = String(n); // the same shortest digits Go picks, in one of JS's two layouts
  const e = text.indexOf("e");
  let digits: string;
  let exp: number; // of the first digit
  if (e >= 0) {
    digits = text.slice(n < 0 ? 1 : 0, e).replace(".", "");
    exp = Number(text.slice(e + 1));
  } else {
    const abs = n < 0 ? text.slice(1) : text;
    const dot = abs.indexOf(".");
    const intPart = dot < 0 ? abs : abs.slice(0, dot);
    const all = (dot < 0 ? abs : intPart + abs.slice(dot + 1)).replace(/^0+/, "");
    digits = all.replace(/0+$/, "");
    exp = intPart === "0" ? -(abs.length - dot - 1 - all.length) - 1 : intPart.length - 1;
  }
  if (exp >= -4 && exp < 6) return text; // Go's %f layout here, as JS's
  const mantissa = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  const sign = exp < 0 ? "-" : "+";
  const e2 = Math.abs(exp);
  return (n < 0 ? "-" : "") + mantissa + "e" + sign + (e2 < 10 ? "0" : "") + e2;
}

/**
 * Indentation and the strings around it, by width: built once, not per line (short strings are
 * copied, not linked, when concatenated, so building them per line allocates on every pair).
 */
const PADS: string[] = [];
const NEWLINE_PADS: string[] = [];
function pad(n: number): string {
  return PADS[n] ??= " ".repeat(n);
}
function newlinePad(n: number): string {
  return NEWLINE_PADS[n] ??= "\n" + pad(n);
}

/** libyaml's `write_indent` between two nodes: a line break unless one was just written. */
function lineTo(indent: number): string {
  if (!atLineStart) return newlinePad(indent);
  atLineStart = false;
  return pad(indent);
}

/** `- item` lines at `indent`; an item that is a collection starts on the dash's line. */
function sequenceText(items: readonly unknown[], indent: number): string {
  let out = "";
  for (let i = 0; i < items.length; i++) {
    out += (i === 0 ? "-" : lineTo(indent) + "-") + inlineText(items[i] ?? null, indent + 2);
  }
  return out;
}

/**
 * A node after an indicator (`-`, or `:` of an explicit key) whose content is at `indent`: a
 * scalar or empty collection after a space, a collection's first line on the indicator's line.
 */
function inlineText(value: unknown, indent: number): string {
  if (typeof value === "string") return " " + stringText(value, indent, indent, false);
  if (typeof value !== "object" || value === null) return " " + scalarText(value);
  if (isArray(value)) return value.length === 0 ? " []" : " " + sequenceText(value, indent);
  return " " + mappingText(value as Record<string, unknown>, indent);
}

/**
 * How a key starts its line, by key: `key:` for a simple key, {@link EXPLICIT} for one printed as
 * `? key` (multi-line, or over 128 bytes), {@link ODD} for a key that kubectl's JSON round trip
 * changes. A list repeats the same few dozen keys in every object; cleared when full, so odd
 * inputs (labels, annotations) cannot grow it without bound.
 */
const KEY_HEAD = new Map<string, string | typeof EXPLICIT | typeof ODD>();
const KEY_HEAD_LIMIT = 4096;
const EXPLICIT = 0;
const ODD = 1;

function keyHead(key: string): string | typeof EXPLICIT | typeof ODD {
  let head = KEY_HEAD.get(key);
  if (head !== undefined) return head;
  if (normalized(key) !== key) head = ODD;
  else if (key.length > 42 && utf8Length(key) > 128 || hasBreak(key)) head = EXPLICIT;
  else head = stringText(key, 0, 0, true) + ":";
  if (KEY_HEAD.size >= KEY_HEAD_LIMIT) KEY_HEAD.clear();
  KEY_HEAD.set(key, head);
  return head;
}

/**
 * `key: value` lines at `indent`, keys in kubectl's order; keys whose value is `undefined` are
 * left out.
 */
function mappingText(map: Record<string, unknown>, indent: number): string {
  const keys = sortKeys(Object.keys(map));
  let out = "";
  let first = true;
  for (const key of keys) {
    const value = map[key];
    if (value === undefined) continue;
    const head = keyHead(key);
    if (head === ODD) {
      atLineStart = false; // from the pairs given up
      return mappingText(normalizedKeys(map), indent);
    }
    if (!first) out += lineTo(indent);
    first = false;
    out += head === EXPLICIT ? explicitPairText(key, value, indent) : pairText(head, value, indent);
  }
  return first ? "{}" : out;
}

function pairText(head: string, value: unknown, indent: number): string {
  if (typeof value === "string") {
    return head + " " + stringText(value, indent + 2, indent + head.length + 1, false);
  }
  if (typeof value !== "object" || value === null) return head + " " + scalarText(value);
  if (isArray(value)) {
    // A sequence is not indented under its key: `- ` counts as indentation.
    return value.length === 0
      ? head + " []"
      : head + newlinePad(indent) + sequenceText(value, indent);
  }
  const text = mappingText(value as Record<string, unknown>, indent + 2);
  return text === "{}" ? head + " {}" : head + newlinePad(indent + 2) + text;
}

/** `? key` then `: value` on the next line. */
function explicitPairText(key: string, value: unknown, indent: number): string {
  const keyText = "? " + stringText(key, indent + 2, indent + 2, false);
  return keyText + lineTo(indent) + ":" + inlineText(value, indent + 2);
}

/**
 * What kubectl's JSON round trip makes of a string: invalid UTF-16 becomes U+FFFD (as Go's JSON
 * decoder reads a lone surrogate escape), and a raw NEL (U+0085, which `json.Marshal` does not
 * escape) is a line break to the YAML reader, folded inside its double-quoted scalar: spaces
 * around it are dropped and one break reads as a space, n breaks as n-1 newlines.
 */
function normalized(s: string): string {
  if (s.includes("\u0085")) {
    s = s.replace(/ *\u0085[ \u0085]*/g, (run) => {
      const breaks = run.split("\u0085").length - 1;
      return breaks === 1 ? " " : "\n".repeat(breaks - 1);
    });
  }
  return s.isWellFormed() ? s : s.toWellFormed();
}

/**
 * `map` with its keys {@link normalized}; where two become equal, the later one in the byte order
 * `json.Marshal` writes them in wins, as in go-yaml's decoder.
 */
function normalizedKeys(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map).sort(compareCodePoints)) {
    if (map[key] !== undefined) {
      Object.defineProperty(out, normalized(key), {
        value: map[key],
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
  }
  return out;
}

/**
 * Characters of a plain scalar, by class: 0 an ordinary printable ASCII character, 1 space,
 * 2 `:`, 3 `#`, 4 `"` or `\\` (escaped when double-quoted), 5 anything else (control
 * characters, non-ASCII): left to {@link analyzed}.
 */
const CLASS = new Uint8Array(128).fill(5);
for (let c = 0x21; c < 0x7f; c++) CLASS[c] = 0;
CLASS[32] = 1;
CLASS[58] = 2;
CLASS[35] = 3;
CLASS[34] = CLASS[92] = 4;

/** First characters that are indicators or may start one (`- `, `? `, `: `, `---`, `...`). */
const BAD_FIRST = new Uint8Array(128);
for (const ch of "#,[]{}&*!|>'\"%@`-?:. ") BAD_FIRST[ch.charCodeAt(0)] = 1;

/** {@link plainShape}: `s` may be plain. */
const PLAIN_SHAPE = 1;
/** {@link plainShape}: `s` has a space, so it may fold. */
const HAS_SPACE = 2;
/** {@link plainShape}: `s` has `"` or `\\`, which double quotes escape. */
const HAS_ESCAPE = 4;

/**
 * Whether `s` needs none of libyaml's checks to be plain in block context: printable ASCII, no
 * indicator at its start, no `: `, ` #`, trailing `:` or space. (What YAML types claim it is
 * checked apart.) 0 if not, else {@link PLAIN_SHAPE} with {@link HAS_SPACE} and
 * {@link HAS_ESCAPE} as they apply.
 */
function plainShape(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const c0 = s.charCodeAt(0);
  if (c0 >= 128 || BAD_FIRST[c0] === 1 || CLASS[c0] === 5) return 0;
  let shape = PLAIN_SHAPE;
  let prevSpace = false;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    switch (c < 128 ? CLASS[c] : 5) {
      case 0:
        prevSpace = false;
        break;
      case 1:
        prevSpace = true;
        shape |= HAS_SPACE;
        break;
      case 2:
        if (i === n - 1 || s.charCodeAt(i + 1) === 32) return 0;
        prevSpace = false;
        break;
      case 3:
        if (prevSpace) return 0;
        break;
      case 4:
        prevSpace = false;
        shape |= HAS_ESCAPE;
        break;
      default:
        return 0;
    }
  }
  return prevSpace ? 0 : shape;
}

/**
 * A string as key (`simpleKey`: never folded, never a block) or value, printed from column `col`
 * with continuation lines at `indent`.
 */
function stringText(s: string, indent: number, col: number, simpleKey: boolean): string {
  const shape = plainShape(s);
  if (shape !== 0) {
    const fits = simpleKey || (shape & HAS_SPACE) === 0 || col + s.length <= WIDTH + 1;
    if (!claimedByOtherType(s)) return fits ? s : plain(s, indent, col, true);
    if (fits && (shape & HAS_ESCAPE) === 0) return `"${s}"`;
  }
  return styledText(normalized(s), indent, col, simpleKey);
}

const PLAIN = 0;
const SINGLE = 1;
const DOUBLE = 2;
const LITERAL = 3;

/**
 * go-yaml's `stringv` picks the style it asks for, libyaml's `select_scalar_style` the one it
 * gets.
 */
function styledText(s: string, indent: number, col: number, simpleKey: boolean): string {
  let style = s.includes("\n") ? LITERAL : claimedByOtherType(s) ? DOUBLE : PLAIN;
  const allowed = analyzed(s);
  if (simpleKey && (allowed & MULTILINE) !== 0) style = DOUBLE;
  if (style === PLAIN && (allowed & PLAIN_OK) === 0) style = SINGLE;
  if (style === SINGLE && (allowed & SINGLE_OK) === 0) style = DOUBLE;
  if (style === LITERAL && ((allowed & BLOCK_OK) === 0 || simpleKey)) style = DOUBLE;
  switch (style) {
    case PLAIN:
      return plain(s, indent, col, !simpleKey);
    case SINGLE:
      return singleQuoted(s, indent, col, !simpleKey);
    case DOUBLE:
      return doubleQuoted(s, indent, col, !simpleKey);
    default:
      return literal(s, indent);
  }
}

const MULTILINE = 1;
const PLAIN_OK = 2;
const SINGLE_OK = 4;
const BLOCK_OK = 8;

/** YAML's printable set as libyaml checks it: no C0/C1 controls but LF, no BOM, nothing astral. */
function printable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function hasBreak(s: string): boolean {
  return /[\n\r\u0085\u2028\u2029]/.test(s);
}

/** libyaml's `yaml_emitter_analyze_scalar`, block context: which styles `s` allows. */
function analyzed(s: string): number {
  if (s.length === 0) return PLAIN_OK | SINGLE_OK;
  let indicators = s.startsWith("---") || s.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < s.length;) {
    const c = s.codePointAt(i)!;
    const next = i + (c > 0xffff ? 2 : 1);
    const nc = s.charCodeAt(next);
    const followedByWhitespace = next >= s.length || nc === 32 || nc === 9;
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(s[0])) indicators = true;
      else if ((c === 63 || c === 58 || c === 45) && followedByWhitespace) indicators = true;
    } else if (c === 58 && followedByWhitespace) indicators = true;
    else if (c === 35 && precededByWhitespace) indicators = true;
    if (!printable(c)) special = true;
    if (c === 32) {
      if (i === 0) leadingSpace = true;
      if (next === s.length) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (next === s.length) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 32 || c === 9 || c === 0 || isBreak(c);
    i = next;
  }
  let plainOk = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleOk = true;
  let blockOk = !trailingSpace;
  if (breakSpace) plainOk = singleOk = false;
  if (spaceBreak || special) plainOk = singleOk = blockOk = false;
  if (lineBreaks || indicators) plainOk = false;
  return (lineBreaks ? MULTILINE : 0) | (plainOk ? PLAIN_OK : 0) | (singleOk ? SINGLE_OK : 0) |
    (blockOk ? BLOCK_OK : 0);
}

/** A plain scalar, folded at a single space past the width (`write_plain_scalar`). */
function plain(s: string, indent: number, col: number, folds: boolean): string {
  if (!folds) return s;
  let out = "";
  let start = 0;
  let column = col;
  let spaces = false;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 32) {
      if (!spaces && column > WIDTH && s.charCodeAt(i + 1) !== 32) {
        out += s.slice(start, i) + newlinePad(indent);
        column = indent;
        start = i + 1;
      } else column++;
      spaces = true;
    } else {
      column++;
      spaces = false;
    }
  }
  return out + s.slice(start);
}

/** `'…'` with `''` for a quote, folded like plain (`write_single_quoted_scalar`). */
function singleQuoted(s: string, indent: number, col: number, folds: boolean): string {
  let out = "'";
  let column = col + 1;
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (
        folds && !spaces && column > WIDTH && i > 0 && i < s.length - 1 &&
        s.charCodeAt(i + 1) !== 32
      ) {
        out += newlinePad(indent);
        column = indent;
      } else {
        out += " ";
        column++;
      }
      spaces = true;
    } else if (isBreak(c)) {
      // A single line feed would fold into a space: it is written twice. Other breaks (U+2028,
      // U+2029) are copied as they are.
      out += c === 0x0a ? (breaks ? "\n" : "\n\n") : s[i];
      column = 0;
      breaks = true;
    } else {
      if (breaks) {
        out += pad(indent);
        column = indent;
      }
      out += c === 39 ? "''" : s[i];
      column += c === 39 ? 2 : 1;
      spaces = false;
      breaks = false;
    }
  }
  return out + "'";
}

/**
 * `"…"` with libyaml's escapes (`write_double_quoted_scalar`): folded at a single space past the
 * width, a space that starts the next line escaped. A string that starts with a byte order mark
 * has every character escaped: libyaml checks for the mark at the string's start, not at each
 * character.
 */
function doubleQuoted(s: string, indent: number, col: number, folds: boolean): string {
  let out = '"';
  let column = col + 1;
  let spaces = false;
  const bom = s.charCodeAt(0) === 0xfeff;
  for (let i = 0; i < s.length;) {
    const c = s.codePointAt(i)!;
    const next = i + (c > 0xffff ? 2 : 1);
    if (bom || !printable(c) || isBreak(c) || c === 34 || c === 92) {
      const e = escaped(c);
      out += e;
      column += e.length;
      spaces = false;
    } else if (c === 32) {
      if (folds && !spaces && column > WIDTH && i > 0 && i < s.length - 1) {
        out += newlinePad(indent);
        column = indent;
        if (s.charCodeAt(i + 1) === 32) {
          out += "\\";
          column++;
        }
      } else {
        out += " ";
        column++;
      }
      spaces = true;
    } else {
      out += s.slice(i, next);
      column++;
      spaces = false;
    }
    i = next;
  }
  return out + '"';
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: "\\0",
  0x07: "\\a",
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0b: "\\v",
  0x0c: "\\f",
  0x0d: "\\r",
  0x1b: "\\e",
  0x22: '\\"',
  0x5c: "\\\\",
  0x85: "\\N",
  0xa0: "\\_",
  0x2028: "\\L",
  0x2029: "\\P",
};

function escaped(c: number): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return short;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return "\\x" + hex.padStart(2, "0");
  if (c <= 0xffff) return "\\u" + hex.padStart(4, "0");
  return "\\U" + hex.padStart(8, "0");
}

/**
 * `|` block (`write_literal_scalar`): `2` when the first line starts with a space or break, `-`
 * without a final break, `+` with more than one (or only a break); lines at `indent`, empty ones
 * empty.
 */
function literal(s: string, indent: number): string {
  let out = "|";
  const first = s.charCodeAt(0);
  if (first === 32 || isBreak(first)) out += "2";
  const last = s.codePointAt(s.length - 1)!; // a low surrogate is no break either
  if (!isBreak(last)) out += "-";
  else if (s.length === 1 || isBreak(s.charCodeAt(s.length - 2))) out += "+";
  out += "\n";
  let breaks = true;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (isBreak(s.charCodeAt(i))) breaks = true;
    else if (breaks) {
      out += s.slice(start, i) + pad(indent);
      start = i;
      breaks = false;
    }
  }
  atLineStart = breaks;
  return out + s.slice(start);
}
