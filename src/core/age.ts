/**
 * The AGE column, byte-identical to kubectl (apimachinery `util/duration.HumanDuration`).
 *
 * Users compare `hyperctl vm list` with `kubectl get vm` side by side, so every boundary and the
 * truncation (never rounding) follow the Go code, including its 365-day years.
 * @module
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** RFC 3339 date-time as Kubernetes writes timestamps (`2024-05-01T12:00:00Z`, offsets allowed). */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** True when every field of an RFC 3339 match is in range (Date.parse rolls 02-30 over to March). */
function inRange(m: RegExpExecArray): boolean {
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  // Second 60 is a leap second, which RFC 3339 allows.
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && s <= 60 &&
    offsetOk;
}

/**
 * kubectl's human age for an elapsed time.
 *
 * Go truncates `d.Seconds()` toward zero before the first check, so up to 1.999 s of clock skew
 * still prints `0s`, and only -2 s and beyond print `<invalid>`.
 * @param elapsedMs now minus the timestamp, in milliseconds
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatAge } from "./age.ts";
 * assert.equal(formatAge(150_000), "2m30s");
 * assert.equal(formatAge(3 * 86_400_000 + 4 * 3_600_000), "3d4h");
 * ```
 */
export function formatAge(elapsedMs: number): string {
  if (Number.isNaN(elapsedMs)) return "<invalid>";
  const seconds = Math.trunc(elapsedMs / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(elapsedMs / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(elapsedMs / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * Parse a Kubernetes RFC 3339 timestamp to epoch milliseconds, or undefined when it is missing
 * or malformed (Date.parse alone would accept many non-RFC 3339 forms).
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = RFC3339.exec(value);
  if (m === null || !inRange(m)) return undefined;
  const ms = Date.parse(value.toUpperCase());
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The AGE of an object from its creationTimestamp; `<unknown>` when missing or unparseable,
 * as kubectl prints for a zero timestamp.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ageOf } from "./age.ts";
 * assert.equal(ageOf("2024-01-01T00:00:00Z", Date.parse("2024-01-01T00:05:00Z")), "5m");
 * assert.equal(ageOf(undefined, 0), "<unknown>");
 * ```
 */
export function ageOf(creationTimestamp: string | undefined, nowMs: number): string {
  const t = parseTimestamp(creationTimestamp);
  return t === undefined ? "<unknown>" : formatAge(nowMs - t);
}
