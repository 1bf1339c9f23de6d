/**
 * `object$`: one object, followed over time as "the object, or undefined when it does not exist".
 *
 * Built on the same watch as `watch$` (field selector on the name, resume, relist, backoff), as
 * kube-rs `watch_object` is; `--wait`, `delete --wait` and `wait` map it through phase rules.
 * @module
 */

import { filter, map, type Observable, scan } from "../rx.ts";
import type { KubeObject } from "../core/types.ts";
import type { StepEvent } from "../core/watch_state.ts";
import type { ResourceRef } from "./api.ts";
import type { KubeSource } from "./_rx_kube.ts";
import { watchSteps$, type WatchViewOptions } from "./_watch_steps.ts";

/** Options of `object$`: the timing knobs of the underlying watch. */
export type ObjectWatchOptions = Pick<
  WatchViewOptions,
  "timeoutSeconds" | "idleMs" | "backoff" | "scheduler" | "chunkSize" | "onNotice"
>;

interface Seen {
  readonly object: KubeObject | undefined;
  readonly synced: boolean;
  readonly emit: boolean;
}

/**
 * Watch one named object.
 *
 * Why: waits must react to the status change itself (within 100 ms, no polling), and the
 * first state must be known at once, including "does not exist".
 *
 * @param source the client (or an `RxKube` in tests)
 * @param ref the collection; set `namespace`, otherwise same-named objects of all namespaces mix
 * @param name the object's name
 * @param options timeouts, backoff, scheduler
 * @returns first the state after the initial list (`undefined` when absent), then every change
 *   (`undefined` after a deletion). Never completes; errors as `watch$` does
 * @example
 * ```ts ignore
 * object$(api, opRef, "web-1-start-x7k2").pipe(takeWhile((op) => !isTerminal(op), true))
 * ```
 */
export function object$(
  source: KubeSource,
  ref: ResourceRef,
  name: string,
  options: ObjectWatchOptions = {},
): Observable<KubeObject | undefined> {
  const seed: Seen = { object: undefined, synced: false, emit: false };
  return watchSteps$(source, ref, { ...options, fieldSelector: `metadata.name=${name}` }).pipe(
    scan((seen: Seen, event: StepEvent): Seen =>
      event.type === "SYNCED"
        // Only the first list emits here; a relist's differences already came as events.
        ? { object: seen.object, synced: true, emit: !seen.synced }
        : {
          object: event.type === "DELETED" ? undefined : event.object,
          synced: seen.synced,
          emit: seen.synced,
        }, seed),
    filter((seen) => seen.emit),
    map((seen) => seen.object),
  );
}
