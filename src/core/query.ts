/**
 * The `--where` query language: `memory >= 8Gi and (status = running or age > 7d)`.
 *
 * Grammar, lowest precedence first (keywords are case-insensitive):
 * ```
 * expr       := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | "(" expr ")" | comparison
 * comparison := FIELD op value | FIELD ["not"] "in" "(" value ("," value)* ")"
 * op         := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
 * value      := word | 'quoted' | "quoted"
 * ```
 * Values are typed by their field when parsed, so `memory > 8GB` fails before anything is sent,
 * with a caret under the offending column. A field the object lacks makes a comparison false,
 * except `!=` and `not in`, which are true (as `!=` in label selectors).
 * @module
 */

import { InputError } from "./input_error.ts";
import { closest, didYouMean } from "./did_you_mean.ts";
import { fieldsFor, labelField, type QueryField } from "./_query_fields.ts";
import { lexQuery, QueryLexError, type QueryToken } from "./_query_lexer.ts";
import { parseDuration } from "./duration.ts";
import { parseInstant } from "./filters.ts";
import type { KindInfo } from "./kinds.ts";
import { labelKeyError } from "./label_selector.ts";
import { normalizePhase } from "./phases.ts";
import { compareQuantities, parseQuantity, type Quantity } from "./quantity.ts";
import type { KubeObject, ObjectPredicate } from "./types.ts";
import { QuerySyntaxError } from "./query_syntax_error.ts";

export type { FieldType, QueryField } from "./_query_fields.ts";
export { QuerySyntaxError };

/** Comparison operators (`==` is read as `=`). */
export type Comparison = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** A typed literal: text, a number (integers, percentages, ms for age/created) or a quantity. */
export type QueryValue = string | number | Quantity;

/** The parsed expression tree. */
export type Query =
  | { readonly type: "and" | "or"; readonly left: Query; readonly right: Query }
  | { readonly type: "not"; readonly operand: Query }
  | {
    readonly type: "compare";
    readonly field: QueryField;
    readonly op: Comparison;
    readonly value: QueryValue;
  }
  | {
    readonly type: "in";
    readonly field: QueryField;
    readonly values: readonly QueryValue[];
    readonly negated: boolean;
  };

const KEYWORDS = new Set(["and", "or", "not", "in"]);
const ORDERING = new Set(["<", "<=", ">", ">="]);

/** Nesting of parentheses and `not` a query may use; deeper input would exhaust the stack. */
export const MAX_QUERY_DEPTH = 64;
/** Length of a query; a long flat `a or b or …` chain is as deep when it is evaluated. */
export const MAX_QUERY_LENGTH = 4096;

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly fields: readonly QueryField[];
  constructor(private readonly tokens: QueryToken[], private readonly kind: KindInfo) {
    this.fields = fieldsFor(kind);
  }

  private peek(): QueryToken {
    return this.tokens[this.pos];
  }
  private next(): QueryToken {
    return this.tokens[this.pos++];
  }
  private isKeyword(t: QueryToken, word: string): boolean {
    return t.type === "word" && t.text.toLowerCase() === word;
  }
  private fail(t: QueryToken, reason: string): never {
    throw new QueryLexError(reason, t.column);
  }
  private found(t: QueryToken): string {
    return t.type === "eos" ? "end of input" : JSON.stringify(t.text);
  }

  parse(): Query {
    const q = this.or();
    const t = this.peek();
    if (t.type !== "eos") {
      this.fail(t, `expected "and", "or" or end of input, found ${this.found(t)}`);
    }
    return q;
  }

  private or(): Query {
    let left = this.and();
    while (this.isKeyword(this.peek(), "or")) {
      this.next();
      left = { type: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): Query {
    let left = this.unary();
    while (this.isKeyword(this.peek(), "and")) {
      this.next();
      left = { type: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): Query {
    const t = this.peek();
    if (++this.depth > MAX_QUERY_DEPTH) {
      this.fail(t, `nested more than ${MAX_QUERY_DEPTH} levels deep`);
    }
    try {
      return this.operand(t);
    } finally {
      this.depth--;
    }
  }

  private operand(t: QueryToken): Query {
    if (this.isKeyword(t, "not")) {
      this.next();
      return { type: "not", operand: this.unary() };
    }
    if (t.type === "(") {
      this.next();
      const inner = this.or();
      const close = this.next();
      if (close.type !== ")") this.fail(close, `expected ")", found ${this.found(close)}`);
      return inner;
    }
    return this.comparison();
  }

  private field(t: QueryToken): QueryField {
    if (t.type !== "word" || KEYWORDS.has(t.text.toLowerCase())) {
      this.fail(t, `expected a field name, "not" or "(", found ${this.found(t)}`);
    }
    if (t.text.startsWith("labels.")) {
      const key = t.text.slice("labels.".length);
      const err = labelKeyError(key);
      if (err) this.fail(t, `invalid label ${err}`);
      return labelField(key);
    }
    const name = t.text.toLowerCase();
    const f = this.fields.find((x) => x.name === name);
    if (f) return f;
    const names = this.fields.map((x) => x.name);
    const guess = closest(name, names);
    return this.fail(
      t,
      `unknown field ${JSON.stringify(t.text)} for ${this.kind.noun}` +
        didYouMean(guess) +
        `; fields: ${names.join(", ")}, labels.KEY`,
    );
  }

  private comparison(): Query {
    const fieldToken = this.next();
    const field = this.field(fieldToken);
    let t = this.next();
    let negated = false;
    if (this.isKeyword(t, "not") && this.isKeyword(this.peek(), "in")) {
      negated = true;
      t = this.next();
    }
    if (this.isKeyword(t, "in")) {
      const open = this.next();
      if (open.type !== "(") this.fail(open, `expected "(" after "in", found ${this.found(open)}`);
      const values: QueryValue[] = [this.value(field)];
      for (;;) {
        const sep = this.next();
        if (sep.type === ")") break;
        if (sep.type !== ",") this.fail(sep, `expected "," or ")", found ${this.found(sep)}`);
        values.push(this.value(field));
      }
      return { type: "in", field, values, negated };
    }
    if (t.type !== "op") {
      this.fail(
        t,
        `expected an operator (=, !=, <, <=, >, >=, in) after ${
          JSON.stringify(fieldToken.text)
        }, found ${this.found(t)}`,
      );
    }
    const op = t.value as Comparison;
    if (field.type === "status" && ORDERING.has(op)) {
      this.fail(t, `"${op}" does not apply to ${field.name} (use =, != or in)`);
    }
    return { type: "compare", field, op, value: this.value(field) };
  }

  private value(field: QueryField): QueryValue {
    const t = this.next();
    if (t.type !== "word" && t.type !== "string") {
      this.fail(t, `expected a value for ${field.name}, found ${this.found(t)}`);
    }
    const v = t.value;
    const bad = (what: string): never =>
      this.fail(t, `expected ${what} for ${field.name}, found ${JSON.stringify(v)}`);
    try {
      switch (field.type) {
        case "string":
          return v;
        case "status":
          return normalizePhase(this.kind, v);
        case "integer":
          return /^[+-]?\d{1,15}$/.test(v) ? Number(v) : bad("an integer");
        case "number":
          return /^[+-]?\d{1,15}(\.\d+)?%?$/.test(v) ? parseFloat(v) : bad("a number");
        case "quantity":
          return parseQuantity(v);
        case "age":
          return parseDuration(v);
        case "date":
          return parseInstant(v) ??
            bad(`an RFC 3339 date or date-time (for relative times use age, as in "age < 24h")`);
      }
    } catch (e) {
      if (e instanceof QueryLexError) throw e;
      return this.fail(t, (e as Error).message);
    }
  }
}

/**
 * Parse a `--where` expression for a kind. Throws QuerySyntaxError (an InputError) with the
 * column and a caret excerpt.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kindByName } from "./kinds.ts";
 * import { parseQuery, queryPredicate } from "./query.ts";
 * const q = parseQuery("memory >= 8Gi and not status in (stopped, failed)", kindByName("vm")!);
 * const vm = { spec: { memory: "16Gi" }, status: { phase: "Running" } };
 * assert.equal(queryPredicate(q, 0)(vm), true);
 * ```
 */
export function parseQuery(input: string, kind: KindInfo): Query {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new InputError(
      `cannot parse query: ${input.length} characters, more than ${MAX_QUERY_LENGTH}`,
    );
  }
  try {
    // Invalid UTF-8 in argv reaches us as U+FFFD; matching it against names would be a guess.
    const bad = input.indexOf("\uFFFD");
    if (bad >= 0) throw new QueryLexError("not valid UTF-8", bad + 1);
    return new Parser(lexQuery(input), kind).parse();
  } catch (e) {
    if (e instanceof QueryLexError) throw new QuerySyntaxError(input, e.reason, e.column);
    throw e;
  }
}

function compareValues(field: QueryField, a: QueryValue, b: QueryValue): number {
  if (field.type === "quantity") return compareQuantities(a as Quantity, b as Quantity);
  if (field.type === "status") {
    return String(a).toLowerCase() === String(b).toLowerCase() ? 0 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function test(op: Comparison, c: number): boolean {
  switch (op) {
    case "=":
      return c === 0;
    case "!=":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
  }
}

function evaluate(q: Query, obj: KubeObject, nowMs: number): boolean {
  switch (q.type) {
    case "and":
      return evaluate(q.left, obj, nowMs) && evaluate(q.right, obj, nowMs);
    case "or":
      return evaluate(q.left, obj, nowMs) || evaluate(q.right, obj, nowMs);
    case "not":
      return !evaluate(q.operand, obj, nowMs);
    case "compare": {
      const v = q.field.read(obj, nowMs);
      if (v === undefined) return q.op === "!=";
      return test(q.op, compareValues(q.field, v, q.value));
    }
    case "in": {
      const v = q.field.read(obj, nowMs);
      if (v === undefined) return q.negated;
      const found = q.values.some((x) => compareValues(q.field, v, x) === 0);
      return q.negated ? !found : found;
    }
  }
}

/**
 * The query as a predicate; `nowMs` anchors `age`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kindByName } from "./kinds.ts";
 * import { parseQuery, queryPredicate } from "./query.ts";
 * const old = parseQuery("age > 7d", kindByName("vm")!);
 * const vm = { metadata: { creationTimestamp: "2024-01-01T00:00:00Z" } };
 * assert.equal(queryPredicate(old, Date.parse("2024-02-01T00:00:00Z"))(vm), true);
 * ```
 */
export function queryPredicate(q: Query, nowMs: number): ObjectPredicate {
  return (obj) => evaluate(q, obj, nowMs);
}
