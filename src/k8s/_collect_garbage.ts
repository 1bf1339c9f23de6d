/**
 * Garbage collection between the pages of a long list, where the runtime offers it.
 *
 * Why: a page's parsed objects stay alive while the page is printed, so V8's own scavenges, which
 * fall at arbitrary points, find many survivors, promote them and grow the young generation;
 * peak RSS then rises with the fleet (a 100 000-VM `-o json` list: 119-148 MiB). Scavenging
 * right after a page is written, when everything it held is garbage, costs no measurable CPU and
 * keeps that list near 80 MiB (bench/FINDINGS-scale.md).
 *
 * What scavenges leave, promoted garbage and the native memory it holds, waits for a full
 * collection. A full collection after every second page reached 72 MiB but added a second of CPU
 * per 100 000 VMs (4-10 ms each). So a full collection runs once, after the first pages (start-up
 * garbage), and then only when RSS has grown `FULL_AFTER_GROWTH` above its level after the last
 * one: about five per 100 000 VMs, and a 100 000-VM list peaks near 77 MiB instead of 82.
 *
 * The compiled binary exposes `gc` (`--v8-flags=--expose-gc`, scripts/build.ts); from source,
 * without the flag, this does nothing.
 * @module
 */

/** RSS growth since the last full collection that calls for the next one. */
export const FULL_AFTER_GROWTH = 4 * 1024 * 1024;

/** The runtime's collector and memory reading. */
export interface GcRuntime {
  /** A young-generation collection. */
  minor(): void;
  /** A full collection. */
  full(): void;
  /** Resident set size in bytes. */
  rss(): number;
}

type ExposedGc = (options?: { type: "minor" | "major" }) => void;

/** Deno's, when `gc` is exposed; undefined otherwise. */
function denoGc(): GcRuntime | undefined {
  const gc = (globalThis as { gc?: ExposedGc }).gc;
  if (gc === undefined) return undefined;
  return {
    minor: () => gc({ type: "minor" }),
    full: () => gc(),
    // About 25 µs a reading, about 100 readings per 100 000 VMs.
    rss: () => Deno.memoryUsage().rss,
  };
}

/**
 * A collector for one list: call it after a page is written, when that page is garbage.
 * @param runtime the collector (default: Deno's exposed `gc`; without it the result does nothing)
 * @returns a function that scavenges, and collects fully when RSS has grown (see the module)
 */
export function pageCollector(runtime: GcRuntime | undefined = denoGc()): () => void {
  if (runtime === undefined) return () => {};
  // RSS after the last full collection; undefined until the first one.
  let baseline: number | undefined;
  return () => {
    runtime.minor();
    if (baseline !== undefined && runtime.rss() <= baseline + FULL_AFTER_GROWTH) return;
    runtime.full();
    baseline = runtime.rss();
  };
}
