import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { type CollectorRuntime, isWorthCollecting, watchCollector } from "./_watch_collect.ts";

const MiB = 2 ** 20;

/** A heap whose size the test sets, and timers the test fires by hand. */
function fakeHeap(liveAfterCollect: number) {
  const log: string[] = [];
  const timers: (() => void)[] = [];
  let used = 0;
  const runtime: CollectorRuntime = {
    collect: () => {
      log.push(`collect at ${used / MiB}`);
      used = liveAfterCollect;
    },
    heapUsed: () => used,
    after: (_ms, tick) => {
      timers.push(tick);
      return () => timers.splice(timers.indexOf(tick), 1);
    },
  };
  return {
    runtime,
    log,
    grow: (mib: number) => (used += mib * MiB),
    fire: () => timers.shift()?.(),
    pending: () => timers.length,
  };
}

Deno.test("isWorthCollecting() waits for 16 MiB of growth, then for half of what was live", () => {
  assertEquals(isWorthCollecting(15 * MiB, 0), false);
  assertEquals(isWorthCollecting(17 * MiB, 0), true);
  assertEquals(isWorthCollecting(150 * MiB, 100 * MiB), false);
  assertEquals(isWorthCollecting(151 * MiB, 100 * MiB), true);
});

Deno.test("watchCollector() never collects for a small list", () => {
  const heap = fakeHeap(10 * MiB);
  const collector = watchCollector(heap.runtime);
  heap.grow(12);
  collector.page();
  collector.listed();
  for (let i = 0; i < 10; i++) heap.fire();
  for (let i = 0; i < 1000; i++) collector.event();
  assertEquals(heap.log, []);
  assertEquals(heap.pending(), 0); // four idle looks, then no timer is left
});

Deno.test("watchCollector() collects between pages and once the list's events are printed", () => {
  const heap = fakeHeap(10 * MiB);
  const collector = watchCollector(heap.runtime);
  heap.grow(10);
  collector.page();
  heap.grow(10);
  collector.page();
  assertEquals(heap.log, ["collect at 20"]);
  collector.listed();
  heap.grow(10);
  heap.fire(); // printing: not enough garbage yet
  heap.grow(8);
  heap.fire(); // 18 MiB over the 10 live: collect
  heap.fire();
  heap.fire();
  heap.fire();
  assertEquals(heap.pending(), 1); // a collection restarts the count of idle looks
  heap.fire();
  assertEquals(heap.log, ["collect at 20", "collect at 28"]);
  assertEquals(heap.pending(), 0);
});

Deno.test("watchCollector() collects an idle heap's leftover once the list needed a collection", () => {
  const heap = fakeHeap(10 * MiB);
  const collector = watchCollector(heap.runtime);
  heap.grow(20);
  collector.page();
  collector.listed();
  heap.grow(6); // the last events printed after that collection
  heap.fire();
  assertEquals(heap.log, ["collect at 20"]);
  heap.fire(); // idle, with 6 MiB of garbage
  assertEquals(heap.log, ["collect at 20", "collect at 16"]);
  for (let i = 0; i < 4; i++) heap.fire();
  assertEquals(heap.log.length, 2);
  assertEquals(heap.pending(), 0);
});

Deno.test("watchCollector() keeps looking while the heap moves, for a minute at most", () => {
  const heap = fakeHeap(0);
  const collector = watchCollector(heap.runtime);
  collector.listed();
  for (let i = 0; i < 239; i++) {
    heap.grow(i % 2 === 0 ? 4 : -4); // the printing allocates and its garbage is scavenged
    heap.fire();
  }
  assertEquals(heap.pending(), 1);
  heap.fire();
  assertEquals(heap.pending(), 0);
  assertEquals(heap.log, []);
});

Deno.test("watchCollector() looks at the heap every 256th event", () => {
  const heap = fakeHeap(0);
  const collector = watchCollector(heap.runtime);
  heap.grow(64);
  for (let i = 0; i < 255; i++) collector.event();
  assertEquals(heap.log, []);
  collector.event();
  assertEquals(heap.log, ["collect at 64"]);
});

Deno.test("watchCollector().stop() ends the settling", () => {
  const heap = fakeHeap(0);
  const collector = watchCollector(heap.runtime);
  collector.listed();
  collector.stop();
  assertEquals(heap.pending(), 0);
});

Deno.test("watchCollector() does nothing without a runtime gc", () => {
  const collector = watchCollector(undefined);
  collector.page();
  collector.listed();
  collector.event();
  collector.stop();
});
