/**
 * Events about an object as kubectl's `Events:` table shows them, from either events API:
 * `events.k8s.io/v1` (`note`, `regarding`, `series`, `reportingController`) or core `v1`
 * (`message`, `involvedObject`, `count`, `source.component`).
 * @module
 */

import { parseTimestamp } from "../age.ts";
import { getNumber, getString, type KubeObject } from "../types.ts";
import type { Cell } from "./view.ts";

/** The columns of kubectl's events table. */
export const EVENT_COLUMNS = ["Type", "Reason", "Age", "From", "Message"] as const;

/** First and last time an event was seen, and how often, whichever API it came from. */
interface Seen {
  first: string | undefined;
  last: string | undefined;
  count: number;
}

function seen(e: KubeObject): Seen {
  const s = (path: string[]) => getString(e, path);
  const first = s(["deprecatedFirstTimestamp"]) ?? s(["firstTimestamp"]) ?? s(["eventTime"]) ??
    s(["metadata", "creationTimestamp"]);
  const seriesCount = getNumber(e, ["series", "count"]);
  if (seriesCount !== undefined) {
    return { first, last: s(["series", "lastObservedTime"]) ?? first, count: seriesCount };
  }
  const count = getNumber(e, ["deprecatedCount"]) ?? getNumber(e, ["count"]) ?? 1;
  const last = s(["deprecatedLastTimestamp"]) ?? s(["lastTimestamp"]) ?? first;
  return { first, last, count };
}

/** When the event was last seen, in epoch ms (unknown sorts first). */
function lastSeenMs(e: KubeObject): number {
  return parseTimestamp(seen(e).last) ?? 0;
}

/**
 * The rows of the events table, oldest first as kubectl sorts them.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { eventRows } from "./event_rows.ts";
 * const ev = {
 *   apiVersion: "events.k8s.io/v1", kind: "Event", type: "Normal", reason: "Started",
 *   note: "Starting start operation", reportingController: "hypersdk-operator",
 *   eventTime: "2026-01-01T00:00:00.000000Z", metadata: { name: "e" },
 * };
 * deepEqual(eventRows([ev]), [[
 *   "Normal", "Started", { age: "2026-01-01T00:00:00.000000Z" }, "hypersdk-operator",
 *   "Starting start operation",
 * ]]);
 * ```
 */
export function eventRows(events: readonly KubeObject[]): Cell[][] {
  return [...events].sort((a, b) => lastSeenMs(a) - lastSeenMs(b)).map((e) => {
    const { first, last, count } = seen(e);
    const from = getString(e, ["deprecatedSource", "component"]) ??
      getString(e, ["source", "component"]) ?? getString(e, ["reportingController"]) ??
      getString(e, ["reportingComponent"]) ?? "";
    const message = (getString(e, ["note"]) ?? getString(e, ["message"]) ?? "").trim();
    const age: Cell = count > 1 ? { age: last, repeat: { count, first } } : { age: first };
    return [getString(e, ["type"]) ?? "", getString(e, ["reason"]) ?? "", age, from, message];
  });
}
