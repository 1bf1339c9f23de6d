/**
 * The two shapes every flag check of the manifest parsers takes: a flag checked only when given,
 * and a flag the command cannot do without. Both return a validation, so a parser collects the
 * problems of all its flags instead of stopping at the first.
 * @module
 */

import { attempt, invalid, valid, type Validation } from "../validation.ts";

/**
 * `check` of the value when the flag was given; absent stays undefined.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { ifGiven } from "./flag_checks.ts";
 * deepEqual(ifGiven(undefined, Number), { _tag: "Right", right: undefined });
 * ```
 */
export function ifGiven<T, A>(
  value: T | undefined,
  check: (value: T) => A,
): Validation<A | undefined> {
  return value === undefined ? valid(undefined) : attempt(() => check(value));
}

/** `check` of the value of a flag the command needs; `missing` when it was not given. */
export function needed<A>(
  value: string | undefined,
  missing: string,
  check: (value: string) => A,
): Validation<A> {
  return value === undefined ? invalid(missing) : attempt(() => check(value));
}
