/**
 * Label selectors with the full apimachinery grammar (`labels/selector.go`).
 *
 * The CLI sends the user's string to the server unchanged; parsing here validates it before
 * anything is sent (exit 2 with a column) and lets watch views and the sim apply it locally.
 * @module
 */

import { checkSelectorSize } from "./selector_size.ts";
import { InputError } from "./input_error.ts";
import { isDns1123Subdomain } from "./names.ts";

/** The operators of a requirement; `exists` is a bare key, `!` is `!key`. */
export type LabelOperator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | ">" | "<";

/** One comma-separated term of a selector. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** Empty for `exists`/`!`, one value for `= == != > <`, a set for `in`/`notin`. */
  readonly values: readonly string[];
}

/** A parsed selector: requirements ANDed together; empty matches everything. */
export type LabelSelector = readonly LabelRequirement[];

type TokenType =
  | "id"
  | "("
  | ")"
  | ","
  | "!"
  | "="
  | "=="
  | "!="
  | ">"
  | "<"
  | "in"
  | "notin"
  | "eos";
interface Token {
  type: TokenType;
  text: string;
  /** 1-based column of the token's first character. */
  column: number;
}

const SPECIAL = new Set(["=", "!", "(", ")", ",", ">", "<"]);
const WHITESPACE = new Set([" ", "\t", "\r", "\n"]);
const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const INT64_RE = /^[+-]?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Split like upstream's lexer: identifiers are runs of anything but whitespace and operators. */
function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (WHITESPACE.has(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (SPECIAL.has(ch)) {
      const two = input.slice(i, i + 2);
      const text = two === "==" || two === "!=" ? two : ch;
      i += text.length;
      tokens.push({ type: text as TokenType, text, column: start + 1 });
      continue;
    }
    while (i < input.length && !WHITESPACE.has(input[i]) && !SPECIAL.has(input[i])) i++;
    const text = input.slice(start, i);
    const type: TokenType = text === "in" ? "in" : text === "notin" ? "notin" : "id";
    tokens.push({ type, text, column: start + 1 });
  }
  tokens.push({ type: "eos", text: "", column: input.length + 1 });
  return tokens;
}

/** Check a label key: optional DNS-subdomain prefix and `/`, then a name of at most 63 chars. */
export function labelKeyError(key: string): string | undefined {
  const parts = key.split("/");
  if (parts.length > 2) return `key ${JSON.stringify(key)} has more than one "/"`;
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === "") return `key ${JSON.stringify(key)} has an empty prefix before "/"`;
    if (!isDns1123Subdomain(prefix)) {
      return `key prefix ${
        JSON.stringify(prefix)
      } must be a lowercase DNS subdomain of at most 253 characters`;
    }
  }
  if (name === "") return `key ${JSON.stringify(key)} has an empty name`;
  if (name.length > 63) return `key name ${JSON.stringify(name)} is longer than 63 characters`;
  if (!NAME_RE.test(name)) {
    return `key name ${
      JSON.stringify(name)
    } must be alphanumeric with "-", "_" or "." inside, starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Check a label value: at most 63 characters, may be empty. */
export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return `value ${JSON.stringify(value)} is longer than 63 characters`;
  if (!VALUE_RE.test(value)) {
    return `value ${
      JSON.stringify(value)
    } must be empty or alphanumeric with "-", "_" or "." inside, starting and ending with a letter or digit`;
  }
  return undefined;
}

class Parser {
  private pos = 0;
  constructor(private readonly input: string, private readonly tokens: Token[]) {}

  fail(token: Token, why: string): never {
    throw new InputError(
      `cannot parse label selector ${JSON.stringify(this.input)}: ${why} at column ${token.column}`,
    );
  }
  /** In value position `in`/`notin` are plain identifiers, as upstream's Values context. */
  peek(): Token {
    const t = this.tokens[this.pos];
    return t.type === "in" || t.type === "notin" ? { ...t, type: "id" } : t;
  }
  next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }
  found(t: Token): string {
    return t.type === "eos" ? "end of input" : JSON.stringify(t.text);
  }

  parse(): LabelSelector {
    const out: LabelRequirement[] = [];
    if (this.peek().type === "eos") return out;
    for (;;) {
      out.push(this.requirement());
      const t = this.next();
      if (t.type === "eos") return out;
      if (t.type !== ",") this.fail(t, `expected "," or end of input, found ${this.found(t)}`);
      const n = this.peek();
      if (n.type !== "id" && n.type !== "!") {
        this.fail(n, `expected a label key after ",", found ${this.found(n)}`);
      }
    }
  }

  requirement(): LabelRequirement {
    let t = this.next();
    const negated = t.type === "!";
    if (negated) t = this.next();
    if (t.type !== "id") this.fail(t, `expected a label key, found ${this.found(t)}`);
    const key = t.text;
    const keyError = labelKeyError(key);
    if (keyError) this.fail(t, keyError);
    const after = this.peek();
    if (after.type === "eos" || after.type === ",") {
      return { key, operator: negated ? "!" : "exists", values: [] };
    }
    if (negated) this.fail(after, `expected "," or end of input after "!${key}"`);
    // Operators are read in key context, where `in`/`notin` are keywords.
    const opToken = this.tokens[this.pos++];
    switch (opToken.type) {
      case "in":
      case "notin":
        return { key, operator: opToken.type, values: this.valueSet() };
      case "=":
      case "==":
      case "!=":
      case ">":
      case "<": {
        const operator = opToken.type;
        const value = this.exactValue();
        if ((operator === ">" || operator === "<") && parseInt64(value.text) === undefined) {
          this.fail(value, `the value for "${operator}" must be an integer`);
        }
        return { key, operator, values: [value.text] };
      }
      default:
        return this.fail(
          opToken,
          `expected one of "=", "==", "!=", "in", "notin", ">", "<", found ${this.found(opToken)}`,
        );
    }
  }

  exactValue(): Token {
    const t = this.peek();
    if (t.type === "eos" || t.type === ",") return { ...t, type: "id", text: "" };
    this.pos++;
    if (t.type !== "id") this.fail(t, `expected a value, found ${this.found(t)}`);
    const err = labelValueError(t.text);
    if (err) this.fail(t, err);
    return t;
  }

  /** `(a, b)`; like upstream, empty entries (`()`, `(a,)`) stand for the empty value. */
  valueSet(): string[] {
    const open = this.next();
    if (open.type !== "(") this.fail(open, `expected "(", found ${this.found(open)}`);
    const values = new Set<string>();
    let expectValue = true;
    for (;;) {
      const t = this.next();
      if (t.type === ")") {
        if (expectValue) values.add("");
        return [...values];
      }
      if (t.type === ",") {
        if (expectValue) values.add("");
        expectValue = true;
        continue;
      }
      if (t.type === "id" && expectValue) {
        const err = labelValueError(t.text);
        if (err) this.fail(t, err);
        values.add(t.text);
        expectValue = false;
        continue;
      }
      this.fail(
        t,
        expectValue ? `expected a value or ")", found ${this.found(t)}` : `expected ")"`,
      );
    }
  }
}

function parseInt64(text: string): bigint | undefined {
  if (!INT64_RE.test(text)) return undefined;
  const n = BigInt(text);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * Parse a label selector (`env=prod,tier in (web,api),!legacy,gen>3`).
 *
 * Throws an InputError naming the column of the offending token, e.g.
 * `cannot parse label selector "env in (a": expected ")" at column 10`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matchesLabels, parseLabelSelector } from "./label_selector.ts";
 * const sel = parseLabelSelector("env in (prod, qa), !legacy");
 * assert.equal(matchesLabels(sel, { env: "qa" }), true);
 * assert.equal(matchesLabels(sel, { env: "qa", legacy: "" }), false);
 * ```
 */
export function parseLabelSelector(input: string): LabelSelector {
  checkSelectorSize("label selector", input);
  return new Parser(input, lex(input)).parse();
}

/**
 * Whether labels satisfy every requirement. `!=` and `notin` also match when the key is absent;
 * `>`/`<` match only when the label value is an int64, as upstream.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matchesLabels, parseLabelSelector } from "./label_selector.ts";
 * assert.equal(matchesLabels(parseLabelSelector("env!=prod"), {}), true);
 * assert.equal(matchesLabels(parseLabelSelector("gen>3"), { gen: "10" }), true);
 * ```
 */
export function matchesLabels(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>>,
): boolean {
  return selector.every((r) => {
    const has = Object.hasOwn(labels, r.key);
    const value = has ? labels[r.key] : undefined;
    switch (r.operator) {
      case "exists":
        return has;
      case "!":
        return !has;
      case "=":
      case "==":
      case "in":
        return has && r.values.includes(value as string);
      case "!=":
      case "notin":
        return !has || !r.values.includes(value as string);
      case ">":
      case "<": {
        const actual = has ? parseInt64(value as string) : undefined;
        const wanted = parseInt64(r.values[0] ?? "");
        if (actual === undefined || wanted === undefined) return false;
        return r.operator === ">" ? actual > wanted : actual < wanted;
      }
    }
  });
}

/**
 * Print a selector in the syntax the server accepts; parsing the result gives an equivalent
 * selector.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatLabelSelector, parseLabelSelector } from "./label_selector.ts";
 * assert.equal(formatLabelSelector(parseLabelSelector("a in ( x ,y ), ! b")), "a in (x,y),!b");
 * ```
 */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector.map((r) => {
    switch (r.operator) {
      case "exists":
        return r.key;
      case "!":
        return `!${r.key}`;
      case "in":
      case "notin":
        return `${r.key} ${r.operator} (${r.values.join(",")})`;
      default:
        return `${r.key}${r.operator}${r.values[0] ?? ""}`;
    }
  }).join(",");
}
