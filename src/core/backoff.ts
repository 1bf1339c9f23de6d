/**
 * The retry delay sequence and budget of anything that retries: a watch's reconnects, the sim
 * operator's writes. Applied to a stream by `retryBackoff` (src/k8s/retry_backoff.ts).
 *
 * Follows kube-rs `default_backoff` and Deno std `exponentialBackoffWithJitter`: delays double from
 * 1 s up to a 30 s cap, each shortened by a random share so that many clients that lost the same
 * API server do not reconnect in lock step. The random source is a parameter so tests are exact.
 * @module
 */

/** Options of the backoff; every field has a default. */
export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. @default 1000 */
  initialMs?: number;
  /** Upper bound of a single delay, in milliseconds. @default 30000 */
  maxMs?: number;
  /** Growth factor between consecutive delays. @default 2 */
  factor?: number;
  /**
   * Share of each delay that may be cut at random: the delay is `d * (1 - jitter * random())`.
   * 0 gives exact delays. @default 0.25
   */
  jitter?: number;
  /** Consecutive failed attempts after which we give up. @default 12 */
  maxAttempts?: number;
  /** Time since the first failure of a streak after which we give up, in ms. @default 300000 */
  maxElapsedMs?: number;
  /** Source of randomness in [0, 1). @default Math.random */
  random?: () => number;
}

/** A backoff with every option resolved. */
export type BackoffPolicy = Readonly<Required<BackoffOptions>>;

/** What to do after a failure: wait and retry, or give up because the budget is spent. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: string };

/**
 * Resolve backoff options into a policy, checking them.
 *
 * Why: invalid numbers (a negative cap, jitter above 1) would silently turn into a hot retry loop.
 *
 * @param options partial options; missing fields take their `@default`
 * @returns the complete policy
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * assertEquals(backoffPolicy().maxMs, 30_000);
 * ```
 */
export function backoffPolicy(options: BackoffOptions = {}): BackoffPolicy {
  const policy: BackoffPolicy = {
    initialMs: options.initialMs ?? 1000,
    maxMs: options.maxMs ?? 30_000,
    factor: options.factor ?? 2,
    jitter: options.jitter ?? 0.25,
    maxAttempts: options.maxAttempts ?? 12,
    maxElapsedMs: options.maxElapsedMs ?? 300_000,
    random: options.random ?? Math.random,
  };
  const check = (name: string, value: number, ok: boolean) => {
    if (!ok) throw new RangeError(`cannot use backoff ${name} "${value}": out of range`);
  };
  check("initialMs", policy.initialMs, policy.initialMs >= 0 && Number.isFinite(policy.initialMs));
  check("maxMs", policy.maxMs, policy.maxMs >= policy.initialMs);
  check("factor", policy.factor, policy.factor >= 1 && Number.isFinite(policy.factor));
  check("jitter", policy.jitter, policy.jitter >= 0 && policy.jitter <= 1);
  check("maxAttempts", policy.maxAttempts, policy.maxAttempts >= 0);
  check("maxElapsedMs", policy.maxElapsedMs, policy.maxElapsedMs >= 0);
  return policy;
}

/**
 * The delay before retry number `attempt` (1-based, counted since the last success).
 *
 * Why: a pure function of the attempt number keeps the sequence testable without a clock.
 *
 * @param policy a resolved policy
 * @param attempt 1 for the first retry after a success
 * @returns milliseconds to wait, within `[(1 - jitter) * d, d]` where `d = min(max, initial * factor^(attempt-1))`
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const p = backoffPolicy({ jitter: 0 });
 * assertEquals([1, 2, 3, 6, 7].map((n) => backoffDelay(p, n)), [1000, 2000, 4000, 30000, 30000]);
 * ```
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  const exponent = Math.max(0, attempt - 1);
  // Stop multiplying once past the cap: factor^exponent overflows to Infinity for long streaks.
  const raw = policy.initialMs * Math.pow(policy.factor, Math.min(exponent, 64));
  const capped = Math.min(policy.maxMs, raw);
  const r = Math.min(Math.max(policy.random(), 0), 1);
  return Math.round(capped * (1 - policy.jitter * r));
}

/**
 * Decide whether failure number `attempt` of the current streak may be retried.
 *
 * Why: the watch gives up (exit 5) only when either budget is spent, never on a single error.
 *
 * @param policy a resolved policy
 * @param attempt consecutive failures so far, including this one (1-based)
 * @param elapsedMs time since the first failure of this streak
 * @returns retry with a delay, or give up with a reason for the error message
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const p = backoffPolicy({ jitter: 0, maxAttempts: 2 });
 * assertEquals(retryDecision(p, 2, 1000), { retry: true, delayMs: 2000 });
 * assertEquals(retryDecision(p, 3, 3000).retry, false);
 * ```
 */
export function retryDecision(
  policy: BackoffPolicy,
  attempt: number,
  elapsedMs: number,
): RetryDecision {
  if (attempt > policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempt - 1} retries` };
  }
  if (elapsedMs >= policy.maxElapsedMs) {
    return { retry: false, reason: `gave up after ${Math.round(elapsedMs / 1000)}s of failures` };
  }
  return { retry: true, delayMs: backoffDelay(policy, attempt) };
}

/** A streak of consecutive failures: how many, and when the first one came (ms). */
export interface FailureStreak {
  readonly failures: number;
  readonly since: number;
}

/** No failure since the last success. */
export const NO_FAILURES: FailureStreak = { failures: 0, since: 0 };

/**
 * One more failure at `now`: the longer streak, and whether to retry it.
 *
 * Why: the streak is the operator's only state, so keeping its arithmetic here keeps the
 * operator to wiring and lets the budget be tested without a clock.
 *
 * @param weigh the attempt number the decision uses, from the streak's length (by default that
 *   length; a watch counts undecodable events that good ones in between did not cancel)
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const p = backoffPolicy({ jitter: 0, maxAttempts: 1 });
 * const first = failedAgain(p, NO_FAILURES, 5000);
 * assertEquals(first, { streak: { failures: 1, since: 5000 }, decision: { retry: true, delayMs: 1000 } });
 * assertEquals(failedAgain(p, first.streak, 6000).decision.retry, false);
 * ```
 */
export function failedAgain(
  policy: BackoffPolicy,
  streak: FailureStreak,
  now: number,
  weigh: (failures: number) => number = (failures) => failures,
): { streak: FailureStreak; decision: RetryDecision } {
  const next = streak.failures === 0
    ? { failures: 1, since: now }
    : { failures: streak.failures + 1, since: streak.since };
  return { streak: next, decision: retryDecision(policy, weigh(next.failures), now - next.since) };
}
