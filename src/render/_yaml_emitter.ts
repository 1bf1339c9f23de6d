/**
 * YAML for JSON data (objects, arrays, strings, numbers, booleans, null: all a cluster sends),
 * printing exactly the bytes of `libraryYaml` (_yaml_library.ts): the `yaml` package with YAML 1.1
 * quoting, sequences not indented under their key, no line folding.
 *
 * Written by hand because the library builds a node tree per value and spends 0.2–2 ms an object,
 * some 50 times `JSON.stringify`, and js-yaml's `dump` quotes and escapes differently
 * (tabs, `=`, `<<`, U+2028, `-0`, `1e-7`). The rules below are the library's own (its
 * stringifyString, stringifyPair, stringifyCollection), restricted to those options; a property
 * test holds this file to the library's output. Anything that is not plain JSON data (a Date, a
 * Map, a class instance, a bigint, `undefined` at the top) returns `undefined`, for the library
 * to print.
 * @module
 */

/** Thrown from deep inside when a value is not plain JSON data; caught by {@link emitYaml}. */
const NOT_JSON = Symbol("not JSON data");

/**
 * Characters of a plain word (`[\w./@-]`), and which of them may start one (`\w`): a string of
 * words joined by single spaces or colons needs no quoting unless a YAML 1.1 type claims it (the
 * common case). Checked by a table, not a regex: the check runs for every string of every object.
 */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/\w/.test(ch)) WORD[c] = 2;
  else if ("./@-".includes(ch)) WORD[c] = 1;
}

/** `s` matches `^\w[\w./@-]*(?:[ :][\w./@-]+)*$`. */
function simple(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  let c = s.charCodeAt(0);
  if (c >= 128 || WORD[c] !== 2) return false;
  let afterSeparator = false;
  for (let i = 1; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 128 && WORD[c] !== 0) afterSeparator = false;
    else if ((c === 32 || c === 58) && !afterSeparator) afterSeparator = true;
    else return false;
  }
  return !afterSeparator;
}

/**
 * What YAML 1.1 readers would take for null, bool, int, float, sexagesimal or timestamp. (The
 * merge key `<<` is not here: the library prints that string plain.)
 */
const TAGGED = new RegExp(
  [
    /^(?:~|[Nn]ull|NULL)?$/,
    /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    /^[-+]?0b[0-1_]+$/,
    /^[-+]?0[0-7_]+$/,
    /^[-+]?[0-9][0-9_]*$/,
    /^[-+]?0x[0-9a-fA-F_]+$/,
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
  ].map((r) => `(?:${r.source})`).join("|"),
);

/**
 * The characters a {@link TAGGED} string can start with (every alternative above begins with one
 * of these, or matches the empty string): most strings start with another and skip the regex.
 */
const TAG_FIRST = new Uint8Array(128);
for (const ch of "~NnYyTtOoFfEe.+-0123456789") TAG_FIRST[ch.charCodeAt(0)] = 1;

/** The YAML 1.1 null and bool words: the only tagged strings that start with a letter but `e`. */
const TAGGED_WORDS = new Set(
  "null Null NULL y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF"
    .split(" "),
);

/** A float with only an exponent (`e5`, `E-3`): the tagged strings that start with `e` or `E`. */
const EXPONENT_ONLY = /^[eE][-+]?[0-9]+$/;

/**
 * Whether a YAML 1.1 type claims `s`: {@link TAGGED}, run only for strings that start with a
 * digit, sign, dot or tilde; a string that starts with a letter can only be one of a few words.
 */
function tagged(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c >= 128 || TAG_FIRST[c] === 0) return false;
  if ((c | 32) >= 97 && (c | 32) <= 122) {
    if (c === 101 || c === 69) return EXPONENT_ONLY.test(s);
    return s.length <= 5 && TAGGED_WORDS.has(s);
  }
  return TAGGED.test(s);
}

/**
 * Keys as printed, for keys of the common plain shape: a list repeats the same few dozen keys in
 * every object. Cleared when full, so odd inputs (labels, annotations) cannot grow it unbounded.
 */
const KEY_TEXT = new Map<string, string>();
const KEY_TEXT_LIMIT = 4096;

/** Control characters and lone surrogates: always double-quoted. */
// deno-lint-ignore no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/** Characters and places a plain scalar cannot have. */
const INDICATOR =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** A line a YAML 1.1 reader would take for a directive or document marker. */
const DOC_MARKER = /^(%|---|\.\.\.)/m;

/** Trailing newlines of a block scalar that are followed by more content. */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/**
 * One YAML document for `value`, or `undefined` when `value` is not plain JSON data.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(emitYaml({ kind: "VM", on: "yes", ips: [] }), 'kind: VM\n"on": "yes"\nips: []\n');
 * equal(emitYaml(new Date(0)), undefined);
 * ```
 */
export function emitYaml(value: unknown): string | undefined {
  try {
    return valueText(value, "") + "\n";
  } catch (err) {
    if (err === NOT_JSON) return undefined;
    throw err;
  }
}

/** `value` printed at `indent`, the indentation of the collection or scalar it sits in. */
function valueText(value: unknown, indent: string): string {
  switch (typeof value) {
    case "string":
      return stringText(value, indent, false);
    case "number":
      return numberText(value);
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (value === null) return "null";
      const proto = Object.getPrototypeOf(value);
      const plain = proto === Object.prototype || proto === null;
      if (
        (!plain && proto !== Array.prototype) ||
        typeof (value as { toJSON?: unknown }).toJSON === "function"
      ) throw NOT_JSON;
      if (proto === Array.prototype) return sequenceText(value as unknown[], indent);
      if (Symbol.iterator in value) throw NOT_JSON;
      return mappingText(value as Record<string, unknown>, indent);
    }
    default:
      throw NOT_JSON;
  }
}

function numberText(n: number): string {
  if (Number.isFinite(n)) return Object.is(n, -0) ? "-0" : String(n);
  return Number.isNaN(n) ? ".nan" : n < 0 ? "-.inf" : ".inf";
}

/** `- item` lines; an item's own lines are indented two more. `undefined` items print null. */
function sequenceText(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return "[]";
  const itemIndent = pad(indent.length + 2);
  const dash = NEWLINE_DASH[indent.length] ??= "\n" + indent + "- ";
  let out = "";
  for (let i = 0; i < items.length; i++) {
    out += (i === 0 ? "- " : dash) + valueText(items[i] ?? null, itemIndent);
  }
  return out;
}

/**
 * Indentation and the strings around it, by width: built once, not per line (short strings are
 * copied, not linked, when concatenated, so building them per line allocates on every pair).
 */
const PADS: string[] = [];
const NEWLINE_PADS: string[] = [];
const NEWLINE_DASH: string[] = [];
function pad(n: number): string {
  return PADS[n] ??= " ".repeat(n);
}
function newlinePad(n: number): string {
  return NEWLINE_PADS[n] ??= "\n" + pad(n);
}

/** `key: value` lines; keys whose value is `undefined` are left out, as JSON does. */
function mappingText(map: Record<string, unknown>, indent: string): string {
  let out = "";
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    out += (out === "" ? "" : newlinePad(indent.length)) + pairText(key, value, indent);
  }
  return out === "" ? "{}" : out;
}

function pairText(key: string, value: unknown, indent: string): string {
  const inner = pad(indent.length + 2);
  const keyText = stringText(key, inner, true);
  // A key longer than 1024 characters must be explicit (`? key` then `: value`).
  const explicit = keyText.length > 1024;
  const head = explicit ? `? ${keyText}\n${indent}:` : keyText + ":";
  if (typeof value !== "object" || value === null) return head + " " + valueText(value, inner);
  // Sequences are not indented under their key: `- ` counts as indentation.
  const valueIndent = Array.isArray(value) && !explicit ? indent : inner;
  const text = valueText(value, valueIndent);
  const empty = text === "[]" || text === "{}";
  return head + (explicit || empty ? " " : newlinePad(valueIndent.length)) + text;
}

/** A string as a key (`key`) or value, its block lines (if any) at `indent`. */
function stringText(s: string, indent: string, key: boolean): string {
  if (key) {
    const known = KEY_TEXT.get(s);
    if (known !== undefined) return known;
  }
  if (simple(s)) {
    const text = tagged(s) ? `"${s}"` : s;
    if (key) {
      if (KEY_TEXT.size >= KEY_TEXT_LIMIT) KEY_TEXT.clear();
      KEY_TEXT.set(s, text);
    }
    return text;
  }
  if (CONTROL.test(s)) return doubleQuoted(s, indent, key);
  const multiline = s.includes("\n");
  if (key && multiline) return quoted(s, indent, key);
  if (INDICATOR.test(s)) {
    return key || !multiline ? quoted(s, indent, key) : block(s, indent, false);
  }
  if (multiline) return block(s, indent, false);
  if (DOC_MARKER.test(s)) {
    if (indent === "") return block(s, indent, true);
    if (key && indent === "  ") return quoted(s, indent, key);
  }
  return tagged(s) ? quoted(s, indent, key) : s;
}

/** Single quotes when the string has `"` and no `'`, else double quotes. */
function quoted(s: string, indent: string, key: boolean): string {
  return s.includes('"') && !s.includes("'")
    ? singleQuoted(s, indent, key)
    : doubleQuoted(s, indent, key);
}

function singleQuoted(s: string, indent: string, key: boolean): string {
  if ((key && s.includes("\n")) || /[ \t]\n|\n[ \t]/.test(s)) return doubleQuoted(s, indent, key);
  const lineIndent = indent || (DOC_MARKER.test(s) ? "  " : "");
  return "'" + s.replace(/'/g, "''").replace(/\n+/g, `$&\n${lineIndent}`) + "'";
}

/** JSON's escapes, YAML's short forms for some, and (in long values) real line breaks. */
function doubleQuoted(s: string, indent: string, key: boolean): string {
  const json = JSON.stringify(s);
  const lineIndent = indent || (DOC_MARKER.test(s) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      // A space before a line break is escaped, or a reader would fold it away.
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch !== "\\") continue;
    if (json[i + 1] === "u") {
      str += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      str += SHORT_ESCAPES[code] ??
        (code.substr(0, 2) === "00" ? "\\x" + code.substr(2) : json.substr(i, 6));
      i += 5;
      start = i + 1;
    } else if (json[i + 1] === "n" && !key && json[i + 2] !== '"' && json.length >= 40) {
      // Long values break their lines; the first break is eaten by folding, so it is doubled.
      str += json.slice(start, i) + "\n\n";
      while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
        str += "\n";
        i += 2;
      }
      str += lineIndent;
      if (json[i + 2] === " ") str += "\\";
      i += 1;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

/**
 * YAML's short escapes for the `\\uXXXX` that `JSON.stringify` writes. It leaves U+0085, U+00A0,
 * U+2028 and U+2029 raw, so the library's short forms for those never apply.
 */
const SHORT_ESCAPES: Record<string, string> = {
  "0000": "\\0",
  "0007": "\\a",
  "000b": "\\v",
  "001b": "\\e",
};

/** A literal block scalar (`|`), with chomping and indentation indicators as needed. */
function block(s: string, ctxIndent: string, forceIndent: boolean): string {
  // A block cannot end in whitespace unless its last line has content.
  if (/\n[\t ]+$/.test(s)) return quoted(s, ctxIndent, false);
  const indent = ctxIndent || (forceIndent || DOC_MARKER.test(s) ? "  " : "");
  let value = s;
  let endStart = value.length;
  while (endStart > 0) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "\t" && ch !== " ") break;
    endStart--;
  }
  let end = value.substring(endStart);
  const endNl = end.indexOf("\n");
  const chomp = endNl === -1 ? "-" : value === end || endNl !== end.length - 1 ? "+" : "";
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n") end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNl = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ") startWithSpace = true;
    else if (ch === "\n") startNl = startEnd;
    else break;
  }
  let start = value.substring(0, startNl < startEnd ? startNl + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? (indent ? "2" : "1") : "") + chomp;
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}\n${indent}${start}${value}${end}`;
}
