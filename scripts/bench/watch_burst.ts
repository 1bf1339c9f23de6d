/**
 * Watch throughput: a watcher prints the initial list, then `updates` status updates are issued
 * as fast as the server takes them; measured is the time from the first update to the last event
 * printed, how many arrived (all must), and the watcher's peak RSS.
 * @module
 */

import type { KubeApi } from "../../src/k8s/api.ts";
import type { Tool } from "./process_run.ts";
import { burstUpdates, UPDATE_MARKER } from "./seed.ts";
import { startWatched } from "./watching.ts";

/** One watcher's run through one burst. */
export interface BurstRun {
  label: string;
  /** First update sent → last event printed. */
  totalMs: number;
  /** First update sent → last update acknowledged by the server (the floor). */
  issueMs: number;
  /** Events carrying this burst's marker that were printed. */
  received: number;
  peakRssKb: number;
}

/** Run one burst against one watcher started with `args` (e.g. `list -w -o json`). */
export async function watchBurst(
  api: KubeApi,
  tool: Tool,
  args: string[],
  namespace: string,
  vmCount: number,
  updates: number,
  tag: string,
  /** How long to wait for stragglers after the last acknowledgement. */
  graceMs = 120_000,
): Promise<BurstRun> {
  const marker = `${UPDATE_MARKER}${tag}-`;
  const w = startWatched(tool, args, marker);
  try {
    await w.settled(1000, 60_000);
    const started = performance.now();
    const lastAck = await burstUpdates(api, namespace, vmCount, updates, tag);
    const all = w.reached(updates);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<number>((r) => timer = setTimeout(() => r(NaN), graceMs));
    const arrived = await Promise.race([all, timeout]);
    clearTimeout(timer);
    // A straggler timeout still reports when the last event that did arrive was printed.
    const lastPrinted = Number.isFinite(arrived) ? arrived : w.lastOutputAt();
    return {
      label: tool.label,
      totalMs: lastPrinted - started,
      issueMs: lastAck - started,
      received: w.count(),
      peakRssKb: w.memory().hwmKb,
    };
  } finally {
    await w.stop();
  }
}
