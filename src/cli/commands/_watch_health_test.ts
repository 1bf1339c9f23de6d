import assert from "node:assert/strict";
import { REPEAT_MS, watchHealth } from "./_watch_health.ts";

function harness() {
  const lines: string[] = [];
  let t = 0;
  const health = watchHealth((l) => lines.push(l), () => t, "https://k:6443");
  return { lines, health, at: (ms: number) => (t = ms) };
}
const retry = (reason: string, attempt: number, delayMs = 1000) =>
  ({ kind: "retrying", reason, attempt, delayMs }) as const;

Deno.test("watchHealth() says each streak on stderr, rate-limited unless the reason changes", () => {
  const { lines, health, at } = harness();
  health.onNotice({ kind: "reached" });
  health.onNotice(retry("stream broke off", 1));
  at(1000);
  health.onNotice(retry("connection refused", 2, 2000));
  at(3000);
  health.onNotice(retry("connection refused", 3, 4000));
  at(5000);
  health.onNotice(retry("timed out: https://k/apis?watch=true&timeoutSeconds=61", 4, 8000));
  at(6000);
  health.onNotice(retry("timed out: https://k/apis?watch=true&timeoutSeconds=73", 4, 8000));
  at(1000 + REPEAT_MS);
  health.onNotice(retry("connection refused", 4, 8000));
  at(20_000);
  health.onNotice({ kind: "recovered" });
  health.onNotice({ kind: "warning", message: "checkpoint \x1b[2J" });
  assert.deepEqual(lines, [
    "reconnecting: stream broke off (attempt 1, next in 1s)\n",
    "reconnecting: connection refused (attempt 2, next in 2s)\n",
    "reconnecting: timed out: https://k/apis?watch=true&timeoutSeconds=61 (attempt 4, next in 8s)\n",
    "reconnecting: connection refused (attempt 4, next in 8s)\n",
    "reconnected after 20s (4 failed attempts)\n",
    "warning: checkpoint ^[[2J\n",
  ]);
  health.finish(60_000);
});

Deno.test("watchHealth().finish() fails a --for that never reached the cluster (exit 1)", () => {
  const { health } = harness();
  assert.throws(() => health.finish(20_000), {
    name: "Error",
    message: "cannot reach the cluster at https://k:6443: no answer within --for 20s",
  });
});

Deno.test("watchHealth().finish() fails a --for that ends while unreachable (exit 5)", () => {
  const { health, at } = harness();
  health.onNotice({ kind: "reached" });
  at(5000);
  health.onNotice(retry("connection refused", 1));
  at(20_000);
  assert.throws(() => health.finish(20_000), {
    name: "WatchLostError",
    message: "--for 20s ended while the cluster at https://k:6443 was unreachable (for 15s, " +
      "1 attempts): connection refused",
  });
});
