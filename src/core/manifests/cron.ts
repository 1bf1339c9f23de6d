/**
 * Client-side checks for BackupSchedule timing: a standard 5-field cron expression and an IANA
 * time zone, plus the next run times `schedule create` prints.
 *
 * croner does the parsing; what it accepts beyond Vixie cron (`L`, `W`, `#`, and `?`, which it
 * fills from the current time) is rejected here because the operator's Go cron parser would not
 * read it the same way.
 * @module
 */

import { InputError } from "../input_error.ts";
import { Cron } from "croner";
import { closest, didYouMean } from "../did_you_mean.ts";

const FIELDS = "minute hour day-of-month month day-of-week";
const NICKNAMES = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const NAMES_RE =
  /\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT)\b/gi;
/** A fixed instant for the "does it ever run" probe: validation must not read the clock. */
const PROBE_FROM = new Date(Date.UTC(2000, 0, 1));

function cronOf(expr: string, timezone: string): Cron {
  return new Cron(expr, { mode: "5-part", paused: true, timezone });
}

/**
 * Check a cron expression: 5 fields with numbers, names (`MON`, `JAN`), `*`, ranges, lists and
 * steps, or a nickname such as `@daily`. Returns it with whitespace normalised.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateCron } from "./cron.ts";
 * assert.equal(validateCron(" 0 2  * * MON-FRI"), "0 2 * * MON-FRI");
 * assert.throws(() => validateCron("61 * * * *"), /Invalid value for minute: 61/);
 * ```
 */
export function validateCron(expr: string): string {
  const text = expr.trim().split(/\s+/).join(" ");
  const quoted = `--cron ${JSON.stringify(expr)}`;
  if (text === "") throw new InputError(`--cron must not be empty (as in "0 2 * * *")`);
  if (text.startsWith("@")) {
    if (!NICKNAMES.includes(text.toLowerCase())) {
      const hint = closest(text, NICKNAMES);
      throw new InputError(
        `${quoted} is not a known nickname (${NICKNAMES.join(", ")})` +
          didYouMean(hint),
      );
    }
    return text.toLowerCase();
  }
  const fields = text.split(" ");
  if (fields.length !== 5) {
    throw new InputError(`${quoted} must have 5 fields (${FIELDS}), got ${fields.length}`);
  }
  const extension = /[LW#?]/i.exec(text.replace(NAMES_RE, ""));
  if (extension) {
    throw new InputError(
      `${quoted} uses ${JSON.stringify(extension[0])}, a non-standard extension ` +
        `(use numbers, names, *, ranges, lists and steps)`,
    );
  }
  let cron: Cron;
  try {
    cron = cronOf(text, "UTC");
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^CronPattern: /, "") : String(e);
    throw new InputError(`${quoted} is not a valid cron schedule: ${reason}`);
  }
  // `0 0 31 2 *` parses but never fires; 8 years cover every leap-year and weekday combination.
  const next = cron.nextRun(PROBE_FROM);
  if (next === null || next.getTime() - PROBE_FROM.getTime() > 8 * 366 * 86_400_000) {
    throw new InputError(`${quoted} never runs (no date matches its day and month fields)`);
  }
  return text;
}

/**
 * Check an IANA time zone name (`Europe/Berlin`, `UTC`). Offsets such as `+01:00` and wrongly
 * cased names are refused: the operator loads zones by exact name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateTimezone } from "./cron.ts";
 * assert.equal(validateTimezone("Europe/Berlin"), "Europe/Berlin");
 * assert.throws(() => validateTimezone("Europe/Berln"), /did you mean "Europe\/Berlin"/);
 * ```
 */
export function validateTimezone(tz: string): string {
  const known = Intl.supportedValuesOf("timeZone");
  if (tz === "UTC" || known.includes(tz)) return tz;
  const quoted = `--timezone ${JSON.stringify(tz)}`;
  let resolved: string | undefined;
  try {
    resolved = /^[A-Za-z]/.test(tz)
      ? new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone
      : undefined;
  } catch {
    resolved = undefined;
  }
  const sameButCase = [...known, "UTC"].find((k) => k.toLowerCase() === tz.toLowerCase());
  if (sameButCase !== undefined) {
    throw new InputError(
      `${quoted} has the wrong case: time zone names are case-sensitive ` +
        `(did you mean ${JSON.stringify(sameButCase)}?)`,
    );
  }
  // Aliases such as US/Pacific or Etc/GMT+1 are valid IANA names outside the canonical list.
  if (resolved !== undefined) return tz;
  const hint = closest(tz, known);
  throw new InputError(
    `${quoted} is not a known IANA time zone (such as "UTC" or "Europe/Berlin")` +
      didYouMean(hint),
  );
}

/**
 * The next `count` run times of a schedule strictly after `fromMs`, for printing after create.
 * The expression and zone are validated first, so bad input throws InputError, not croner's
 * TypeError.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nextRuns } from "./cron.ts";
 * const runs = nextRuns("0 2 * * *", "UTC", Date.UTC(2026, 0, 1), 2);
 * assert.deepEqual(runs.map((d) => d.toISOString()), [
 *   "2026-01-01T02:00:00.000Z",
 *   "2026-01-02T02:00:00.000Z",
 * ]);
 * ```
 */
export function nextRuns(cron: string, timezone: string, fromMs: number, count = 3): Date[] {
  const c = cronOf(validateCron(cron), validateTimezone(timezone));
  return c.nextRuns(count, new Date(fromMs));
}

/**
 * `date` as the wall-clock time of `timezone` with its UTC offset (RFC 3339, seconds), so a run of
 * "0 2 * * *" in Europe/Berlin reads 02:00, not the same instant in UTC.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { formatInZone } from "./cron.ts";
 * equal(formatInZone(new Date(Date.UTC(2026, 11, 7, 1)), "Europe/Berlin"), "2026-12-07T02:00:00+01:00");
 * equal(formatInZone(new Date(Date.UTC(2026, 11, 7, 1)), "UTC"), "2026-12-07T01:00:00Z");
 * ```
 */
export function formatInZone(date: Date, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  const minutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const offset = minutes === 0
    ? "Z"
    : `${minutes < 0 ? "-" : "+"}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}:${
      String(Math.abs(minutes) % 60).padStart(2, "0")
    }`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
