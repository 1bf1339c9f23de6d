/**
 * The path part of `wait --for jsonpath='{.status.phase}'=Running`: the simple subset — dotted
 * fields, `['key.with.dots']` and `[N]` indexes (negative from the end) — that covers what people
 * wait on. Kept in one small function so it can hand over to a full JSONPath evaluator later.
 *
 * Written here rather than taken from a JSONPath library: kubectl's wait needs only this subset,
 * and libraries differ from kubectl on missing keys (they throw or yield `undefined` items).
 * @module
 */

import { InputError } from "./input_error.ts";

/** One step of a path: a field name or a list index. */
export type PathStep = string | number;

const FIELD = /^\.([^.[\]]+)/;
const INDEX = /^\[(-?\d+)\]/;
const QUOTED = /^\[(?:'([^']*)'|"([^"]*)")\]/;

/**
 * Parse `{.status.phase}` (braces optional, as kubectl's relaxed form) into steps.
 *
 * @throws SyntaxError naming the part that is outside the subset
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { parseWaitPath } from "./wait_jsonpath.ts";
 * deepEqual(parseWaitPath("{.status.ipAddresses[0]}"), ["status", "ipAddresses", 0]);
 * deepEqual(parseWaitPath(".metadata.annotations['a.b/c']"), ["metadata", "annotations", "a.b/c"]);
 * ```
 */
export function parseWaitPath(expression: string): PathStep[] {
  const braced = expression.startsWith("{") && expression.endsWith("}");
  let rest = braced ? expression.slice(1, -1) : expression;
  if (!rest.startsWith(".") && !rest.startsWith("[")) rest = `.${rest}`;
  const steps: PathStep[] = [];
  while (rest.length > 0) {
    const index = INDEX.exec(rest);
    const m = index ?? FIELD.exec(rest) ?? QUOTED.exec(rest);
    if (!m) {
      throw new InputError(
        `--for jsonpath: ${JSON.stringify(expression)} is outside the supported subset at ` +
          `${JSON.stringify(rest)}: use fields and indexes such as {.status.ipAddresses[0]} ` +
          `(for a condition: --for condition=Ready)`,
      );
    }
    steps.push(index ? Number(index[1]) : m[1] ?? m[2]);
    rest = rest.slice(m[0].length);
  }
  if (steps.length === 0) throw new InputError(`--for jsonpath: empty path in "${expression}"`);
  return steps;
}

/**
 * The values at `steps` in `obj`: one value, or none when any step is missing.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { waitPathValues } from "./wait_jsonpath.ts";
 * deepEqual(waitPathValues({ a: { b: [1, 2] } }, ["a", "b", -1]), [2]);
 * deepEqual(waitPathValues({ a: {} }, ["a", "x"]), []);
 * ```
 */
export function waitPathValues(obj: unknown, steps: readonly PathStep[]): unknown[] {
  let at: unknown = obj;
  for (const step of steps) {
    if (typeof step === "number") {
      if (!Array.isArray(at)) return [];
      at = at[step < 0 ? at.length + step : step];
    } else {
      if (typeof at !== "object" || at === null || Array.isArray(at)) return [];
      at = (at as Record<string, unknown>)[step];
    }
    if (at === undefined) return [];
  }
  return [at];
}
