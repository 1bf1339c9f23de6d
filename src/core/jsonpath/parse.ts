/**
 * The parser of kubectl's JSONPath templates (`{.items[*].metadata.name}{"\n"}`), a port of
 * client-go's `util/jsonpath/parser.go` so that the same text means the same thing and fails
 * with the same message. Written by hand: npm JSONPath libraries have no template layer (literal
 * text, `{range}…{end}`, quoted strings) and differ on paths too — jsonpath-plus 10 yields a
 * map's values for `[*]`, nothing for `[5]` past the end and true for `2=="2"`, where kubectl
 * fails on all three.
 *
 * Beyond kubectl: a filter may join comparisons with `&&` and `||` (kubectl rejects the `&`),
 * and an unknown identifier (`{foo}`) or a stray `{end}` fail here rather than at execution.
 * @module
 */

import { InputError } from "../input_error.ts";
import { unquoteExtend } from "./_unquote.ts";
import {
  type FilterOperator,
  type FilterTest,
  type JsonPathNode,
  type ListNode,
  listNode,
  type SliceParam,
} from "./nodes.ts";

const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const COMPARISON = /^([^!<>=]+)([!<>=]+)(.+?)$/s;
const OPERATORS: readonly string[] = ["<", ">", "==", "!=", "<=", ">="];
const EOF = "";

const isSpace = (r: string) => r === " " || r === "\t";
const isEndOfLine = (r: string) => r === "\r" || r === "\n";
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === "_" || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string) =>
  r === EOF || isSpace(r) || isEndOfLine(r) || ".,[]$@{}".includes(r);

/**
 * Parse a template; throws InputError with kubectl's reason (e.g. "unterminated array").
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(parseJsonPath("{.a}{'\\n'}").nodes.length, 2);
 * ```
 */
export function parseJsonPath(text: string): ListNode {
  const root = new Parser(text).parse();
  checkIdentifiers(root);
  return root;
}

/** Parse `{text}` and return its one action, as client-go's `parseAction` does. */
function parseAction(text: string): ListNode {
  return new Parser(`{${text}}`).parse().nodes[0] as ListNode;
}

class Parser {
  readonly root = listNode();
  #pos = 0;
  #start = 0;
  #width = 0;

  constructor(readonly input: string) {}

  parse(): ListNode {
    this.#parseText();
    return this.root;
  }

  #consume(): string {
    const value = this.input.slice(this.#start, this.#pos);
    this.#start = this.#pos;
    return value;
  }

  #next(): string {
    if (this.#pos >= this.input.length) {
      this.#width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.#pos)!);
    this.#width = r.length;
    this.#pos += r.length;
    return r;
  }

  #backup(): void {
    this.#pos -= this.#width;
  }

  #peek(): string {
    const r = this.#next();
    this.#backup();
    return r;
  }

  #rest(): string {
    return this.input.slice(this.#pos);
  }

  /** Literal text up to the next `{`, then the action. */
  #parseText(): void {
    for (;;) {
      if (this.#rest().startsWith("{")) {
        if (this.#pos > this.#start) this.root.nodes.push({ type: "text", text: this.#consume() });
        this.#pos += 1;
        this.#consume();
        const action = listNode();
        this.root.nodes.push(action);
        this.#parseInsideAction(action);
        continue;
      }
      if (this.#next() === EOF) break;
    }
    if (this.#pos > this.#start) this.root.nodes.push({ type: "text", text: this.#consume() });
  }

  #parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.#rest();
      if (rest.startsWith("}")) {
        this.#pos += 1;
        this.#consume();
        return;
      }
      if (rest.startsWith("[?(")) {
        this.#parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        if (cur.nodes.at(-1)?.type === "recursive") {
          throw new InputError("invalid multiple recursive descent");
        }
        this.#pos += 2;
        this.#consume();
        cur.nodes.push({ type: "recursive" });
        if (isAlphaNumeric(this.#peek())) this.#parseField(cur);
        continue;
      }
      const r = this.#next();
      if (r === EOF || isEndOfLine(r)) throw new InputError("unclosed action");
      if (r === " " || r === "@" || r === "$") this.#consume();
      else if (r === "[") this.#parseArray(cur);
      else if (r === '"' || r === "'") this.#parseQuote(cur, r);
      else if (r === ".") this.#parseField(cur);
      else if (r === "+" || r === "-" || isDigit(r)) {
        this.#backup();
        this.#parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.#backup();
        this.#parseIdentifier(cur);
      } else throw new InputError(`unrecognized character in action: ${goRuneName(r)}`);
    }
  }

  #parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.#next()));
    this.#backup();
    const value = this.#consume();
    cur.nodes.push(
      value === "true" || value === "false"
        ? { type: "bool", value: value === "true" }
        : { type: "identifier", name: value },
    );
  }

  #parseNumber(cur: ListNode): void {
    const sign = this.#peek();
    if (sign === "+" || sign === "-") this.#next();
    for (;;) {
      const r = this.#next();
      if (r !== "." && !isDigit(r)) {
        this.#backup();
        break;
      }
    }
    const value = this.#consume();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: "int", value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: "float", value: Number(value) });
    } else throw new InputError(`cannot parse number ${value}`);
  }

  #parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.#next();
      if (r === EOF || r === "\n") throw new InputError("unterminated array");
      if (r === "]") break;
    }
    let text = this.#consume().slice(1, -1);
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      cur.nodes.push({
        type: "union",
        nodes: parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, "")}]`)),
      });
      return;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return;
    }
    const slice = SLICE.exec(text);
    if (!slice) throw new InputError(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      const raw = slice[i + 1] ?? "";
      const digits = i > 0 ? raw.slice(1) : raw;
      if (raw !== "" && !(i > 0 && digits === "")) {
        if (!/^-?\d+$/.test(digits)) throw new InputError(`array index ${digits} is not a number`);
        params.push({ value: Number(digits), known: true, derived: false });
      } else if (raw === "" && i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ type: "array", params: params as [SliceParam, SliceParam, SliceParam] });
  }

  #parseFilter(cur: ListNode): void {
    this.#pos += 3;
    this.#consume();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.#next();
      if (r === EOF || r === "\n") throw new InputError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.#pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")" && begin === end) break;
    }
    if (this.#next() !== "]") throw new InputError("unclosed array expect ]");
    const text = this.#consume().slice(0, -2);
    cur.nodes.push({ type: "filter", test: parseFilterTest(text) });
  }

  #parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.#next();
      if (r === EOF || r === "\n") throw new InputError("unterminated quoted string");
      if (r === quote && this.input[this.#pos - 2] !== "\\") break;
    }
    const value = this.#consume();
    try {
      cur.nodes.push({ type: "text", text: unquoteExtend(value) });
    } catch (e) {
      throw new InputError(`unquote string ${value} error ${(e as Error).message}`);
    }
  }

  #parseField(cur: ListNode): void {
    this.#consume();
    for (;;) {
      const r = this.#next();
      if (r === "\\") this.#next();
      else if (isTerminator(r)) {
        this.#backup();
        break;
      }
    }
    const value = this.#consume();
    cur.nodes.push(
      value === "*" ? { type: "wildcard" } : { type: "field", name: value.replaceAll("\\", "") },
    );
  }
}

/** One filter: `&&`/`||` outside quotes split it (`||` binds loosest), else kubectl's regex. */
function parseFilterTest(text: string): FilterTest {
  for (const operator of ["||", "&&"] as const) {
    const parts = splitOutsideQuotes(text, operator);
    if (parts.length > 1) return { operator, tests: parts.map(parseFilterTest) };
  }
  const m = COMPARISON.exec(text);
  if (!m) return { operator: "exists", left: parseAction(text), right: listNode() };
  if (!OPERATORS.includes(m[2])) throw new InputError(`unrecognized filter operator ${m[2]}`);
  return {
    operator: m[2] as FilterOperator,
    left: parseAction(m[1]),
    right: parseAction(m[3]),
  };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== "\\") quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (text.startsWith(separator, i)) {
      parts.push(text.slice(from, i));
      from = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Go's `%#U`: `U+0026 '&'`. */
function goRuneName(r: string): string {
  const code = r.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  return /\p{Cc}/u.test(r) ? `U+${hex}` : `U+${hex} '${r}'`;
}

/**
 * Identifiers are `range` and `end` only, and every `end` closes a `range`: kubectl finds these
 * mistakes only while printing; finding them here makes them usage errors (exit 2).
 */
function checkIdentifiers(root: ListNode): void {
  let depth = 0;
  const visit = (node: JsonPathNode): void => {
    if (node.type === "identifier") {
      if (node.name === "range") depth++;
      else if (node.name === "end") {
        if (depth === 0) throw new InputError("not in range, nothing to end");
        depth--;
      } else throw new InputError(`unrecognized identifier ${node.name}`);
    } else if (node.type === "list") node.nodes.forEach(visit);
    else if (node.type === "union") node.nodes.forEach(visit);
  };
  root.nodes.forEach(visit);
}
