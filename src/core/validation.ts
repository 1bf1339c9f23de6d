/**
 * Input checks that collect every problem of a command line instead of stopping at the first.
 *
 * A command's `parse` checks each flag on its own (`attempt`), joins the results with `collect`
 * (fp-ts's applicative validation: all lefts are concatenated), then runs the checks that need
 * several values at once (`andThen`). `vm create Bad_Name --cpus 0 --memory 4G` thus names all
 * three mistakes in one message.
 * @module
 */

import {
  chain,
  type Either,
  getApplicativeValidation,
  isLeft,
  left,
  map,
  right,
} from "fp-ts/Either";
import type { NonEmptyArray } from "fp-ts/NonEmptyArray";
import { InputError } from "./input_error.ts";

/** Either every problem found (at least one) or the checked value. */
export type Validation<A> = Either<NonEmptyArray<InputError>, A>;

const applicative = getApplicativeValidation<NonEmptyArray<InputError>>({
  concat: (a, b) => [...a, ...b] as NonEmptyArray<InputError>,
});

/**
 * A record of validations as the validation of a record: every field's problems, in order.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { attempt, collect, orThrow } from "./validation.ts";
 * import { InputError } from "./input_error.ts";
 * const bad = (m: string) => attempt((): number => { throw new InputError(m); });
 * const v = collect({ a: bad("first"), b: bad("second") });
 * try { orThrow(v); } catch (e) { equal((e as Error).message, "first; second"); }
 * ```
 */
export function collect<R extends Record<string, Validation<unknown>>>(
  fields: R,
): Validation<{ [K in keyof R]: R[K] extends Validation<infer A> ? A : never }> {
  // fp-ts's sequenceS does this, but its higher-kinded types do not resolve through Deno's npm
  // types (the result comes out untyped), so the record is folded with the same `ap`.
  let record: Validation<Record<string, unknown>> = right({});
  for (const [key, field] of Object.entries(fields)) {
    const add = (r: Record<string, unknown>) => (value: unknown) => ({ ...r, [key]: value });
    record = applicative.ap(map(add)(record), field);
  }
  return record as Validation<{ [K in keyof R]: R[K] extends Validation<infer A> ? A : never }>;
}

/** A value that needs no check. */
export function valid<A>(value: A): Validation<A> {
  return right(value);
}

/** One problem. */
export function invalid<A = never>(message: string): Validation<A> {
  return left([new InputError(message)]);
}

/**
 * Run a check written as a function that throws `InputError`; other errors are bugs and pass.
 */
export function attempt<A>(check: () => A): Validation<A> {
  try {
    return right(check());
  } catch (err) {
    if (err instanceof InputError) return left([err]);
    throw err;
  }
}

/** A check that needs the values checked before it; runs only when they are valid. */
export function andThen<A, B>(v: Validation<A>, next: (a: A) => Validation<B>): Validation<B> {
  return chain(next)(v);
}

/** Transform a valid value. */
export function mapValid<A, B>(v: Validation<A>, f: (a: A) => B): Validation<B> {
  return map(f)(v);
}

/** Problems when `failed`, else nothing: for a check that only says no (`--wait` with `--dry-run`). */
export function unless(failed: boolean, message: string): Validation<void> {
  return failed ? invalid(message) : valid(undefined);
}

/**
 * The value, or one `InputError` whose message lists every problem (`a; b; c`), so the user
 * gets one line (exit 2) and nothing is sent.
 */
export function orThrow<A>(v: Validation<A>): A {
  if (!isLeft(v)) return v.right;
  const errors = v.left;
  if (errors.length === 1) throw errors[0];
  // Among several, a problem's first line only: a query's caret drawing means nothing on one line.
  throw new InputError(errors.map((e) => e.message.split("\n")[0]).join("; "));
}
