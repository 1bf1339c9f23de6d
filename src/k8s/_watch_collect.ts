/**
 * Full collections for a watch whose heap grew with a large list, where the runtime offers them.
 *
 * Why: a watch's initial list of a large fleet is parsed, diffed and printed in one go, and
 * leaves behind the pages' text, the parsed objects once printed, and the rendered output, most
 * of it in V8's old generation and large-object space, which only a full collection empties. An
 * idle watch allocates too little to trigger one, so without this the process keeps the whole
 * list's garbage for hours (100 000 VMs: RSS after the list 336 MiB, of which ~110 MiB is the
 * view cache). The policy collects only when the heap grew well beyond what the last collection
 * left (`isWorthCollecting`), so a watch over a small fleet never pays for one.
 *
 * The compiled binary exposes `gc` (`--v8-flags=--expose-gc`, scripts/build.ts); from source,
 * without the flag, this does nothing and starts no timers.
 * @module
 */

import { exposedGc } from "./_collect_garbage.ts";

/** What the policy reads and does; the runtime's by default, injected in tests. */
export interface CollectorRuntime {
  /** Run a full collection. */
  collect: () => void;
  /** Bytes of the JS heap in use now (live objects and garbage not yet collected). */
  heapUsed: () => number;
  /** Call `tick` after `ms`, without keeping the process alive; returns a cancel function. */
  after: (ms: number, tick: () => void) => () => void;
}

/** Growth below this is never worth a collection (a watch over a small fleet stays under it). */
const FLOOR_BYTES = 16 * 2 ** 20;

/** A heap that moved less than this between two looks is idle: the list has been printed. */
const STILL_BYTES = 2 ** 20;

/** How often the heap is looked at while the list's events are being printed. */
const SETTLE_MS = 250;

/**
 * Garbage an idle heap may keep once the list needed collections: the last events printed after the
 * last collection leave less than `isWorthCollecting` waits for (100 000 VMs: ~20 MiB), and an
 * idle watch would hold it for hours.
 */
const IDLE_LEFTOVER_BYTES = 4 * 2 ** 20;

/** Looks in a row at an idle heap with nothing to collect before the settling stops. */
const QUIET_LOOKS = 4;

/** The settling stops after this many looks even if the heap never goes idle (a busy fleet). */
const MAX_LOOKS = 240;

/** Watch events between two looks at the heap. */
const EVENTS_PER_LOOK = 256;

/**
 * Whether a full collection is worth its cost now.
 *
 * @param heapUsed bytes of heap in use now
 * @param liveAfterLast bytes in use right after the last full collection (0 before any)
 * @returns true once the heap grew by half of what was live, and by at least 16 MiB
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(isWorthCollecting(25 * 2 ** 20, 10 * 2 ** 20), false);
 * equal(isWorthCollecting(200 * 2 ** 20, 100 * 2 ** 20), true);
 * ```
 */
export function isWorthCollecting(heapUsed: number, liveAfterLast: number): boolean {
  return heapUsed - liveAfterLast > Math.max(FLOOR_BYTES, liveAfterLast / 2);
}

/** The collection policy of one watch. */
export interface WatchCollector {
  /** A page of a list arrived: collect if the heap grew enough. */
  page(): void;
  /**
   * A list was applied: its events are now being printed. Look at the heap every 250 ms and
   * collect whenever it grew enough, until four looks in a row find it idle with nothing to
   * collect (the printing is over: what it left has been collected), or for a minute at most.
   * Once the list has needed a collection, an idle heap is also collected for what little the
   * printing left after the last one.
   */
  listed(): void;
  /** A watch event was applied: every 256th, collect if the heap grew enough. */
  event(): void;
  /** Stop any settling (the watch ended). */
  stop(): void;
}

const idle: WatchCollector = { page() {}, listed() {}, event() {}, stop() {} };

/** The runtime's `gc`, heap statistics and unref'd timers, or undefined without `--expose-gc`. */
function denoRuntime(): CollectorRuntime | undefined {
  const gc = exposedGc();
  if (gc === undefined) return undefined;
  return {
    // "last-resort" (V8's CollectAllAvailableGarbage) also shrinks the young generation and
    // hands freed pages back to the system; a regular full collection left them committed
    // (100 000 VMs: RSS after the list 302 MiB against 225).
    collect: () => gc({ type: "major", execution: "sync", flavor: "last-resort" }),
    heapUsed: () => Deno.memoryUsage().heapUsed,
    after: (ms, tick) => {
      const id = setTimeout(tick, ms);
      Deno.unrefTimer(id);
      return () => clearTimeout(id);
    },
  };
}

/**
 * The collection policy of one watch.
 *
 * @param runtime what it reads and does @default the runtime's, or nothing without `gc`
 * @returns a collector; one that does nothing when the runtime does not expose `gc`
 */
export function watchCollector(runtime = denoRuntime()): WatchCollector {
  if (runtime === undefined) return idle;
  // Growth is counted from what the process held when the watch began.
  let liveAfterLast = runtime.heapUsed();
  let collections = 0;
  let events = 0;
  let cancel: (() => void) | undefined;
  const collect = (): true => {
    runtime.collect();
    collections += 1;
    liveAfterLast = runtime.heapUsed();
    return true;
  };
  const collectIfWorth = (): boolean =>
    isWorthCollecting(runtime.heapUsed(), liveAfterLast) && collect();
  const collectLeftover = (now: number): boolean =>
    collections > 0 && now - liveAfterLast > IDLE_LEFTOVER_BYTES && collect();
  const settle = (quiet: number, looks: number, before: number): void => {
    cancel = runtime.after(SETTLE_MS, () => {
      const now = runtime.heapUsed();
      const still = Math.abs(now - before) < STILL_BYTES;
      const collected = collectIfWorth() || (still && collectLeftover(now));
      const next = collected || !still ? 0 : quiet + 1;
      if (next < QUIET_LOOKS && looks + 1 < MAX_LOOKS) settle(next, looks + 1, runtime.heapUsed());
      else cancel = undefined;
    });
  };
  return {
    page: () => void collectIfWorth(),
    listed: () => {
      cancel?.();
      settle(0, 0, runtime.heapUsed());
    },
    event: () => {
      events += 1;
      if (events % EVENTS_PER_LOOK === 0) collectIfWorth();
    },
    stop: () => {
      cancel?.();
      cancel = undefined;
    },
  };
}
