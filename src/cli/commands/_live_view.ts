/**
 * `--live`: the current view redrawn as one table on the alternate screen.
 *
 * The view is the core view cache, one per cluster (as each cluster's watch keeps one), fed with
 * the view events the watch emits; a redraw shows what the caches hold at that moment.
 * @module
 */

import { auditTime, map, type Observable } from "../../rx.ts";
import type { KindInfo } from "../../core/kinds.ts";
import type { KubeObject } from "../../core/types.ts";
import { applyEvent, emptyCache, type ViewCache, visibleObjects } from "../../core/view_cache.ts";
import { LIVE_ENTER, LIVE_EXIT, liveFrame, liveKey, liveRedraw } from "../../render/live.ts";
import type { OutputFormat, RenderEvent } from "../../render/renderer.ts";
import type { Deps } from "../deps.ts";
import { followToEnd, printEach } from "../stream_tail.ts";

/** What the live table shows: the kind's columns, wide or not, namespace and cluster columns. */
export interface LiveOptions {
  kind: KindInfo;
  /** Only `wide` changes the table. */
  output: OutputFormat;
  allNamespaces: boolean;
  /** A CONTEXT column, when several clusters are merged. @default false */
  showContext?: boolean;
  /** @default false */
  color?: boolean;
}

/** Redraw the whole table at most every 100 ms until `events$` ends (its tail bounds it). */
export async function runLive(
  events$: Observable<RenderEvent>,
  options: LiveOptions,
  deps: Deps,
): Promise<void> {
  const views = new Map<string | undefined, ViewCache>();
  const changedAt = new Map<string, number>();
  // The initial list is not a change: highlight only what changes after the first frame.
  let primed = false;
  // The caches are updated in place (their contract, for throughput); only redraws read them.
  const apply = (ev: RenderEvent) => {
    let view = views.get(ev.context);
    if (view === undefined) views.set(ev.context, view = emptyCache());
    applyEvent(view, ev);
    if (primed) changedAt.set(liveKey(ev.object, ev.context), deps.clock.now());
    return ev;
  };
  const draw = () => {
    const objects: KubeObject[] = [];
    const contexts: (string | undefined)[] = [];
    for (const [context, view] of views) {
      for (const object of visibleObjects(view)) {
        objects.push(object);
        contexts.push(context);
      }
    }
    primed = true;
    return liveRedraw(liveFrame(objects, {
      kind: options.kind,
      nowMs: deps.clock.now(),
      wide: options.output === "wide",
      showNamespace: options.allNamespaces,
      showContext: options.showContext,
      color: options.color,
      contexts,
      changedAtMs: changedAt,
      width: deps.io.columns(),
      title: `hyperctl ${options.kind.noun} list --live    ${objects.length} objects`,
    }));
  };
  await deps.io.out.write(LIVE_ENTER);
  try {
    await followToEnd(
      events$.pipe(
        map(apply),
        // Bursts of events become one redraw, so a 10 000-object relist does not flood the tty.
        auditTime(100, deps.scheduler),
        printEach(draw, deps.io.out),
      ),
      deps,
    );
  } finally {
    await deps.io.out.write(LIVE_EXIT);
  }
}
