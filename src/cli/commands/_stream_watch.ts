/**
 * The watch half of `list -w`: watch$ → renderer → stdout, bounded by `--for` and signals.
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
  takeUntil,
  takeWhile,
  timer,
} from "rxjs";
import type { KubeObject } from "../../core/types.ts";
import type { ResourceRef } from "../../k8s/api.ts";
import { watch$ } from "../../k8s/watch.ts";
import { LIVE_ENTER, LIVE_EXIT, liveFrame, liveKey, liveRedraw } from "../../render/live.ts";
import type { Renderer } from "../../render/renderer.ts";
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

/** Watch `ref` and print every event until `--for` elapses or a signal arrives. */
export async function streamWatch(
  api: Parameters<typeof watch$>[0],
  ref: ResourceRef,
  options: WatchOptions,
  renderer: Renderer,
  deps: Deps,
): Promise<void> {
  const stop$ = merge(
    options.forMs === undefined ? NEVER : timer(options.forMs),
    interrupted$(deps.interrupt),
  );
  const events$ = watch$(api, ref, {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    chunkSize: options.chunkSize,
    watchOnly: options.watch === "watch-only",
    filter: options.keep,
  }).pipe(takeUntil(stop$));

  const live = options.live && deps.io.stdoutIsTTY &&
    (options.output === "table" || options.output === "wide");
  if (options.live && !live) {
    await deps.io.err.write("warning: --live needs a terminal and table output; printing rows\n");
  }
  if (live) {
    await runLive(events$, options, deps);
  } else {
    await lastValueFrom(
      events$.pipe(
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
  events$: ReturnType<typeof watch$>,
  options: WatchOptions,
  deps: Deps,
): Promise<void> {
  const view = new Map<string, KubeObject>();
  const changedAt = new Map<string, number>();
  await deps.io.out.write(LIVE_ENTER);
  try {
    const frames$ = events$.pipe(
      concatMap((ev) => {
        const key = liveKey(ev.object);
        if (ev.type === "DELETED") view.delete(key);
        else view.set(key, ev.object);
        changedAt.set(key, deps.clock.now());
        return [ev];
      }),
      // Bursts of events become one redraw, so a 10 000-object relist does not flood the tty.
      auditTime(100),
      concatMap(() => {
        const frame = liveFrame([...view.values()], {
          kind: options.kind,
          nowMs: deps.clock.now(),
          wide: options.output === "wide",
          showNamespace: options.allNamespaces,
          changedAtMs: changedAt,
          width: deps.io.columns(),
          title: `hyperctl ${options.kind.noun} list --live    ${view.size} objects`,
        });
        return from(deps.io.out.write(liveRedraw(frame)));
      }),
      takeWhile((open) => open),
    );
    await lastValueFrom(frames$, { defaultValue: true });
  } finally {
    await deps.io.out.write(LIVE_EXIT);
  }
}
