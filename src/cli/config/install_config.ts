/**
 * Wire the config file into a commander program: one `preAction` hook sets the config's defaults
 * and the chosen preset as option values with source "config", so every command sees them
 * through `opts()`/`optsWithGlobals()` without knowing the config exists.
 *
 * Imports nothing heavy: the parser (and the YAML library) loads only when a command runs, so
 * `--help` and `--version` stay fast.
 * @module
 */

import type { Command } from "commander";
import type { Config } from "./config.ts";

/** Commands that never read the config, so a broken file cannot lock the user out of them. */
const SKIP = new Set(["completion", "__complete", "help"]);
/** Only read commands take the config's `output`: elsewhere `-o` means a manifest format. */
const READ_VERBS = new Set(["list", "get"]);

/**
 * Register the hook on `program` (the root, which holds the global options).
 *
 * @param load called once per run, just before the action, e.g.
 *   `async () => (await import("./config/mod.ts")).loadConfig(deps.env)`; its errors abort the
 *   run (exit 2 for a malformed file)
 */
export function installConfig(program: Command, load: () => Config | Promise<Config>): void {
  program.hook("preAction", async (root, action) => {
    if (SKIP.has(action.name())) return;
    const config = await load();
    const [{ configDefaults }, { applyPreset }, { PRESET_FILTER_KEYS }, { kindByName }] =
      await Promise.all([
        import("./apply_defaults.ts"),
        import("./apply_preset.ts"),
        import("./config.ts"),
        import("../../core/kinds.ts"),
      ]);
    const defaults = configDefaults(config, { output: READ_VERBS.has(action.name()) });
    for (const [key, value] of Object.entries(defaults)) {
      if (!fromCommandLine(root, key)) root.setOptionValueWithSource(key, value, "config");
    }
    const preset = action.getOptionValue("preset");
    if (action.name() !== "list" || typeof preset !== "string") return;
    const current: Record<string, string | undefined> = {};
    for (const key of PRESET_FILTER_KEYS) current[key] = action.getOptionValue(key);
    const merged = applyPreset(config, preset, current, {
      noun: kindByName(action.parent?.name() ?? "")?.noun,
      given: (key) => fromCommandLine(action, key),
    });
    for (const key of PRESET_FILTER_KEYS) {
      if (merged[key] !== undefined && !fromCommandLine(action, key)) {
        action.setOptionValueWithSource(key, merged[key], "config");
      }
    }
  });
}

function fromCommandLine(cmd: Command, key: string): boolean {
  const source = cmd.getOptionValueSource(key);
  return source !== undefined && source !== "default";
}
