/**
 * The TIME and EVENT columns a table gets under watch, as a wrapper around any column set.
 *
 * kubectl adds EVENT with `--output-watch-events`; hyperctl always shows both under watch
 * so a log of rows says what happened and when.
 * @module
 */

import type { ColumnSet } from "./columns.ts";

/** Options for {@link withWatchColumns}. */
export interface WatchColumnsOptions {
  /** Formats an event time; inject it so output does not depend on the machine's zone in tests. @default localClockTime */
  formatTime?: (ms: number) => string;
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * `HH:MM:SS` in the local time zone: what a person tailing a watch compares with their clock.
 *
 * @example
 * ```ts
 * import { match } from "node:assert/strict";
 * match(localClockTime(0), /^\d\d:\d\d:\d\d$/);
 * ```
 */
export function localClockTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/**
 * Prepend TIME and EVENT to a column set. EVENT is padded to 8 like kubectl's, so the column is
 * as wide as `MODIFIED` from the first row and later rows never push it wider.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const base = { headers: ["NAME"], cells: () => [{ text: "a" }] };
 * const set = withWatchColumns(base, { formatTime: () => "12:00:00" });
 * deepEqual(set.headers, ["TIME", "EVENT", "NAME"]);
 * deepEqual(set.cells({ object: {}, type: "DELETED", atMs: 0 }).map((c) => c.text), [
 *   "12:00:00",
 *   "DELETED ",
 *   "a",
 * ]);
 * ```
 */
export function withWatchColumns(set: ColumnSet, options: WatchColumnsOptions = {}): ColumnSet {
  const formatTime = options.formatTime ?? localClockTime;
  return {
    headers: ["TIME", "EVENT", ...set.headers],
    cells: (row) => [
      { text: formatTime(row.atMs) },
      { text: (row.type ?? "ADDED").padEnd(8) },
      ...set.cells(row),
    ],
  };
}
