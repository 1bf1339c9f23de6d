/**
 * The watch half of `list -w`: view events → renderer → stdout, bounded by `--for` and signals.
 *
 * Each event is written as soon as the write before it is out (events that queued up meanwhile
 * go out together), so a cron job reading the output sees every event as it happens; a closed
 * pipe (`| head -1`) ends the watch quietly.
 * @module
 */

import { type Observable, tap } from "../../rx.ts";
import type { ResourceRef } from "../../k8s/api.ts";
import { type KubeSource, watch$, type WatchViewOptions } from "../../k8s/watch.ts";
import { leanSource } from "../../k8s/lean_source.ts";
import type { Renderer, RenderEvent } from "../../render/renderer.ts";
import type { Deps } from "../deps.ts";
import { followToEnd, printEach, until } from "../stream_tail.ts";
import { runLive } from "./_live_view.ts";
import type { ListCommandOptions } from "./list_options.ts";

type WatchOptions = Pick<
  ListCommandOptions,
  | "kind"
  | "labelSelector"
  | "fieldSelector"
  | "keep"
  | "chunkSize"
  | "watch"
  | "forMs"
  | "live"
  | "allNamespaces"
  | "output"
  | "idleMs"
  | "metadataOnly"
>;

/** The view events of one cluster, as `list -w` wants them (selectors, filter, watch-only). */
export function listEvents$(
  api: KubeSource,
  ref: ResourceRef,
  options: WatchOptions,
  checkpoint: Pick<WatchViewOptions, "resume" | "checkpoint" | "onNotice"> = {},
): Observable<RenderEvent> {
  return watch$(leanSource(api), ref, {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    chunkSize: options.chunkSize,
    metadataOnly: options.metadataOnly,
    watchOnly: options.watch === "watch-only",
    keep: options.keep,
    // `--for 0` means no waiting, as kubectl's 0 does: print the list (or what changed since the
    // checkpoint) and stop.
    untilSynced: options.forMs === 0,
    idleMs: options.idleMs,
    ...checkpoint,
  });
}

/**
 * How far printing got: the events the watch emitted, and those written whole. The watch emits an
 * event in the same step that puts it into its cache, so when the two are equal the cache (the
 * checkpoint) holds nothing the reader has not seen.
 */
export interface PrintTally {
  received: number;
  written: number;
}

/** Print `events$` until `--for` elapses, a signal arrives, or stdout closes. */
export async function streamWatch(
  events$: Observable<RenderEvent>,
  options: WatchOptions & { showContext?: boolean; color?: boolean },
  renderer: Renderer,
  deps: Deps,
  tally: PrintTally = { received: 0, written: 0 },
): Promise<void> {
  // `--for 0` is not a time limit: the source itself stops once the list is printed.
  const bounded$ = events$.pipe(
    tap(() => tally.received++),
    until(options.forMs || undefined, deps),
  );
  const live = options.live && deps.io.stdoutIsTTY &&
    (options.output === "table" || options.output === "wide");
  if (options.live && !live) {
    await deps.io.err.write("warning: --live needs a terminal and table output; printing rows\n");
  }
  if (live) {
    await runLive(bounded$, options, deps);
    // A terminal's view, not a log: its last frame shows the view as the watch ended.
    tally.written = tally.received;
  } else {
    await followToEnd(
      bounded$.pipe(
        printEach(
          (ev) => renderer.event(ev, deps.clock.now()),
          deps.io.out,
          renderer.events && ((evs) => renderer.events!(evs, deps.clock.now())),
        ),
        tap(() => tally.written++),
      ),
      deps,
    );
  }
}
