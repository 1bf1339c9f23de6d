import assert from "node:assert/strict";
import { VirtualTimeScheduler } from "rxjs";
import { concat, from, lastValueFrom, of, Subject, tap, throwError, toArray } from "../rx.ts";
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

Deno.test("printEach() writes in order, together what queued up, and stops when the reader has gone", async () => {
  const written: string[] = [];
  const sink = {
    write: (text: string) => {
      written.push(text);
      return Promise.resolve(written.length < 2);
    },
  };
  const done = await lastValueFrom(
    of("a", "", "b", "c", "d").pipe(printEach((v) => v && `${v}\n`, sink), toArray()),
  );
  // "a" goes out at once; the rest arrived while it was out and goes in one write, after which
  // the reader is gone.
  assert.deepEqual(written, ["a\n", "b\nc\nd\n"], 'no text for ""');
  assert.deepEqual(done, ["a"], "only what was written whole is emitted");
});

Deno.test("printEach() writes a value that arrives after the queue drained on its own", async () => {
  const written: string[] = [];
  const sink = { write: (text: string) => (written.push(text), Promise.resolve(true)) };
  const values$ = new Subject<string>();
  const done = lastValueFrom(values$.pipe(printEach((v) => v, sink), toArray()));
  values$.next("a");
  await new Promise((resolve) => setTimeout(resolve, 0));
  values$.next("b");
  values$.complete();
  assert.deepEqual(await done, ["a", "b"]);
  assert.deepEqual(written, ["a", "b"]);
});

Deno.test("printEach() writes a burst of 100 000 values in order, in batches of at most 64 KiB", async () => {
  const written: string[] = [];
  const sink = { write: (text: string) => (written.push(text), Promise.resolve(true)) };
  const values = Array.from({ length: 100_000 }, (_, i) => `virtualmachine.hypersdk.io/vm-${i}\n`);
  const done = await lastValueFrom(from(values).pipe(printEach((v) => v, sink), toArray()));
  assert.equal(done.length, values.length);
  assert.equal(written.join(""), values.join(""));
  assert.ok(written.length < 100, `${written.length} writes`);
  assert.ok(written.every((text) => text.length < 64 * 1024 + 64));
});

Deno.test("printEach() ends the stream with the error of a render that throws", async () => {
  const sink = { write: () => Promise.resolve(true) };
  const render = (v: number) => {
    if (v === 2) throw new RangeError("bad value");
    return `${v}`;
  };
  await assert.rejects(
    () => lastValueFrom(of(1, 2, 3).pipe(printEach(render, sink))),
    /bad value/,
  );
});

Deno.test("printEach() writes what queued up before passing on the source's error", async () => {
  const written: string[] = [];
  let release = () => {};
  const sink = {
    write: (text: string) => {
      written.push(text);
      // The first write stays out until released, as a slow reader keeps it.
      return written.length === 1
        ? new Promise<boolean>((resolve) => release = () => resolve(true))
        : Promise.resolve(true);
    },
  };
  const values$ = new Subject<string>();
  const emitted: string[] = [];
  let failed: unknown;
  values$.pipe(printEach((v) => `${v}\n`, sink)).subscribe({
    next: (v) => emitted.push(v),
    error: (e) => failed = e,
  });
  values$.next("a");
  values$.next("b");
  values$.next("c");
  values$.error(new Error("watch lost"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(failed, undefined, "no error while a write is out");
  release();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(written, ["a\n", "b\nc\n"]);
  assert.deepEqual(emitted, ["a", "b", "c"]);
  assert.match(String(failed), /watch lost/);
});

Deno.test("printEach() passes on the source's error when the reader went while writing the queue", async () => {
  const sink = { write: () => Promise.resolve(false) };
  await assert.rejects(
    () =>
      lastValueFrom(
        concat(of("a"), throwError(() => new Error("watch lost"))).pipe(
          printEach((v) => v, sink),
        ),
      ),
    /watch lost/,
  );
});

Deno.test("printEach() ends with the sink's error and emits nothing of the failed write", async () => {
  const sink = { write: () => Promise.reject(new Error("disk full")) };
  const emitted: string[] = [];
  await assert.rejects(
    () => lastValueFrom(of("a", "b").pipe(printEach((v) => v, sink), tap((v) => emitted.push(v)))),
    /disk full/,
  );
  assert.deepEqual(emitted, []);
});

Deno.test("followToEnd() turns a signal into InterruptedError with the signal's name", async () => {
  await followToEnd(of(1), { interruptedBy: () => undefined });
  await assert.rejects(
    () => followToEnd(of(1), { interruptedBy: () => "SIGTERM" }),
    (e: Error) => e instanceof InterruptedError && e.signal === "SIGTERM",
  );
});

Deno.test("printEach() with renderMany writes a burst together, then what comes later on its own", async () => {
  const written: string[] = [];
  const sink = { write: (text: string) => (written.push(text), Promise.resolve(true)) };
  const values$ = new Subject<string>();
  const many = (vs: readonly string[]) => `[${vs.join(",")}]`;
  const done = lastValueFrom(values$.pipe(printEach((v) => v, sink, many), toArray()));
  // A page of the initial list arrives in one go: laid out as one block, not row by row.
  for (const v of ["a", "bbbb", "cc"]) values$.next(v);
  await new Promise((resolve) => setTimeout(resolve, 0));
  values$.next("d");
  values$.complete();
  assert.deepEqual(await done, ["a", "bbbb", "cc", "d"]);
  assert.deepEqual(written, ["[a,bbbb,cc]", "[d]"]);
});
