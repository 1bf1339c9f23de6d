/**
 * `HYPERCTL_WATCH_IDLE_TIMEOUT`: the silence after which a watch stream counts as dead, for every
 * command that watches (lists, gets and waits alike), read and checked before anything is sent.
 * @module
 */

import { parseDuration } from "../../core/duration.ts";
import { InputError } from "../../core/input_error.ts";

/** Environment variable that sets the dead-stream bound of watches (default 90s). */
export const IDLE_TIMEOUT_ENV = "HYPERCTL_WATCH_IDLE_TIMEOUT";

/**
 * The bound in ms, or undefined for the default.
 *
 * @throws InputError (exit 2) for a value that is not a duration or is under 3s
 * @example
 * ```ts
 * import { equal, throws } from "node:assert/strict";
 * import { watchIdleMs } from "./_watch_idle.ts";
 * equal(watchIdleMs(() => "30s"), 30_000);
 * equal(watchIdleMs(() => undefined), undefined);
 * throws(() => watchIdleMs(() => "abc"), /HYPERCTL_WATCH_IDLE_TIMEOUT: cannot parse/);
 * ```
 */
export function watchIdleMs(env: (name: string) => string | undefined): number | undefined {
  const value = env(IDLE_TIMEOUT_ENV);
  if (value === undefined || value === "") return undefined;
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch (e) {
    throw new InputError(`${IDLE_TIMEOUT_ENV}: ${(e as Error).message}`);
  }
  if (ms < 3000) throw new InputError(`${IDLE_TIMEOUT_ENV} must be at least 3s, got "${value}"`);
  return ms;
}
