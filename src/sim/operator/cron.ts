/**
 * Cron schedules for BackupSchedule, via croner: 5-field patterns as the CRD documents, plus
 * 6-field (seconds first) so tests and demos can watch a schedule fire within seconds.
 * @module
 */

import { Cron } from "croner";

/** A parsed schedule: when it last fired up to a time, and when it fires next. */
export interface CronSchedule {
  /** The latest scheduled time ≤ `now` (epoch ms), if any. */
  latestAtOrBefore(now: number): number | undefined;
  /** The first scheduled time strictly after `after`. */
  nextAfter(after: number): number | undefined;
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parse a cron pattern in a time zone (an unknown zone falls back to UTC, as the reference does).
 * Throws SyntaxError naming the pattern when croner rejects it.
 */
export function parseCron(pattern: string, timezone = "UTC"): CronSchedule {
  let cron: Cron;
  try {
    cron = new Cron(pattern.trim(), {
      timezone: isTimeZone(timezone) ? timezone : "UTC",
      mode: "5-or-6-parts",
      paused: true,
    });
  } catch (e) {
    throw new SyntaxError(`cannot parse schedule "${pattern}": ${(e as Error).message}`);
  }
  return {
    latestAtOrBefore(now) {
      // previousRuns counts a run in the reference's own second; +1 ms makes "≤ now" inclusive.
      const [prev] = cron.previousRuns(1, new Date(now + 1));
      return prev && prev.getTime() <= now ? prev.getTime() : undefined;
    },
    nextAfter(after) {
      return cron.nextRun(new Date(after))?.getTime();
    },
  };
}
