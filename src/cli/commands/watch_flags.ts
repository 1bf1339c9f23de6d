/**
 * The check `list` and `get` share for following objects: which watch `--watch`/`--watch-only`
 * ask for, and `--for`, which bounds it. Light, like print_flags.ts.
 * @module
 */

import { parseDuration } from "../../core/duration.ts";
import { attempt, collect, mapValid, unless, type Validation } from "../../core/validation.ts";

/** What `-w`/`--watch-only` ask for. */
export type WatchMode = "none" | "watch" | "watch-only";

/** How the watch switches were given. */
export interface WatchFlagValues {
  watch?: boolean;
  watchOnly?: boolean;
  for?: string;
}

/** The watch mode of `flags`; `--watch-only` wins over `--watch`. */
export function watchModeOf(flags: WatchFlagValues): WatchMode {
  return flags.watchOnly ? "watch-only" : flags.watch ? "watch" : "none";
}

/** `--for` in milliseconds (undefined: no bound), or why it cannot be used. */
export function checkFor(flags: WatchFlagValues): Validation<number | undefined> {
  const value = flags.for;
  return mapValid(
    collect({
      watching: unless(
        value !== undefined && watchModeOf(flags) === "none",
        "--for needs --watch or --watch-only",
      ),
      forMs: attempt(() => value === undefined ? undefined : parseDuration(value)),
    }),
    (v) => v.forMs,
  );
}
