/**
 * The error of a `--where` expression that does not parse, in a file of its own so the CLI's
 * exit-code table can recognise it without loading the query language.
 * @module
 */

import { InputError } from "./input_error.ts";

/**
 * A `--where` syntax error: the message shows the expression with a caret under `column`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kindByName } from "./kinds.ts";
 * import { parseQuery } from "./query.ts";
 * import { QuerySyntaxError } from "./query_syntax_error.ts";
 * try {
 *   parseQuery("cpus > 2 and (memory", kindByName("vm")!);
 * } catch (e) {
 *   assert.ok(e instanceof QuerySyntaxError && e.column === 21);
 * }
 * ```
 */
export class QuerySyntaxError extends InputError {
  /** 1-based column of the problem. */
  readonly column: number;
  /** The message without the excerpt. */
  readonly reason: string;
  readonly expression: string;
  constructor(expression: string, reason: string, column: number) {
    // Whitespace is shown as spaces so the caret stays under the right character.
    const shown = expression.replace(/\s/g, " ");
    super(
      `cannot parse query at column ${column}: ${reason}\n  ${shown}\n  ${
        " ".repeat(Math.max(0, column - 1))
      }^`,
    );
    this.name = "QuerySyntaxError";
    this.column = column;
    this.reason = reason;
    this.expression = expression;
  }
}
