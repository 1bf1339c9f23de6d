import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { TestScheduler } from "rxjs/testing";
import { take } from "../rx.ts";
import { retryBackoff } from "./retry_backoff.ts";

const newScheduler = () => new TestScheduler((actual, expected) => assertEquals(actual, expected));
const EXACT = { jitter: 0, initialMs: 1000, maxMs: 4000 };

Deno.test("retryBackoff(): delays double up to the cap, then the budget ends the stream", () => {
  newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
    const source = cold("#", undefined, new Error("refused"));
    const retries: [number, number][] = [];
    const out = source.pipe(retryBackoff({
      backoff: { ...EXACT, maxAttempts: 4 },
      onRetry: ({ attempt, delayMs }) => retries.push([attempt, delayMs]),
      giveUp: (error, reason, failures) => `${reason} (${failures}): ${(error as Error).message}`,
    }));
    // Resubscribed at 1 s, 3 s, 7 s, 11 s (the cap holds the fourth delay at 4 s).
    expectObservable(out).toBe("11000ms #", undefined, "gave up after 4 retries (5): refused");
    expectSubscriptions(source.subscriptions).toBe([
      "(^!)",
      "1000ms (^!)",
      "3000ms (^!)",
      "7000ms (^!)",
      "11000ms (^!)",
    ]);
    return () => assertEquals(retries, [[1, 1000], [2, 2000], [3, 4000], [4, 4000]]);
  });
});

Deno.test("retryBackoff(): a healthy value ends the streak, so the next failure waits the first delay", () => {
  newScheduler().run(({ cold, expectObservable, flush }) => {
    const notices: string[] = [];
    const healthy = cold("a#").pipe(
      retryBackoff({ backoff: EXACT, onRecovered: () => notices.push("recovered") }),
      take(3),
    );
    expectObservable(healthy).toBe("a 1000ms a 1000ms (a|)");
    flush();
    // The first value came before any failure: only the later two end a streak.
    assertEquals(notices, ["recovered", "recovered"]);
  });
  newScheduler().run(({ cold, expectObservable }) => {
    const unhealthy = cold("b#").pipe(
      retryBackoff({ backoff: EXACT, healthy: (v) => v !== "b" }),
      take(4),
    );
    expectObservable(unhealthy).toBe("b 1000ms b 2000ms b 4000ms (b|)");
  });
});

Deno.test("retryBackoff(): an error retrying cannot help, or a spent time budget, ends it at once", () => {
  newScheduler().run(({ cold, expectObservable }) => {
    const denied = new Error("forbidden");
    const out = cold("--#", undefined, denied).pipe(retryBackoff({ retryable: () => false }));
    expectObservable(out).toBe("--#", undefined, denied);
  });
  newScheduler().run(({ cold, expectObservable }) => {
    const slow = cold("2500ms #", undefined, "down");
    const out = slow.pipe(retryBackoff({ backoff: { ...EXACT, maxElapsedMs: 4000 } }));
    // Failures at 2.5 s (streak starts), 6 s (3.5 s in, waits 2 s), 10.5 s (8 s in: spent).
    expectObservable(out).toBe("10500ms #", undefined, "down");
  });
});

Deno.test("retryBackoff(): the weight can count more than the streak; each subscriber has its own", () => {
  newScheduler().run(({ cold, expectObservable }) => {
    const source = cold("#", undefined, "bad line");
    const out = source.pipe(
      retryBackoff({ backoff: { ...EXACT, maxAttempts: 2 }, weigh: (f) => f + 1 }),
    );
    // Weighed 2, then 3 > 2 attempts: one retry after the second delay.
    expectObservable(out).toBe("2000ms #", undefined, "bad line");
    expectObservable(out).toBe("2000ms #", undefined, "bad line");
  });
});
