import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { FULL_AFTER_GROWTH, type GcRuntime, pageCollector } from "./_collect_garbage.ts";

const MiB = 1024 * 1024;

/** A runtime whose RSS follows `readings`, one per reading, recording the collections asked for. */
function scripted(readings: number[]): GcRuntime & { calls: string[] } {
  const calls: string[] = [];
  let next = 0;
  return {
    calls,
    minor: () => calls.push("minor"),
    full: () => calls.push("full"),
    rss: () => readings[Math.min(next++, readings.length - 1)],
  };
}

Deno.test("pageCollector: scavenges every time, collects fully first and then only after RSS grew", () => {
  const runtime = scripted([
    50 * MiB, // after the first full collection: the baseline
    52 * MiB, // +2: scavenge only
    50 * MiB + FULL_AFTER_GROWTH, // exactly the growth allowed: scavenge only
    55 * MiB, // +5: full
    53 * MiB, // after it: the new baseline
    56 * MiB, // +3 above the new baseline: scavenge only
  ]);
  const collect = pageCollector(runtime);
  for (let i = 0; i < 5; i++) collect();
  assertEquals(runtime.calls, [
    "minor",
    "full",
    "minor",
    "minor",
    "minor",
    "full",
    "minor",
  ]);
});

Deno.test("pageCollector: each list starts from its own first full collection", () => {
  const runtime = scripted([60 * MiB]);
  pageCollector(runtime)();
  pageCollector(runtime)();
  assertEquals(runtime.calls, ["minor", "full", "minor", "full"]);
});

Deno.test("pageCollector: without an exposed gc it does nothing and reads nothing", () => {
  const collect = pageCollector(undefined);
  collect();
  collect();
});
