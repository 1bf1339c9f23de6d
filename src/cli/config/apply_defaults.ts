/**
 * Config defaults for the global flags: `output`, `color`, `namespace`, used when the command line
 * does not give them.
 *
 * Namespace precedence: `-n` > config `namespace` > the kubeconfig context's namespace >
 * `default`. The config value is handed to the connection as if it were `-n`, and the kubeconfig
 * resolver falls back to the context only when that is empty.
 * @module
 */

import type { GlobalFlags } from "../deps.ts";
import type { Config } from "./config_model.ts";

/** The global flags the config file can default. */
export type DefaultedFlag = "output" | "color" | "namespace";

/** Options of {@link applyDefaults}. */
export interface ApplyDefaultsOptions {
  /**
   * Whether a flag was given on the command line. The parser fills `--color` with its default
   * "auto", so pass the parser's record of what was typed (with_config.ts does).
   * @default the flag's value is not undefined
   */
  given?: (key: DefaultedFlag) => boolean;
  /** Whether this command takes the config's `output` (read commands do). @default true */
  output?: boolean;
}

/**
 * The config's defaults for the flags that were not given; returns a new object.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyDefaults } from "./apply_defaults.ts";
 * const config = { output: "wide" as const, namespace: "prod", presets: {} };
 * assert.deepEqual(applyDefaults(config, { namespace: "dev" }), { namespace: "dev", output: "wide" });
 * ```
 */
export function applyDefaults(
  config: Config,
  globals: GlobalFlags,
  options: ApplyDefaultsOptions = {},
): GlobalFlags {
  const given = options.given ?? ((key: DefaultedFlag) => globals[key] !== undefined);
  const out: GlobalFlags = { ...globals };
  if (config.output !== undefined && options.output !== false && !given("output")) {
    out.output = config.output;
  }
  if (config.color !== undefined && !given("color")) out.color = config.color;
  if (config.namespace !== undefined && !given("namespace")) out.namespace = config.namespace;
  return out;
}

/** The values {@link applyDefaults} may fill, for callers that set them elsewhere. */
export function configDefaults(
  config: Config,
  options: Pick<ApplyDefaultsOptions, "output"> = {},
): Partial<Record<DefaultedFlag, string>> {
  const out: Partial<Record<DefaultedFlag, string>> = {};
  if (config.output !== undefined && options.output !== false) out.output = config.output;
  if (config.color !== undefined) out.color = config.color;
  if (config.namespace !== undefined) out.namespace = config.namespace;
  return out;
}
