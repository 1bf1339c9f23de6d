/**
 * Boolean flag values as kubectl reads them (pflag's `strconv.ParseBool`).
 * @module
 */

const BOOLEANS: Readonly<Record<string, boolean>> = {
  "1": true,
  t: true,
  T: true,
  true: true,
  TRUE: true,
  True: true,
  "0": false,
  f: false,
  F: false,
  false: false,
  FALSE: false,
  False: false,
};

/**
 * The boolean `text` spells, or undefined when Go's `strconv.ParseBool` would refuse it.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(parseGoBool("FALSE"), false);
 * equal(parseGoBool("yes"), undefined);
 * ```
 */
export function parseGoBool(text: string): boolean | undefined {
  return Object.hasOwn(BOOLEANS, text) ? BOOLEANS[text] : undefined;
}
