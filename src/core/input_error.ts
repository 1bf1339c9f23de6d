/**
 * The one error for bad usage or bad input: exit code 2, and nothing was sent to the cluster.
 *
 * It is its own class, not the built-in `SyntaxError`/`RangeError`, because those are also thrown
 * by the runtime (an unguarded `JSON.parse`, a bad `Array` length) after requests were sent; only
 * this class may promise a script that the cluster was not touched. It lives in core so the pure
 * parsers (quantities, selectors, names, manifests) can throw it; the CLI throws it too.
 * @module
 */

/**
 * Bad usage or bad input, found before anything was sent. Exit 2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "./input_error.ts";
 * const e = new InputError(`cannot parse quantity "8GB": did you mean "8G" or "8Gi"?`);
 * assert.ok(e instanceof Error && e.name === "InputError");
 * ```
 */
export class InputError extends Error {
  override name = "InputError";
}
