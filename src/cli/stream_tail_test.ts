import assert from "node:assert/strict";
import { VirtualTimeScheduler } from "rxjs";
import { lastValueFrom, of, Subject, toArray } from "../rx.ts";
import { InterruptedError } from "./outcomes.ts";
import { followToEnd, printEach, until } from "./stream_tail.ts";

Deno.test("until() completes the stream when the limit passes on the given scheduler", () => {
  const scheduler = new VirtualTimeScheduler();
  const advanceTo = (frame: number) => {
    scheduler.maxFrames = frame;
    scheduler.flush();
  };
  const source = new Subject<string>();
  const seen: string[] = [];
  let done = false;
  source.pipe(until(25, { interrupt: new AbortController().signal, scheduler })).subscribe({
    next: (v) => seen.push(v),
    complete: () => done = true,
  });
  source.next("a");
  advanceTo(24);
  source.next("b");
  assert.equal(done, false);
  advanceTo(25);
  source.next("c");
  assert.deepEqual(seen, ["a", "b"]);
  assert.equal(done, true);
  assert.equal(source.observed, false, "the source is unsubscribed (the watch request closes)");
});

Deno.test("until() without a limit follows until a signal arrives", async () => {
  const controller = new AbortController();
  const tail = lastValueFrom(
    of(1, 2).pipe(until(undefined, { interrupt: controller.signal }), toArray()),
  );
  assert.deepEqual(await tail, [1, 2]);
  controller.abort();
  const stopped = await lastValueFrom(
    of(1).pipe(until(undefined, { interrupt: controller.signal })),
    { defaultValue: "none" },
  );
  assert.equal(stopped, "none", "an arrived signal stops the stream before its first value");
});

Deno.test("printEach() writes each value in order and stops when the reader has gone", async () => {
  const written: string[] = [];
  const sink = {
    write: (text: string) => {
      written.push(text);
      return Promise.resolve(written.length < 2);
    },
  };
  const open = await lastValueFrom(
    of("a", "", "b", "c").pipe(printEach((v) => v && `${v}\n`, sink), toArray()),
  );
  assert.deepEqual(written, ["a\n", "b\n"], 'nothing after the closed write, nothing for ""');
  assert.deepEqual(open, [true, true]);
});

Deno.test("followToEnd() turns a signal into InterruptedError with the signal's name", async () => {
  await followToEnd(of(1), { interruptedBy: () => undefined });
  await assert.rejects(
    () => followToEnd(of(1), { interruptedBy: () => "SIGTERM" }),
    (e: Error) => e instanceof InterruptedError && e.signal === "SIGTERM",
  );
});
