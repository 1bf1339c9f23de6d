/**
 * Find and read the config file: `HYPERCTL_CONFIG`, else `$XDG_CONFIG_HOME/hyperctl/config.yaml`,
 * else `~/.config/hyperctl/config.yaml`. A missing default file is an empty config.
 * @module
 */

import { join } from "pathe";
import { InputError } from "../outcomes.ts";
import { type Config, EMPTY_CONFIG } from "./config_model.ts";

/** Reads an environment variable (`Deps.env`). */
export type EnvLookup = (name: string) => string | undefined;
/** Returns a file's text, or undefined when it does not exist. */
export type ReadFile = (path: string) => string | undefined;

/**
 * Where the config file is, or undefined when neither `HYPERCTL_CONFIG`, `XDG_CONFIG_HOME` nor
 * `HOME` is set.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { configPath } from "./load_config.ts";
 * const env = { HOME: "/home/ada" } as Record<string, string>;
 * assert.equal(configPath((n) => env[n]), "/home/ada/.config/hyperctl/config.yaml");
 * ```
 */
export function configPath(env: EnvLookup): string | undefined {
  const explicit = env("HYPERCTL_CONFIG");
  if (explicit) return explicit;
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env("XDG_CONFIG_HOME");
  if (xdg && xdg.startsWith("/")) return join(xdg, "hyperctl", "config.yaml");
  const home = env("HOME") || env("USERPROFILE");
  return home ? join(home, ".config", "hyperctl", "config.yaml") : undefined;
}

/**
 * Load the config file; a missing default file is an empty config, a missing file named by
 * `HYPERCTL_CONFIG` is a usage error (a typo there should not be silently ignored).
 *
 * The parser, and the YAML library with it, is imported only when there is a file, so a command
 * without one never loads them (bench/FINDINGS.md, change 6).
 *
 * @param env environment lookup (`deps.env`)
 * @param readFile file reader; defaults to the real file system
 * @returns the config; rejects with InputError for a malformed file or a missing
 *   `HYPERCTL_CONFIG` file
 */
export async function loadConfig(
  env: EnvLookup,
  readFile: ReadFile = readConfigFile,
): Promise<Config> {
  const path = configPath(env);
  if (path === undefined) return EMPTY_CONFIG;
  const text = readFile(path);
  if (text === undefined) {
    if (env("HYPERCTL_CONFIG")) {
      throw new InputError(
        `cannot read config "${path}" (from HYPERCTL_CONFIG): file does not exist`,
      );
    }
    return EMPTY_CONFIG;
  }
  const { parseConfig } = await import("./config.ts");
  return parseConfig(text, path);
}

/** Read a file's text; undefined when it does not exist. Other read errors are usage errors. */
export function readConfigFile(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw new InputError(`cannot read config "${path}": ${(e as Error).message}`);
  }
}
