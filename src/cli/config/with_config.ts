/**
 * The config file's share of a command's flags: its defaults (output, color, namespace) where
 * the command line gave none, and for `list` the chosen preset's filters under explicit flags.
 * @module
 */

import type { Noun } from "../../core/kinds.ts";
import type { GlobalFlags } from "../deps.ts";
import { applyDefaults } from "./apply_defaults.ts";
import { applyPreset } from "./apply_preset.ts";
import type { Config } from "./config_model.ts";

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
