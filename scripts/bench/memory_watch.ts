/**
 * Memory over a long watch: every watcher runs at the same time through the same steady stream
 * of status updates, and RSS is sampled at fixed intervals. A flat line is the target: growth
 * that goes on through the second half of the run, after the V8 heap reached its working size
 * (JIT, caches, buffers), would be a leak.
 * @module
 */

import type { KubeApi } from "../../src/k8s/api.ts";
import type { Tool } from "./process_run.ts";
import { runningStatus, UPDATE_MARKER, vmName, vmRef } from "./seed.ts";
import { startWatched } from "./watching.ts";
import { slope } from "./stats.ts";

/** RSS samples of one watcher. */
export interface RssSeries {
  label: string;
  /** Seconds since the updates began. */
  atS: number[];
  rssKb: number[];
  /** The anonymous part of each RSS sample (RssAnon). */
  anonKb: number[];
  /** The file-backed part of each RSS sample (RssFile). */
  fileKb: number[];
  peakKb: number;
  received: number;
}

/** One long watch's outcome. */
export interface LongWatch {
  durationS: number;
  updatesPerS: number;
  sent: number;
  series: RssSeries[];
}

/** Run every watcher for `durationMs` under `updatesPerS` updates a second. */
export async function longWatch(
  api: KubeApi,
  watchers: { tool: Tool; args: string[] }[],
  namespace: string,
  vmCount: number,
  durationMs: number,
  updatesPerS: number,
  sampleEveryMs: number,
  log: (line: string) => void,
): Promise<LongWatch> {
  const tag = "long";
  const marker = `${UPDATE_MARKER}${tag}-`;
  const running = watchers.map((w) => ({ ...w, watched: startWatched(w.tool, w.args, marker) }));
  const series = running.map((r): RssSeries => ({
    label: r.tool.label,
    atS: [],
    rssKb: [],
    anonKb: [],
    fileKb: [],
    peakKb: NaN,
    received: 0,
  }));
  try {
    await Promise.all(running.map((r) => r.watched.settled(1000, 60_000)));
    const started = performance.now();
    let sent = 0;
    let inFlight = 0;
    const ref = vmRef(namespace);
    const tick = setInterval(() => {
      // Steady, not bursty: skip a tick rather than queue up when the server is slow.
      if (inFlight >= 4) return;
      const n = sent++;
      const i = n % vmCount;
      inFlight++;
      api.patch(ref, vmName(i), runningStatus(i, `${marker}${n}`), {
        type: "merge",
        subresource: "status",
      }).catch((err) => log(`update ${n} failed: ${(err as Error).message}`))
        .finally(() => inFlight--);
    }, 1000 / updatesPerS);
    const sample = () => {
      const at = (performance.now() - started) / 1000;
      running.forEach((r, k) => {
        const m = r.watched.memory();
        series[k].atS.push(Math.round(at));
        series[k].rssKb.push(m.rssKb);
        series[k].anonKb.push(m.anonKb);
        series[k].fileKb.push(m.fileKb);
      });
    };
    sample();
    let nextLog = 60_000;
    while (performance.now() - started < durationMs) {
      await new Promise((r) => setTimeout(r, sampleEveryMs));
      sample();
      if (performance.now() - started >= nextLog) {
        log(`  long watch: ${Math.round(nextLog / 60_000)} min, ${sent} updates sent`);
        nextLog += 60_000;
      }
    }
    clearInterval(tick);
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
    // Let the last events reach the watchers before counting.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(running.map((r) => r.watched.reached(sent))),
      new Promise((r) => timer = setTimeout(r, 10_000)),
    ]);
    clearTimeout(timer);
    running.forEach((r, k) => {
      series[k].peakKb = r.watched.memory().hwmKb;
      series[k].received = r.watched.count();
    });
    return { durationS: durationMs / 1000, updatesPerS, sent, series };
  } finally {
    await Promise.all(running.map((r) => r.watched.stop()));
  }
}

/** One memory measure of an `RssSeries`: all of RSS, or its anonymous or file-backed part. */
export type Measure = "rssKb" | "anonKb" | "fileKb";

/** Growth of one memory measure after warm-up. */
export interface Growth {
  fromKb: number;
  toKb: number;
  slopeKbPerMin: number;
}

/**
 * Growth after warm-up of `measure` (all of RSS by default, or its anonymous or file-backed
 * part): the change from the first sample at or after `warmupS` to the last, and the
 * least-squares slope over that span in KiB per minute.
 */
export function growthAfterWarmup(
  s: RssSeries,
  warmupS: number,
  measure: Measure = "rssKb",
): Growth {
  const idx = s.atS.findIndex((t) => t >= warmupS);
  const from = idx < 0 ? 0 : idx;
  const xs = s.atS.slice(from).map((t) => t / 60);
  const ys = s[measure].slice(from);
  return {
    fromKb: ys[0] ?? NaN,
    toKb: ys[ys.length - 1] ?? NaN,
    slopeKbPerMin: slope(xs, ys),
  };
}
