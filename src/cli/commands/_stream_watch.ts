/**
 * The watch half of `list -w`: view events → renderer → stdout, bounded by `--for` and signals.
 *
 * Each event is written and flushed before the next is taken, so a cron job reading the output
 * sees every event as it happens; a closed pipe (`| head -1`) ends the watch quietly.
 * @module
 */

import {
  auditTime,
  concatMap,
  from,
  lastValueFrom,
  merge,
  NEVER,
  type Observable,
  takeUntil,
  takeWhile,
  timer,
} from "../../rx.ts";
import type { KubeObject } from "../../core/types.ts";
import type { ResourceRef } from "../../k8s/api.ts";
import { type KubeSource, watch$, type WatchViewOptions } from "../../k8s/watch.ts";
import { leanSource } from "../../k8s/lean_source.ts";
import { LIVE_ENTER, LIVE_EXIT, liveFrame, liveKey, liveRedraw } from "../../render/live.ts";
import type { Renderer, RenderEvent } from "../../render/renderer.ts";
import type { Deps } from "../deps.ts";
import { InterruptedError } from "../outcomes.ts";
import { interrupted$ } from "./_common.ts";
import type { ListCommandOptions } from "./list.ts";

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
>;

/** The view events of one cluster, as `list -w` wants them (selectors, filter, watch-only). */
export function listEvents$(
  api: KubeSource,
  ref: ResourceRef,
  options: WatchOptions,
  checkpoint: Pick<WatchViewOptions, "resume" | "checkpoint"> = {},
): Observable<RenderEvent> {
  return watch$(leanSource(api), ref, {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    chunkSize: options.chunkSize,
    watchOnly: options.watch === "watch-only",
    filter: options.keep,
    ...checkpoint,
  });
}

/** Print `events$` until `--for` elapses, a signal arrives, or stdout closes. */
export async function streamWatch(
  events$: Observable<RenderEvent>,
  options: WatchOptions & { showContext?: boolean; color?: boolean },
  renderer: Renderer,
  deps: Deps,
): Promise<void> {
  const stop$ = merge(
    options.forMs === undefined ? NEVER : timer(options.forMs),
    interrupted$(deps.interrupt),
  );
  const bounded$ = events$.pipe(takeUntil(stop$));
  const live = options.live && deps.io.stdoutIsTTY &&
    (options.output === "table" || options.output === "wide");
  if (options.live && !live) {
    await deps.io.err.write("warning: --live needs a terminal and table output; printing rows\n");
  }
  if (live) {
    await runLive(bounded$, options, deps);
  } else {
    await lastValueFrom(
      bounded$.pipe(
        concatMap((ev) => from(deps.io.out.write(renderer.event(ev, deps.clock.now())))),
        takeWhile((open) => open),
      ),
      { defaultValue: true },
    );
  }
  const signal = deps.interruptedBy();
  if (signal) throw new InterruptedError(signal);
}

/** `--live`: keep the current view and redraw the whole table at most every 100 ms. */
async function runLive(
  events$: Observable<RenderEvent>,
  options: WatchOptions & { showContext?: boolean; color?: boolean },
  deps: Deps,
): Promise<void> {
  const view = new Map<string, { object: KubeObject; context?: string }>();
  const changedAt = new Map<string, number>();
  // The initial list is not a change: highlight only what changes after the first frame.
  let primed = false;
  await deps.io.out.write(LIVE_ENTER);
  try {
    const frames$ = events$.pipe(
      concatMap((ev) => {
        const key = liveKey(ev.object, ev.context);
        if (ev.type === "DELETED") view.delete(key);
        else view.set(key, { object: ev.object, context: ev.context });
        if (primed) changedAt.set(key, deps.clock.now());
        return [ev];
      }),
      // Bursts of events become one redraw, so a 10 000-object relist does not flood the tty.
      auditTime(100),
      concatMap(() => {
        const rows = [...view.values()];
        const frame = liveFrame(rows.map((r) => r.object), {
          kind: options.kind,
          nowMs: deps.clock.now(),
          wide: options.output === "wide",
          showNamespace: options.allNamespaces,
          showContext: options.showContext,
          color: options.color,
          contexts: rows.map((r) => r.context),
          changedAtMs: changedAt,
          width: deps.io.columns(),
          title: `hyperctl ${options.kind.noun} list --live    ${view.size} objects`,
        });
        primed = true;
        return from(deps.io.out.write(liveRedraw(frame)));
      }),
      takeWhile((open) => open),
    );
    await lastValueFrom(frames$, { defaultValue: true });
  } finally {
    await deps.io.out.write(LIVE_EXIT);
  }
}
