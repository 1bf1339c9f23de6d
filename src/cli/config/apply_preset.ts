/**
 * `--preset NAME`: fill list flags from a saved filter set; flags given on the command line win.
 * @module
 */

import { closest } from "../../core/did_you_mean.ts";
import type { Noun } from "../../core/kinds.ts";
import { InputError } from "../outcomes.ts";
import { type Config, PRESET_FILTER_KEYS, type PresetFilterKey } from "./config_model.ts";

/** The part of `RawListFlags` a preset can fill. */
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
 * import { applyPreset } from "./apply_preset.ts";
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
