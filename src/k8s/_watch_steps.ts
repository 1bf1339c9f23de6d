/**
 * The Rx shell around the pure watch state machine (`src/core/watch_state.ts`).
 *
 * It performs the action the state names (list, or watch from the last resourceVersion), feeds
 * each result into `step`, and recovers with separate operators, as kube-rs's watcher does:
 * `repeat` for a normal server close, `retryBackoff` (its `StreamBackoff`) for failures, `timeout`
 * for silence. All timing goes through the injected scheduler.
 * @module
 */

import {
  asyncScheduler,
  catchError,
  concat,
  concatMap,
  defer,
  EMPTY,
  from,
  map,
  type Observable,
  of,
  repeat,
  type SchedulerLike,
  takeWhile,
  tap,
  throwError,
  timeout,
} from "../rx.ts";
import { type BackoffOptions, backoffPolicy } from "../core/backoff.ts";
import type { ObjectPredicate } from "../core/types.ts";
import { cachedObjects } from "../core/view_cache.ts";
import {
  actionOf,
  initialWatchState,
  isUnreached,
  step,
  type StepEvent,
  type StepResult,
  type WatchAction,
  type WatchConfig,
  type WatchInput,
  type WatchResume,
} from "../core/watch_state.ts";
import type { ResourceRef } from "./api.ts";
import { listPageInputs$ } from "./_watch_list_pages.ts";
import { type KubeSource, type RxKube, toRxKube } from "./_rx_kube.ts";
import { retryBackoff } from "./retry_backoff.ts";
import { watchCollector } from "./_watch_collect.ts";
import {
  describeRef,
  isGone,
  isMalformed,
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
  /**
   * Ask for objects as metadata only, in lists and events (`PartialObjectMetadata`, whose `kind`
   * and `apiVersion` are not the object's); for views that read nothing else. @default false
   */
  metadataOnly?: boolean;
  /** Emit nothing for the initial list, only later changes (`--watch-only`). @default false */
  watchOnly?: boolean;
  /**
   * Complete after the initial list's events (`--for 0`); a resumed watch then relists, so what
   * changed since the checkpoint is printed. Only `watch$` honours it. @default false
   */
  untilSynced?: boolean;
  /** Client-side predicate with view semantics (leaving = DELETED, entering = ADDED). @default all */
  keep?: ObjectPredicate;
  /**
   * Server-side lifetime of each watch request. CRD watches otherwise close after 60–120 s
   * (kubectl#668). @default a random 2/3 to 5/6 of `idleMs` (60–75 s), so a healthy server
   * always closes the stream before it could count as dead, and clients spread their reconnects
   */
  timeoutSeconds?: number;
  /**
   * Silence after which the stream is treated as dead, in ms. A frozen server (SIGSTOP, a dropped
   * NAT entry) sends nothing and never closes; client-go notices in about 45 s through HTTP/2
   * pings, which fetch cannot send, so the bound is on silence. @default 90 s, or
   * 2 × timeoutSeconds when only that is given
   */
  idleMs?: number;
  /** Reconnect delays and retry budget. @default 1 s doubling to 30 s, 12 attempts or 5 min */
  backoff?: BackoffOptions;
  /** Resume from a checkpoint instead of listing first (`--state-file`). @default none */
  resume?: WatchResume;
  /**
   * Receives, at subscription, a reader of the current checkpoint (last resourceVersion and the
   * objects known then), so a cron run can save where it stopped. @default none
   */
  checkpoint?: (read: () => WatchResume | undefined) => void;
  /** Scheduler for every delay and timeout (virtual time in tests). @default asyncScheduler */
  scheduler?: SchedulerLike;
  /**
   * Told what a user watching in cron must know as it happens: failures being retried, the
   * recovery, a checkpoint that could not be followed. @default none
   */
  onNotice?: (notice: WatchNotice) => void;
}

/** What `onNotice` is told. */
export type WatchNotice =
  /** The cluster answered the first list (or a resumed watch's check); failures are retried now. */
  | { readonly kind: "reached" }
  /** A failure is being retried after `delayMs`; `attempt` counts the current streak. */
  | {
    readonly kind: "retrying";
    readonly reason: string;
    readonly attempt: number;
    readonly delayMs: number;
  }
  /** The watch works again after a streak of failures. */
  | { readonly kind: "recovered" }
  /** Something else the user must be told. */
  | { readonly kind: "warning"; readonly message: string };

/** Wraps an error that must not be retried (a throwing filter is a bug, not a network blip). */
class Fatal {
  constructor(readonly error: unknown) {}
}

/** A request closed quickly with nothing in it: waited for apart from failures. */
class QuickClose {}

/** Requests that close within this long without any event count as a "quick close". */
const QUICK_CLOSE_MS = 1000;

/** Default silence after which a stream counts as dead. */
const DEAD_STREAM_MS = 90_000;

/** A server-side timeout between 2/3 and 5/6 of the dead-stream bound, in whole seconds. */
function jitteredTimeoutSeconds(idleMs: number, random: () => number): number {
  return Math.max(1, Math.floor((idleMs / 1000) * (2 / 3 + random() / 6)));
}

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
    const fixedTimeout = options.timeoutSeconds;
    if (fixedTimeout !== undefined && (!Number.isInteger(fixedTimeout) || fixedTimeout <= 0)) {
      throw new RangeError(
        `cannot use watch timeout "${fixedTimeout}": expected whole seconds > 0`,
      );
    }
    const idleMs = options.idleMs ??
      (fixedTimeout === undefined ? DEAD_STREAM_MS : 2 * fixedTimeout * 1000);
    const policy = backoffPolicy(options.backoff);
    const notify = options.onNotice ?? (() => {});
    const config: WatchConfig = {
      watchOnly: options.watchOnly ?? false,
      keep: options.keep ?? (() => true),
      relistOnResume: options.untilSynced ?? false,
    };

    let state = initialWatchState(options.resume, config.keep);
    const collector = watchCollector();
    options.checkpoint?.(() => {
      const rv = state.cache.resourceVersion;
      return rv === undefined
        ? undefined
        : { resourceVersion: rv, objects: [...cachedObjects(state.cache).values()] };
    });
    // Undecodable event lines: a server that keeps sending them between good events would
    // otherwise reset the streak forever, so they count toward the budget until a normal close.
    let malformed = 0;
    let requestStart = 0;
    let inputsSeen = 0;

    const inputs$ = (action: WatchAction): Observable<WatchInput> => {
      if (action.kind === "probe") {
        // One object is enough: a list's resourceVersion is the server's current one.
        return kube.list$(ref, { limit: 1 }).pipe(
          map((r): WatchInput => ({
            type: "probed",
            resourceVersion: r.metadata?.resourceVersion ?? "",
          })),
        );
      }
      if (action.kind === "list") {
        const { labelSelector, fieldSelector, chunkSize, metadataOnly } = options;
        const pages = { ...kube, list$: collectingPages(kube.list$, collector.page) };
        return listPageInputs$(pages, ref, {
          labelSelector,
          fieldSelector,
          chunkSize,
          metadataOnly,
        });
      }
      return kube.watch$(ref, {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        resourceVersion: action.resourceVersion,
        timeoutSeconds: fixedTimeout ?? jitteredTimeoutSeconds(idleMs, policy.random),
        allowWatchBookmarks: true,
        ...(options.metadataOnly ? { metadataOnly: true } : {}),
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
      const wasUnreached = isUnreached(state);
      try {
        result = step(state, input, config);
      } catch (error) {
        throw new Fatal(error);
      }
      state = result.state;
      inputsSeen += 1;
      if (input.type === "page" && input.last) collector.listed();
      else if (input.type === "event") collector.event();
      if (result.warning !== undefined) notify({ kind: "warning", message: result.warning });
      if (wasUnreached && !isUnreached(state)) notify({ kind: "reached" });
      return result;
    };

    // A result that fails the request still carries its events: they go out before the error.
    const failIf = (result: StepResult): Observable<StepResult> => {
      const next = result.next;
      return next.kind === "fail"
        ? concat(of(result), throwError(() => new WatchStatusError(next.status)))
        : of(result);
    };

    const request$ = defer(() => {
      requestStart = scheduler.now();
      inputsSeen = 0;
      return inputs$(actionOf(state));
    }).pipe(
      map(advance),
      takeWhile((result) => result.next.kind === "continue", true),
      concatMap(failIf),
    );

    // A normal close comes after timeoutSeconds; one that ends at once with nothing in it (a
    // misbehaving proxy) would spin, so it waits like a failure, without spending the budget.
    const closed$ = defer(() => {
      malformed = 0;
      const quick = inputsSeen === 0 && scheduler.now() - requestStart < QUICK_CLOSE_MS;
      return quick ? throwError(() => new QuickClose()) : EMPTY;
    });

    return concat(request$, closed$).pipe(
      repeat(),
      retryBackoff({
        backoff: { ...policy, maxAttempts: Infinity, maxElapsedMs: Infinity },
        scheduler,
        retryable: (error) => error instanceof QuickClose,
      }),
      retryBackoff({
        backoff: policy,
        scheduler,
        // Before the cluster has answered once, fail as a plain list does instead of retrying.
        retryable: (error) =>
          !(error instanceof Fatal) && isRetryable(error) && !isUnreached(state),
        // Any step that does not fail the request shows the watch working again.
        healthy: (result) => result.next.kind !== "fail",
        weigh: (failures, error) => {
          if (isMalformed(error)) malformed += 1;
          return Math.max(failures, malformed);
        },
        onRetry: ({ error, attempt, delayMs }) =>
          notify({ kind: "retrying", reason: messageOf(error), attempt, delayMs }),
        onRecovered: () => notify({ kind: "recovered" }),
        giveUp: (error, reason, failures) =>
          new WatchLostError(
            `lost the watch of ${describeRef(ref)}: ${reason}: ${messageOf(error)}`,
            { cause: error, attempts: failures - 1 },
          ),
      }),
      concatMap((result): Observable<StepEvent> => from(result.events)),
      catchError((error) => throwError(() => error instanceof Fatal ? error.error : error)),
      tap({ finalize: collector.stop }),
    );
  });
}

/** A page request that tells `onPage` when its page has arrived. */
function collectingPages(list$: RxKube["list$"], onPage: () => void): RxKube["list$"] {
  return (ref, request) => list$(ref, request).pipe(tap(onPage));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
