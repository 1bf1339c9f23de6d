/**
 * The error of a `--sort-by` path the listed objects do not fit, in a file of its own so the
 * CLI's exit-code table can recognise it without loading the sort and its JSONPath engine.
 * @module
 */

/**
 * The sort cannot use the listed objects: none has the field, or one cannot be walked (an index
 * past the end of a list). The path is the user's, but it is found wrong only once the list
 * arrived, after requests were sent: exit 1, as kubectl, not 2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kindByNoun } from "./kinds.ts";
 * import { parseSortKey, sortObjects } from "./sort.ts";
 * import { SortFieldError } from "./sort_field_error.ts";
 * const key = parseSortKey(".spec.nope", kindByNoun("vm"));
 * assert.throws(() => sortObjects([{ spec: {} }], key), SortFieldError);
 * ```
 */
export class SortFieldError extends Error {
  override name = "SortFieldError";
}
