import assert from "node:assert/strict";
import { WorkQueue } from "./work_queue.ts";

Deno.test("WorkQueue runs a key once per burst, never concurrently, and idle() waits for it", async () => {
  const runs: string[] = [];
  let active = 0;
  const queue = new WorkQueue(async (key) => {
    active++;
    assert.equal(active, 1, "no concurrent runs of one key");
    runs.push(key);
    await new Promise((r) => setTimeout(r, 5));
    if (runs.length === 1) queue.enqueue(key, 1); // asked again while running: runs once more
    active--;
  });
  queue.enqueue("a", 5);
  queue.enqueue("a", 10);
  queue.enqueue("a", 1);
  await queue.idle();
  assert.deepEqual(runs, ["a", "a"]);
  await queue.stop();
});

Deno.test("WorkQueue keeps a background timer requested while running, and idle() ignores it", async () => {
  let runs = 0;
  const queue = new WorkQueue(() => {
    runs++;
    if (runs < 3) queue.enqueue("cron", 30, true);
    return Promise.resolve();
  });
  queue.enqueue("cron", 1);
  await queue.idle();
  assert.equal(runs, 1);
  assert.equal(queue.busy(), false);
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(runs, 3, "the background timer set during the run fired");
  await queue.stop();
});
