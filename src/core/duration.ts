/**
 * Durations for `--timeout`, `--for`, `--created-after 24h` and `age > 7d`.
 *
 * Go's `time.ParseDuration` grammar (`1h30m`, `1.5h`, `500ms`) plus `d` for days, because users
 * reach for `7d`. Negative durations are rejected: none of our flags means anything with them.
 * @module
 */

import { InputError } from "./input_error.ts";

/** Nanoseconds per unit, as BigInt so `1.5h` and `999999999ns` are exact until the final ms. */
const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  "µs": 1_000n,
  "μs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n,
};

/** Habits from other tools, mapped to the unit we accept. */
const UNIT_HINTS: Readonly<Record<string, string>> = {
  sec: "s",
  secs: "s",
  second: "s",
  seconds: "s",
  min: "m",
  mins: "m",
  minute: "m",
  minutes: "m",
  hr: "h",
  hrs: "h",
  hour: "h",
  hours: "h",
  day: "d",
  days: "d",
  msec: "ms",
  millis: "ms",
  S: "s",
  M: "m",
  H: "h",
  D: "d",
  MS: "ms",
};

/** Upper bound: Number.MAX_SAFE_INTEGER milliseconds (~285,000 years), so results stay exact. */
const MAX_NS = BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n;

const fail = (input: string, why: string): never => {
  throw new InputError(`cannot parse duration ${JSON.stringify(input)}: ${why}`);
};

function unitHint(input: string, unit: string): string {
  if (unit === "w" || unit === "week" || unit === "weeks") return ` (did you mean "7d"?)`;
  if (unit === "y" || unit === "year" || unit === "years") return ` (did you mean "365d"?)`;
  const hint = UNIT_HINTS[unit] ?? UNIT_HINTS[unit.toLowerCase()];
  if (hint) return ` (did you mean "${input.replace(unit, hint)}"?)`;
  return ` (valid units: ms, s, m, h, d; also ns, us)`;
}

/**
 * Parse a duration into milliseconds (possibly fractional for ns/us inputs).
 *
 * @param input such as `90s`, `5m`, `1h30m`, `7d`, `500ms`, `1.5h` or `0`
 * @returns the duration in milliseconds
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseDuration } from "./duration.ts";
 * assert.equal(parseDuration("1h30m"), 5_400_000);
 * assert.throws(() => parseDuration("5 min"), /did you mean "5m"/);
 * ```
 */
export function parseDuration(input: string): number {
  if (typeof input !== "string") fail(String(input), "not a string");
  if (input === "") fail(input, `empty (write a number and a unit, such as "30s" or "5m")`);
  if (input === "0" || input === "+0") return 0;
  if (input.startsWith("-")) fail(input, "negative durations are not allowed");
  if (/\s/.test(input)) {
    const squeezed = input.replace(/\s+/g, "");
    let hint = "";
    try {
      parseDuration(squeezed);
      hint = ` (did you mean "${squeezed}"?)`;
    } catch {
      const m = /^(\d+(?:\.\d*)?)\s*([A-Za-zµμ]+)$/.exec(input.trim());
      const unit = m ? UNIT_HINTS[m[2]] ?? UNIT_HINTS[m[2].toLowerCase()] : undefined;
      if (m && unit) hint = ` (did you mean "${m[1]}${unit}"?)`;
    }
    fail(input, `contains whitespace${hint}`);
  }
  let rest = input.startsWith("+") ? input.slice(1) : input;
  if (rest === "") fail(input, "missing number");
  let total = 0n;
  while (rest !== "") {
    const m = /^(\d*)(?:\.(\d*))?([^\d.]*)/.exec(rest) as RegExpExecArray;
    const [all, intPart, frac = "", unit] = m;
    if (intPart === "" && frac === "") fail(input, `expected a number at ${JSON.stringify(rest)}`);
    if (unit === "") {
      if (/^\d+$/.test(input)) fail(input, `missing unit (did you mean "${input}s"?)`);
      fail(input, `missing unit after ${JSON.stringify(all)} (units: ms, s, m, h, d)`);
    }
    const scale = UNITS[unit];
    if (scale === undefined) {
      fail(input, `unknown unit ${JSON.stringify(unit)}${unitHint(input, unit)}`);
    }
    // Keep at most 20 fraction digits: beyond that nothing changes at nanosecond precision.
    const f = frac.slice(0, 20);
    const whole = BigInt(intPart || "0") * scale;
    const part = f === "" ? 0n : (BigInt(f) * scale) / 10n ** BigInt(f.length);
    total += whole + part;
    if (total > MAX_NS) fail(input, "too large");
    rest = rest.slice(all.length);
  }
  // Exact for whole milliseconds; sub-millisecond inputs keep their fraction.
  return Number(total / 1_000_000n) + Number(total % 1_000_000n) / 1_000_000;
}

/**
 * Format milliseconds like Go's `time.Duration.String()` after rounding to whole seconds, as
 * HyperSDK's wait lines print elapsed time: `2s`, `1m4s`, `1h0m0s`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatDuration } from "./duration.ts";
 * assert.equal(formatDuration(64_400), "1m4s");
 * assert.equal(formatDuration(3_723_000), "1h2m3s");
 * ```
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "0s";
  // Go's Duration.Round rounds halfway values away from zero.
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000 + 0.5);
  if (total === 0) return "0s";
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const text = h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
  return negative ? `-${text}` : text;
}
