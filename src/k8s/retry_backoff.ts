/**
 * `retryBackoff`: resubscribe to a stream that failed, after a delay that grows with each
 * failure in a row, until a value shows it healthy again or the budget is spent; kube-rs's
 * `StreamBackoff` as one RxJS operator. The delays and budget are the pure policy of
 * `src/core/backoff.ts`; every delay runs on the given scheduler (virtual time in tests).
 * @module
 */

import {
  asyncScheduler,
  defer,
  type MonoTypeOperatorFunction,
  retry,
  type SchedulerLike,
  tap,
  throwError,
  timer,
} from "../rx.ts";
import {
  type BackoffOptions,
  backoffPolicy,
  failedAgain,
  type FailureStreak,
  NO_FAILURES,
} from "../core/backoff.ts";

/** Options of {@link retryBackoff}; all but the policy are optional. */
export interface RetryBackoffOptions<T> {
  /** Delays and budget. @default 1 s doubling to 30 s, 12 attempts or 5 min */
  backoff?: BackoffOptions;
  /** @default asyncScheduler */
  scheduler?: SchedulerLike;
  /** Whether retrying can help; others pass at once. @default every error */
  retryable?: (error: unknown) => boolean;
  /** A value that ends the streak of failures. @default every value */
  healthy?: (value: T) => boolean;
  /**
   * The attempt number to decide with, from the streak's length; called once for each failure
   * that may be retried, so it may count failures of its own. @default the length
   */
  weigh?: (failures: number, error: unknown) => number;
  /** Told before each wait. */
  onRetry?: (retry: { error: unknown; attempt: number; delayMs: number }) => void;
  /** Told when a healthy value ends a streak. */
  onRecovered?: () => void;
  /** The error to end with once the budget is spent. @default the last error */
  giveUp?: (error: unknown, reason: string, failures: number) => unknown;
}

/**
 * Retry the source with backoff; each subscription has its own streak.
 *
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * import { defer, lastValueFrom } from "../rx.ts";
 * let calls = 0;
 * const flaky = defer(async () => { if (++calls < 3) throw new Error("busy"); return calls; });
 * const value = await lastValueFrom(flaky.pipe(retryBackoff({ backoff: { initialMs: 1 } })));
 * assertEquals(value, 3);
 * ```
 */
export function retryBackoff<T>(options: RetryBackoffOptions<T> = {}): MonoTypeOperatorFunction<T> {
  const scheduler = options.scheduler ?? asyncScheduler;
  const retryable = options.retryable ?? (() => true);
  const healthy = options.healthy ?? (() => true);
  return (source) =>
    defer(() => {
      const policy = backoffPolicy(options.backoff);
      let streak: FailureStreak = NO_FAILURES;
      return source.pipe(
        tap((value) => {
          if (streak.failures === 0 || !healthy(value)) return;
          streak = NO_FAILURES;
          options.onRecovered?.();
        }),
        retry({
          delay: (error: unknown) => {
            if (!retryable(error)) return throwError(() => error);
            const weigh = options.weigh;
            const next = failedAgain(
              policy,
              streak,
              scheduler.now(),
              weigh && ((failures) => weigh(failures, error)),
            );
            streak = next.streak;
            const decision = next.decision;
            if (!decision.retry) {
              const end = options.giveUp?.(error, decision.reason, streak.failures) ?? error;
              return throwError(() => end);
            }
            options.onRetry?.({ error, attempt: streak.failures, delayMs: decision.delayMs });
            return timer(decision.delayMs, scheduler);
          },
        }),
      );
    });
}
