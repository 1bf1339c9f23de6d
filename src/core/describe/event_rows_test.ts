import { deepEqual } from "node:assert/strict";
import { eventRows } from "./event_rows.ts";

Deno.test("eventRows() reads core v1 events: count, first and last time, source component", () => {
  const core = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "e" },
    type: "Warning",
    reason: "BackOff",
    message: "  retrying  \n",
    count: 4,
    firstTimestamp: "2026-01-01T00:00:00Z",
    lastTimestamp: "2026-01-01T00:10:00Z",
    source: { component: "hypersdk-operator" },
  };
  deepEqual(eventRows([core]), [[
    "Warning",
    "BackOff",
    { age: "2026-01-01T00:10:00Z", repeat: { count: 4, first: "2026-01-01T00:00:00Z" } },
    "hypersdk-operator",
    "retrying",
  ]]);
});

Deno.test("eventRows() sorts oldest first by when each event was last seen", () => {
  const ev = (reason: string, eventTime: string, last?: string) => ({
    metadata: { name: reason },
    reason,
    eventTime,
    ...(last ? { series: { count: 2, lastObservedTime: last } } : {}),
  });
  const rows = eventRows([
    ev("B", "2026-01-01T00:05:00.000000Z"),
    ev("A", "2026-01-01T00:00:00.000000Z", "2026-01-01T00:09:00.000000Z"),
    ev("C", "2026-01-01T00:01:00.000000Z"),
  ]);
  deepEqual(rows.map((r) => r[1]), ["C", "B", "A"]);
});
