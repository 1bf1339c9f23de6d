/**
 * A young-generation collection between the pages of a long list, where the runtime offers one.
 *
 * Why: a page's parsed objects stay alive while the page is printed, so V8's own scavenges, which
 * fall at arbitrary points, find many survivors, promote them and grow the young generation;
 * peak RSS then rises with the fleet (a 100 000-VM `-o json` list: 119-148 MiB). Scavenging
 * right after a page is written, when everything it held is garbage, costs no measurable CPU and
 * keeps that list near 80 MiB (bench/FINDINGS-scale.md). A full collection there reached 72 MiB
 * but added a second of CPU per 100 000 VMs; `--optimize-for-size` reached 80 MiB but doubled the
 * CPU of `hyperctl sim` serving a large store. A full collection only when RSS had grown 4 MiB
 * since the last one (about five per 100 000 VMs) took 1 MiB off that peak for 3-10 % more CPU:
 * what remains is mostly the C allocator's heap and the runtime's code pages, not V8's heap.
 *
 * The compiled binary exposes `gc` (`--v8-flags=--expose-gc`, scripts/build.ts); from source,
 * without the flag, this does nothing.
 * @module
 */

/** V8's `gc()` as `--expose-gc` installs it, with the options hyperctl uses. */
export type ExposedGc = (
  options: { type: "minor" } | { type: "major"; execution: "sync"; flavor: "last-resort" },
) => void;

/** The runtime's `gc`, or undefined when it is not exposed (from source, without the flag). */
export function exposedGc(): ExposedGc | undefined {
  return (globalThis as { gc?: ExposedGc }).gc;
}

/** Scavenge now if the runtime exposes `gc`; a no-op otherwise. */
export function collectGarbage(): void {
  exposedGc()?.({ type: "minor" });
}
