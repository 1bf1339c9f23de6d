/**
 * The Rx shell around the pure watch state machine (`src/core/watch_state.ts`).
 *
 * It performs the action the state names (list, or watch from the last resourceVersion), feeds
 * each result into `step`, and recovers with separate operators, as kube-rs `StreamBackoff` and
 * RxJS `retry`/`repeat`/`timeout` do: `repeat` for a normal server close, `retry` with the backoff
 * policy for failures, `timeout` for silence. All timing goes through the injected scheduler.
 * @module
 */

import {
  asyncScheduler,
  catchError,
  concat,
  concatMap,
  defer,
  from,
  map,
  type Observable,
  of,
  repeat,
  retry,
  type SchedulerLike,
  takeWhile,
  throwError,
  timeout,
  timer,
} from "../rx.ts";
import {
  backoffDelay,
  type BackoffOptions,
  backoffPolicy,
  retryDecision,
} from "../core/backoff.ts";
import type { KubeObject } from "../core/types.ts";
import { cachedObjects } from "../core/view_cache.ts";
import {
  actionOf,
  initialWatchState,
  step,
  type StepEvent,
  type StepResult,
  type WatchAction,
  type WatchConfig,
  type WatchInput,
  type WatchResume,
} from "../core/watch_state.ts";
import type { ResourceRef } from "./api.ts";
import { list$ } from "./list.ts";
import { type KubeSource, toRxKube } from "./_rx_kube.ts";
import {
  describeRef,
  isGone,
  isRetryable,
  WatchIdleError,
  WatchLostError,
  WatchStatusError,
} from "./_watch_errors.ts";

/** Options of `watch$` (and of the watch under `object$`). */
export interface WatchViewOptions {
  /** Label selector, sent to the server. @default none */
  labelSelector?: string;
  /** Field selector, sent to the server. @default none */
  fieldSelector?: string;
  /** Page size of the initial list and of relists; 0 = one request. @default 500 */
  chunkSize?: number;
  /** Emit nothing for the initial list, only later changes (`--watch-only`). @default false */
  watchOnly?: boolean;
  /** Client-side filter with view semantics (leaving = DELETED, entering = ADDED). @default none */
  filter?: (object: KubeObject) => boolean;
  /**
   * Server-side lifetime of each watch request. CRD watches otherwise close after 60–120 s
   * (kubectl#668); kube-rs uses 290 s to stay under the 5 min proxies cut. @default 290
   */
  timeoutSeconds?: number;
  /** Silence after which the stream is treated as dead, in ms. @default 2 × timeoutSeconds */
  idleMs?: number;
  /** Reconnect delays and retry budget. @default 1 s doubling to 30 s, 12 attempts or 5 min */
  backoff?: BackoffOptions;
  /**
   * Told before each reconnect after a failure, in one line (what failed, when the retry comes),
   * so a user sees why no events arrive instead of silence. @default none
   */
  onRetry?: (notice: string) => void;
  /** Resume from a checkpoint instead of listing first (`--state-file`). @default none */
  resume?: WatchResume;
  /**
   * Receives, at subscription, a reader of the current checkpoint (last resourceVersion and the
   * objects known then), so a cron run can save where it stopped. @default none
   */
  checkpoint?: (read: () => WatchResume | undefined) => void;
  /** Scheduler for every delay and timeout (virtual time in tests). @default asyncScheduler */
  scheduler?: SchedulerLike;
}

/** Wraps an error that must not be retried (a throwing filter is a bug, not a network blip). */
class Fatal {
  constructor(readonly error: unknown) {}
}

/** Requests that close within this long without any event count as a "quick close". */
const QUICK_CLOSE_MS = 1000;

/**
 * The watch as state-machine output: view events plus a `SYNCED` marker after every (re)list.
 *
 * Why: `watch$` drops the markers; `object$` needs them for its immediate first state.
 *
 * @param source the client (or an Observable transport in tests)
 * @param ref which collection
 * @param options see `WatchViewOptions`
 * @returns never completes on its own; errors with `WatchLostError` when the budget is spent, or
 *   with the transport's error when retrying cannot help (401, 403, 404…)
 */
export function watchSteps$(
  source: KubeSource,
  ref: ResourceRef,
  options: WatchViewOptions = {},
): Observable<StepEvent> {
  return defer(() => {
    const kube = toRxKube(source);
    const scheduler = options.scheduler ?? asyncScheduler;
    const timeoutSeconds = options.timeoutSeconds ?? 290;
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds <= 0) {
      throw new RangeError(
        `cannot use watch timeout "${timeoutSeconds}": expected whole seconds > 0`,
      );
    }
    const idleMs = options.idleMs ?? 2 * timeoutSeconds * 1000;
    const policy = backoffPolicy(options.backoff);
    const config: WatchConfig = {
      watchOnly: options.watchOnly ?? false,
      keep: options.filter ?? (() => true),
    };

    let state = initialWatchState(options.resume, config.keep);
    options.checkpoint?.(() => {
      const rv = state.cache.resourceVersion;
      return rv === undefined
        ? undefined
        : { resourceVersion: rv, objects: [...cachedObjects(state.cache).values()] };
    });
    let failures = 0;
    let streakStart = 0;
    let quickCloses = 0;
    let requestStart = 0;
    let inputsSeen = 0;

    const inputs$ = (action: WatchAction): Observable<WatchInput> => {
      if (action.kind === "list") {
        const { labelSelector, fieldSelector, chunkSize } = options;
        return list$(kube, ref, { labelSelector, fieldSelector, chunkSize }).pipe(
          map((r): WatchInput => ({
            type: "listed",
            items: r.items,
            resourceVersion: r.resourceVersion,
          })),
        );
      }
      return kube.watch$(ref, {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        resourceVersion: action.resourceVersion,
        timeoutSeconds,
        allowWatchBookmarks: true,
      }).pipe(
        timeout({
          each: idleMs,
          with: () => throwError(() => new WatchIdleError(idleMs)),
          scheduler,
        }),
        map((event): WatchInput => ({ type: "event", event })),
        // An HTTP 410 on opening the watch means the same as an in-stream 410 ERROR event.
        catchError((error) =>
          isGone(error) ? of<WatchInput>({ type: "gone" }) : throwError(() => error)
        ),
      );
    };

    const advance = (input: WatchInput): StepResult => {
      let result: StepResult;
      try {
        result = step(state, input, config);
      } catch (error) {
        throw new Fatal(error);
      }
      state = result.state;
      inputsSeen += 1;
      if (result.next.kind !== "fail") failures = 0;
      return result;
    };

    const emit = (result: StepResult): Observable<StepEvent> => {
      const next = result.next;
      return next.kind === "fail"
        ? concat(from(result.events), throwError(() => new WatchStatusError(next.status)))
        : from(result.events);
    };

    const request$ = defer(() => {
      requestStart = scheduler.now();
      inputsSeen = 0;
      return inputs$(actionOf(state));
    }).pipe(
      map(advance),
      takeWhile((result) => result.next.kind === "continue", true),
      concatMap(emit),
    );

    return request$.pipe(
      repeat({
        delay: () => {
          // A normal close comes after timeoutSeconds; one that ends at once with nothing in it
          // (a misbehaving proxy) would spin, so it waits like a failure, without spending budget.
          const quick = inputsSeen === 0 && scheduler.now() - requestStart < QUICK_CLOSE_MS;
          quickCloses = quick ? quickCloses + 1 : 0;
          return quick ? timer(backoffDelay(policy, quickCloses), scheduler) : of(0);
        },
      }),
      retry({
        delay: (error: unknown) => {
          if (error instanceof Fatal || !isRetryable(error)) return throwError(() => error);
          failures += 1;
          if (failures === 1) streakStart = scheduler.now();
          const decision = retryDecision(policy, failures, scheduler.now() - streakStart);
          const cause = error instanceof Error ? error.message : String(error);
          if (!decision.retry) {
            return throwError(() =>
              new WatchLostError(
                `lost the watch of ${describeRef(ref)}: ${decision.reason}: ${cause}`,
                { cause: error, attempts: failures - 1 },
              )
            );
          }
          const inSeconds = (decision.delayMs / 1000).toFixed(1);
          options.onRetry?.(
            `the watch of ${describeRef(ref)} failed (${cause}); retrying in ${inSeconds}s`,
          );
          return timer(decision.delayMs, scheduler);
        },
      }),
      catchError((error) => throwError(() => error instanceof Fatal ? error.error : error)),
    );
  });
}
