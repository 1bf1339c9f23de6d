/**
 * The config file (`~/.config/hyperctl/config.yaml`): parsing, loading, presets and defaults.
 * @module
 */

export {
  COLOR_SETTINGS,
  type ColorSetting,
  type Config,
  EMPTY_CONFIG,
  type Preset,
  PRESET_FILTER_KEYS,
  type PresetFilterKey,
} from "./config_model.ts";
export { parseConfig } from "./config.ts";
export {
  configPath,
  type EnvLookup,
  loadConfig,
  readConfigFile,
  type ReadFile,
} from "./load_config.ts";
export {
  applyPreset,
  type ApplyPresetOptions,
  type PresetFlags,
  presetNames,
} from "./apply_preset.ts";
export {
  applyDefaults,
  type ApplyDefaultsOptions,
  configDefaults,
  type DefaultedFlag,
} from "./apply_defaults.ts";
export { type CommandPlace, CONFIG_FREE_VERBS, withConfig } from "./with_config.ts";
