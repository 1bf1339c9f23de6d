/**
 * The global flags: their specs, the type of their values (derived from the specs), and the
 * checks that need more than the parser gives.
 * @module
 */

import { InputError } from "../core/input_error.ts";
import { parseDuration } from "../core/duration.ts";
import { validateDns1123Label } from "../core/names.ts";
import { flagKey, type FlagValues, switchFlag, valueFlag } from "./command_spec.ts";
import { attempt, collect, mapValid, type Validation } from "../core/validation.ts";

/** Flags every command takes, before or after the command words. */
export const GLOBAL_FLAGS = [
  valueFlag("--kubeconfig", "path", "path to the kubeconfig file"),
  valueFlag("--context", "name", "kubeconfig context to use (list: a,b for several clusters)"),
  valueFlag("--namespace", "ns", "namespace (default: the context's, else default)", {
    short: "-n",
  }),
  switchFlag("--all-namespaces", "across all namespaces", "-A"),
  valueFlag(
    "--output",
    "format",
    "output format: table|wide|json|yaml|name (list, get: also jsonpath=…, jsonpath-file=…, " +
      "jsonpath-as-json=…, custom-columns=…, custom-columns-file=…)",
    { short: "-o" },
  ),
  valueFlag(
    "--request-timeout",
    "duration",
    "timeout of a single request (watches are not capped)",
    { default: "30s" },
  ),
  valueFlag("--color", "when", "colour output", {
    choices: ["auto", "always", "never"],
    default: "auto",
  }),
  switchFlag("--verbose", "log requests (credentials redacted) and show stack traces", "-v"),
] as const;

/** Global flag values; each command gets only those it honours, so any may be absent. */
export type GlobalFlags = Partial<FlagValues<typeof GLOBAL_FLAGS>>;

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

/** The global flags of `flags`, checked as far as they can be without a cluster. */
export function checkGlobals(flags: GlobalFlags): Validation<GlobalFlags> {
  const globals: GlobalFlags = {};
  for (const spec of GLOBAL_FLAGS) {
    const key = flagKey(spec.long) as keyof GlobalFlags;
    if (flags[key] !== undefined) Object.assign(globals, { [key]: flags[key] });
  }
  return mapValid(
    collect({
      timeout: attempt(() => parseRequestTimeout(flags.requestTimeout)),
      namespace: attempt(() =>
        flags.namespace === undefined
          ? undefined
          : validateDns1123Label(flags.namespace, "namespace")
      ),
    }),
    () => globals,
  );
}
