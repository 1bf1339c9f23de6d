/**
 * Tokens of the `--where` language, each with the 1-based column it starts at.
 * @module
 */

/** Token kinds; keywords (and/or/not/in) are words, recognised by position in the parser. */
export type QueryTokenType = "word" | "string" | "op" | "(" | ")" | "," | "eos";

/** One token. `text` is the source text; `value` is the unquoted text for strings. */
export interface QueryToken {
  readonly type: QueryTokenType;
  readonly text: string;
  readonly value: string;
  readonly column: number;
}

/** A lexing or parsing failure at a column; query.ts turns it into a QuerySyntaxError. */
export class QueryLexError extends Error {
  constructor(readonly reason: string, readonly column: number) {
    super(reason);
  }
}

const BREAK = new Set(["(", ")", ",", "=", "!", "<", ">", "'", '"']);
const isSpace = (ch: string) => /\s/.test(ch);

/** Split an expression into tokens; throws QueryLexError for a lone `!` or an open quote. */
export function lexQuery(input: string): QueryToken[] {
  const out: QueryToken[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    const column = i + 1;
    if (isSpace(ch)) {
      i++;
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ type: ch, text: ch, value: ch, column });
      i++;
    } else if (ch === "=" || ch === "!" || ch === "<" || ch === ">") {
      const two = input.slice(i, i + 2);
      const text = ["==", "!=", "<=", ">="].includes(two) ? two : ch;
      if (text === "!") throw new QueryLexError(`unexpected "!" (use "not" or "!=")`, column);
      out.push({ type: "op", text, value: text === "==" ? "=" : text, column });
      i += text.length;
    } else if (ch === "'" || ch === '"') {
      let value = "";
      let j = i + 1;
      for (; j < input.length && input[j] !== ch; j++) {
        // A backslash escapes the quote or itself, so names like it's can be written.
        if (input[j] === "\\" && (input[j + 1] === ch || input[j + 1] === "\\")) j++;
        value += input[j];
      }
      if (j >= input.length) throw new QueryLexError(`unterminated string`, column);
      out.push({ type: "string", text: input.slice(i, j + 1), value, column });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !isSpace(input[j]) && !BREAK.has(input[j])) j++;
      const text = input.slice(i, j);
      out.push({ type: "word", text, value: text, column });
      i = j;
    }
  }
  out.push({ type: "eos", text: "", value: "", column: input.length + 1 });
  return out;
}
