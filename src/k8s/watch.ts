/**
 * `watch$`: a watch that survives server closes, 410 Gone, network failures and silence.
 *
 * kubectl's `get -w` ends (exit 0, no message) whenever the server closes the stream, which for
 * CRDs is every 60–120 s (kubectl#668, client-go's reflector). This watch instead lists, watches from the list's
 * resourceVersion, resumes from the last resourceVersion on every close, relists on 410 and emits
 * only the difference, and retries failures with backoff until the budget is spent.
 * @module
 */

import { filter, type Observable, takeWhile } from "../rx.ts";
import type { ViewEvent } from "../core/view_cache.ts";
import type { ResourceRef } from "./api.ts";
import type { KubeSource } from "./_rx_kube.ts";
import { watchSteps$, type WatchViewOptions } from "./_watch_steps.ts";

export type { ViewEvent, ViewEventType } from "../core/view_cache.ts";
export type { WatchResume } from "../core/watch_state.ts";
export { type KubeSource, type RxKube, rxKube } from "./_rx_kube.ts";
export { WatchIdleError, WatchLostError, WatchStatusError } from "./_watch_errors.ts";
export type { WatchNotice, WatchViewOptions } from "./_watch_steps.ts";

/**
 * Watch a collection as a stream of view events.
 *
 * Why: one stream serves `list -w`, `--watch-only`, `get -w` and waits; the caller bounds it
 * (`takeUntil(timer(for))`) and unsubscribing closes the underlying watch request.
 *
 * @param source the client (or an `RxKube` of cold observables in tests)
 * @param ref which collection (`namespace: undefined` = all namespaces)
 * @param options selectors, `watchOnly`, client-side `keep`, timeouts, backoff, scheduler
 * @returns ADDED/MODIFIED/DELETED events (never BOOKMARK or ERROR); the initial objects come first
 *   as ADDED unless `watchOnly`. Completes only with `untilSynced`; errors with `WatchLostError`
 *   when the retry budget is spent (exit 5), or with the transport's error for 401/403/404 and
 *   the like, and at once for any error before the cluster first answered
 * @example
 * ```ts ignore
 * watch$(api, vmRef, { labelSelector: "tier=web", keep: isRunning })
 *   .pipe(takeUntil(timer(60_000)))
 *   .subscribe((e) => console.log(e.type, e.object.metadata?.name));
 * ```
 */
export function watch$(
  source: KubeSource,
  ref: ResourceRef,
  options: WatchViewOptions = {},
): Observable<ViewEvent> {
  return watchSteps$(source, ref, options).pipe(
    takeWhile((event) => !(options.untilSynced && event.type === "SYNCED")),
    filter((event): event is ViewEvent => event.type !== "SYNCED"),
  );
}
