/**
 * Field selectors (`metadata.name=web-1,status.phase!=Failed`), as apimachinery `fields`.
 *
 * The CLI passes them through to the server; the embedded sim server evaluates them here.
 * Only `=`, `==` and `!=` exist, comma-ANDed; `\,` `\=` and `\\` escape inside values.
 * @module
 */

import { checkSelectorSize } from "./selector_size.ts";
import { InputError } from "./input_error.ts";
import { getPath } from "./types.ts";

/** One `path op value` term. */
export interface FieldRequirement {
  /** Dotted path such as `metadata.name`. */
  readonly field: string;
  readonly operator: "=" | "==" | "!=";
  readonly value: string;
}

/** A parsed field selector; empty matches everything. */
export type FieldSelector = readonly FieldRequirement[];

const fail = (input: string, why: string): never => {
  throw new InputError(`cannot parse field selector ${JSON.stringify(input)}: ${why}`);
};

/** Split on unescaped commas, keeping escapes for the term parser. */
function splitTerms(input: string): string[] {
  const terms: string[] = [];
  let cur = "";
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === "\\" && i + 1 < input.length) {
      cur += ch + input[++i];
    } else if (ch === ",") {
      terms.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  terms.push(cur);
  return terms;
}

function unescape(input: string, value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch !== "\\") {
      if (ch === "=" || ch === ",") fail(input, `unescaped ${JSON.stringify(ch)} in a value`);
      out += ch;
      continue;
    }
    const next = value[++i];
    if (next !== "\\" && next !== "," && next !== "=") {
      fail(input, `invalid escape sequence "\\${next ?? ""}" (only \\\\ \\, and \\= are allowed)`);
    }
    out += next;
  }
  return out;
}

/**
 * Parse a field selector. Throws InputError for a term without an operator or a bad escape.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matchesFields, parseFieldSelector } from "./field_selector.ts";
 * const sel = parseFieldSelector("metadata.name=web-1,status.phase!=Failed");
 * assert.equal(matchesFields(sel, { metadata: { name: "web-1" } }), true);
 * ```
 */
export function parseFieldSelector(input: string): FieldSelector {
  checkSelectorSize("field selector", input);
  const out: FieldRequirement[] = [];
  for (const term of splitTerms(input)) {
    if (term.trim() === "") continue;
    // The first operator wins, trying `!=` and `==` before `=` at each position (upstream order).
    const m = /^([^=!]*?)(!=|==|=)(.*)$/s.exec(term);
    if (!m) fail(input, `${JSON.stringify(term)} has no "=", "==" or "!="`);
    const [, field, operator, raw] = m as RegExpExecArray;
    const path = field.trim();
    if (path === "") fail(input, `${JSON.stringify(term)} has no field name`);
    if (!/^[A-Za-z0-9_.-]+$/.test(path) || path.split(".").includes("")) {
      fail(input, `${JSON.stringify(path)} is not a dotted field path such as "metadata.name"`);
    }
    out.push({
      field: path,
      operator: operator as FieldRequirement["operator"],
      value: unescape(input, raw),
    });
  }
  return out;
}

/** The field's value as the API server compares it: scalars as text, absent as "". */
export function fieldValue(obj: unknown, field: string): string {
  const v = getPath(obj, field.split("."));
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

/**
 * Whether an object satisfies every term; an absent field reads as "" (as on the server).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matchesFields, parseFieldSelector } from "./field_selector.ts";
 * assert.equal(matchesFields(parseFieldSelector("spec.vmRef.name="), {}), true);
 * ```
 */
export function matchesFields(selector: FieldSelector, obj: unknown): boolean {
  return selector.every((r) =>
    r.operator === "!="
      ? fieldValue(obj, r.field) !== r.value
      : fieldValue(obj, r.field) === r.value
  );
}

/** Print a selector back in the syntax the server accepts, escaping values. */
export function formatFieldSelector(selector: FieldSelector): string {
  return selector
    .map((r) => `${r.field}${r.operator}${r.value.replace(/[\\,=]/g, (c) => `\\${c}`)}`)
    .join(",");
}
