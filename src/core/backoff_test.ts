import { deepStrictEqual as assertEquals, ok, throws } from "node:assert/strict";
import fc from "fast-check";
import { backoffDelay, backoffPolicy, retryDecision } from "./backoff.ts";

Deno.test("backoffDelay() doubles from 1s and caps at 30s without jitter", () => {
  const p = backoffPolicy({ random: () => 0.9, jitter: 0 });
  const delays = [1, 2, 3, 4, 5, 6, 7, 50, 5000].map((n) => backoffDelay(p, n));
  assertEquals(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
});

Deno.test("backoffDelay() with random()=0 gives the exact sequence even with default jitter", () => {
  const p = backoffPolicy({ random: () => 0 });
  assertEquals([1, 2, 3].map((n) => backoffDelay(p, n)), [1000, 2000, 4000]);
});

Deno.test("backoffDelay() cuts at most the jitter share", () => {
  const p = backoffPolicy({ random: () => 0.999999, jitter: 0.25 });
  assertEquals(backoffDelay(p, 1), 750);
  assertEquals(backoffDelay(p, 9), 22500);
});

Deno.test("backoffDelay() stays within [(1-jitter)·d, d] for any random value", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 200 }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (attempt, r, jitter) => {
        const p = backoffPolicy({ random: () => r, jitter });
        const d = Math.min(30_000, 1000 * 2 ** (attempt - 1));
        const delay = backoffDelay(p, attempt);
        return delay <= d && delay >= Math.floor((1 - jitter) * d);
      },
    ),
  );
});

Deno.test("retryDecision() gives up after maxAttempts failures", () => {
  const p = backoffPolicy({ random: () => 0, maxAttempts: 3 });
  assertEquals(retryDecision(p, 1, 0), { retry: true, delayMs: 1000 });
  assertEquals(retryDecision(p, 3, 3000), { retry: true, delayMs: 4000 });
  assertEquals(retryDecision(p, 4, 7000), { retry: false, reason: "gave up after 3 retries" });
});

Deno.test("retryDecision() gives up when the streak lasted maxElapsedMs", () => {
  const p = backoffPolicy({ random: () => 0, maxElapsedMs: 60_000 });
  ok(retryDecision(p, 5, 59_999).retry);
  assertEquals(retryDecision(p, 6, 60_000), {
    retry: false,
    reason: "gave up after 60s of failures",
  });
});

Deno.test("backoffPolicy() documents its defaults", () => {
  const { random: _random, ...rest } = backoffPolicy();
  assertEquals(rest, {
    initialMs: 1000,
    maxMs: 30_000,
    factor: 2,
    jitter: 0.25,
    maxAttempts: 12,
    maxElapsedMs: 300_000,
  });
});

Deno.test("backoffPolicy() rejects a jitter above 1 and a cap below the start", () => {
  throws(() => backoffPolicy({ jitter: 1.5 }), /cannot use backoff jitter "1.5": out of range/);
  throws(() => backoffPolicy({ initialMs: 5000, maxMs: 10 }), RangeError);
});
