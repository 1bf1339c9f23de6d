/**
 * What a config file holds, apart from its YAML parser (parse_config.ts), so commands that
 * only apply a config never load the YAML library.
 * @module
 */

import type { Noun } from "../../core/kinds.ts";
import type { OutputFormat } from "../../render/renderer.ts";

/** `color:` values, the same as `--color`. */
export const COLOR_SETTINGS = ["auto", "always", "never"] as const;
/** A `color:` value. */
export type ColorSetting = typeof COLOR_SETTINGS[number];

/** The list flags a preset may set (keys: camelCase of the long flag, as `list` gets them). */
export const PRESET_FILTER_KEYS = [
  "selector",
  "fieldSelector",
  "status",
  "node",
  "minCpus",
  "minMemory",
  "createdAfter",
  "createdBefore",
  "where",
  "sortBy",
] as const;
/** One preset filter key. */
export type PresetFilterKey = typeof PRESET_FILTER_KEYS[number];

/** A saved filter set: values exactly as the flags would carry them (strings). */
export type Preset = { [K in PresetFilterKey]?: string } & {
  /** The noun the preset is meant for (`vm`); using it with another noun is a usage error. */
  kind?: Noun;
};

/** A parsed config file. Absent keys mean "no default". */
export interface Config {
  /** Where it was read from, for messages; undefined when there was no file. */
  path?: string;
  output?: OutputFormat;
  color?: ColorSetting;
  /** Default namespace: `-n` > this > the kubeconfig context's namespace > `default`. */
  namespace?: string;
  presets: Record<string, Preset>;
}

/** The empty config, used when there is no file. */
export const EMPTY_CONFIG: Config = Object.freeze({ presets: Object.freeze({}) });
