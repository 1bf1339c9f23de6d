/**
 * The config file and its share of a command's flags: where the file is found and read
 * (`HYPERCTL_CONFIG`, else `$XDG_CONFIG_HOME/hyperctl/config.yaml`, else
 * `~/.config/hyperctl/config.yaml`; a missing default file is an empty config), its defaults
 * (output, color, namespace) where the command line gave none, and for `list` the chosen
 * preset's filters (`--preset NAME`) under explicit flags. What the file holds is
 * config_model.ts; its YAML parser, parse_config.ts, loads only when there is a file.
 *
 * Namespace precedence: `-n` > config `namespace` > the kubeconfig context's namespace >
 * `default`. The config value is handed to the connection as if it were `-n`, and the kubeconfig
 * resolver falls back to the context only when that is empty.
 * @module
 */

import type { Noun } from "../../core/kinds.ts";
import type { GlobalFlags } from "../deps.ts";
import { join } from "pathe";
import {
  type Config,
  EMPTY_CONFIG,
  PRESET_FILTER_KEYS,
  type PresetFilterKey,
} from "./config_model.ts";
import { closest } from "../../core/did_you_mean.ts";
import { InputError } from "../outcomes.ts";

/** Commands that never read the config, so a broken file cannot lock the user out of them. */
export const CONFIG_FREE_VERBS: ReadonlySet<string> = new Set(["completion"]);
/** Only read commands take the config's `output`: elsewhere `-o` means a manifest format. */
const READ_VERBS = new Set(["list", "get"]);

/** Where a command sits in the tree: `vm list` is verb `list`, noun `vm`. */
export interface CommandPlace {
  verb: string;
  noun?: Noun;
}

/**
 * `flags` with the config applied; `given` holds the keys set on the command line, which win.
 *
 * @throws InputError for an unknown preset or one made for another kind (exit 2)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withConfig } from "./with_config.ts";
 * const config = { output: "name" as const, presets: {} };
 * const flags = withConfig(config, { verb: "list", noun: "vm" }, { color: "auto" }, new Set());
 * assert.equal(flags.output, "name");
 * ```
 */
export function withConfig(
  config: Config,
  place: CommandPlace,
  flags: Record<string, unknown>,
  given: ReadonlySet<string>,
): Record<string, unknown> {
  const isGiven = (key: string) => given.has(key);
  const defaulted = applyDefaults(config, flags as GlobalFlags, {
    given: isGiven,
    output: READ_VERBS.has(place.verb),
  }) as Record<string, unknown>;
  if (place.verb !== "list") return defaulted;
  const preset = defaulted.preset as string | undefined;
  return applyPreset(config, preset, defaulted, { noun: place.noun, given: isGiven });
}

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
 * import { applyDefaults } from "./with_config.ts";
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

/** The part of `list`'s flag values a preset can fill. */
export type PresetFlags = { [K in PresetFilterKey]?: string };

/** Options of {@link applyPreset}. */
export interface ApplyPresetOptions {
  /** The noun being listed; a preset with another `kind` is a usage error. @default unchecked */
  noun?: Noun;
  /**
   * Whether a flag was given on the command line. Needed only when a flag has a default value
   * that must not hide the preset's. @default the flag's value is not undefined
   */
  given?: (key: PresetFilterKey) => boolean;
}

/**
 * Merge preset `name` into `flags`: each preset value is used unless that flag was given.
 * `name` undefined returns `flags` unchanged, so callers can pass `flags.preset` as is.
 *
 * @throws InputError (exit 2) for an unknown preset (listing the known ones) or a kind mismatch
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyPreset } from "./with_config.ts";
 * const config = { presets: { big: { minMemory: "16Gi", status: "Running" } } };
 * const merged = applyPreset(config, "big", { status: "Stopped" });
 * assert.deepEqual(merged, { status: "Stopped", minMemory: "16Gi" });
 * ```
 */
export function applyPreset<F extends object>(
  config: Config,
  name: string | undefined,
  flags: F & PresetFlags,
  options: ApplyPresetOptions = {},
): F & PresetFlags {
  if (name === undefined) return flags;
  const preset = Object.hasOwn(config.presets, name) ? config.presets[name] : undefined;
  if (preset === undefined) throw new InputError(unknownPresetMessage(config, name));
  if (options.noun !== undefined && preset.kind !== undefined && preset.kind !== options.noun) {
    throw new InputError(
      `preset "${name}" is for ${preset.kind}, not ${options.noun} (see ${
        config.path ?? "the config file"
      })`,
    );
  }
  const given = options.given ?? ((key: PresetFilterKey) => flags[key] !== undefined);
  const merged: F & PresetFlags = { ...flags };
  for (const key of PRESET_FILTER_KEYS) {
    const value = preset[key];
    if (value !== undefined && !given(key)) (merged as PresetFlags)[key] = value;
  }
  return merged;
}

/**
 * Preset names usable with `noun` (all when `noun` is undefined), sorted; for `--preset`
 * completion and messages.
 */
export function presetNames(config: Config, noun?: Noun): string[] {
  return Object.entries(config.presets)
    .filter(([, p]) => noun === undefined || p.kind === undefined || p.kind === noun)
    .map(([n]) => n)
    .sort();
}

function unknownPresetMessage(config: Config, name: string): string {
  const known = presetNames(config);
  const where = config.path ? ` in "${config.path}"` : "";
  if (known.length === 0) {
    return `unknown preset "${name}": no presets are defined${
      where || " (no config file was found)"
    }`;
  }
  const hint = closest(name, known);
  return `unknown preset "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}: presets${where}: ${
    known.join(", ")
  }`;
}

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
 * import { configPath } from "./with_config.ts";
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
  const { parseConfig } = await import("./parse_config.ts");
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
