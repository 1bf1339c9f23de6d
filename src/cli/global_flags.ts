/**
 * Parsing of the global flags that need more than the parser gives.
 * @module
 */

import { InputError } from "../core/input_error.ts";
import { parseDuration } from "../core/duration.ts";
import { validateDns1123Label } from "../core/names.ts";
import type { GlobalFlags } from "./deps.ts";

/**
 * `--request-timeout`: a duration (`30s`, `1m`) or `0` for none, like kubectl.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseRequestTimeout } from "./global_flags.ts";
 * equal(parseRequestTimeout("1m"), 60_000);
 * ```
 */
export function parseRequestTimeout(value: string | undefined): number {
  if (value === undefined) return 30_000;
  if (/^\d+$/.test(value) && value !== "0") {
    throw new InputError(
      `cannot parse --request-timeout "${value}": add a unit, e.g. "${value}s"`,
    );
  }
  return parseDuration(value);
}

/** Check the global flags that can be checked without a cluster (exit 2 before connecting). */
export function validateGlobalFlags(flags: GlobalFlags): void {
  parseRequestTimeout(flags.requestTimeout);
  if (flags.namespace !== undefined) validateDns1123Label(flags.namespace, "namespace");
}
