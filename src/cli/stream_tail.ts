/**
 * The tail of every command that follows something (`list -w`, `get -w`, `--wait`, `wait`):
 * `until` bounds the stream by a time limit and SIGINT/SIGTERM, `printEach` writes each value to a
 * sink, and `followToEnd` subscribes once and turns a signal into the command's outcome.
 *
 * Time limits run on `deps.scheduler`, so tests drive `--for` and `--timeout` in virtual time.
 * @module
 */

import {
  fromEvent,
  lastValueFrom,
  map,
  merge,
  type MonoTypeOperatorFunction,
  NEVER,
  Observable,
  of,
  type OperatorFunction,
  take,
  takeUntil,
  timer,
} from "../rx.ts";
import type { Deps, TextOut } from "./deps.ts";
import { InterruptedError } from "./outcomes.ts";

/** Emits once when SIGINT/SIGTERM arrives (immediately if it already has). */
export function interrupted$(signal: AbortSignal): Observable<void> {
  if (signal.aborted) return of(undefined);
  return fromEvent(signal, "abort").pipe(take(1), map(() => undefined));
}

/**
 * Follow the source until `afterMs` has passed on the deps' scheduler or a signal arrives.
 *
 * @param afterMs the time limit (`--for`, `--timeout`); undefined follows until a signal
 * @param deps the signal and the scheduler the limit runs on
 * @returns an operator that completes the stream at the first of the two
 * @example
 * ```ts
 * import { deepStrictEqual } from "node:assert/strict";
 * import { lastValueFrom, of, toArray } from "../rx.ts";
 * const signals = new AbortController();
 * const follow = (deps: { interrupt: AbortSignal }) =>
 *   lastValueFrom(of(1, 2).pipe(until(undefined, deps), toArray()));
 * deepStrictEqual(await follow({ interrupt: signals.signal }), [1, 2]);
 * signals.abort(); // Ctrl+C before the first value: nothing is followed
 * deepStrictEqual(await follow({ interrupt: signals.signal }), []);
 * ```
 */
export function until<T>(
  afterMs: number | undefined,
  deps: Pick<Deps, "interrupt" | "scheduler">,
): MonoTypeOperatorFunction<T> {
  return takeUntil(merge(
    afterMs === undefined ? NEVER : timer(afterMs, deps.scheduler),
    interrupted$(deps.interrupt),
  ));
}

/** Text gathered into one write when values queued up while the previous write was out. */
const BATCH_CHARS = 64 * 1024;
/** At most this many values per write when they are rendered together (a page of rows). */
const BATCH_VALUES = 1000;

/**
 * Write each value as `render` shows it, in order, one write at a time, so a reader sees every
 * event as soon as the writes before it are out; a closed reader (`| head -1`) ends the stream
 * quietly. Values that arrive while a write is out wait in a queue and go out together in the
 * next write (up to 64 KiB of text), each rendered only when its write is prepared.
 *
 * A source that fails (a lost watch) still has its queued values written before its error goes
 * on, and no error goes on while a write is out: the process exits on it, and exiting mid-write
 * would leave half a record on stdout.
 *
 * Why not `concatMap`: its queue is an array it shifts, and a burst of 100 000 events (a large
 * fleet's initial list under `-w`) made every shift copy the rest of the queue, seconds of CPU;
 * one write per event also cost an operation round trip each, which the batches save.
 *
 * @param render the text of one value ("" writes nothing)
 * @param sink where the text goes (stdout, or stderr for progress)
 * @param renderMany the text of values written together (up to 1 000), laid out as one block: a
 *   table's rows. With it, the values of one burst (a page) wait for the burst to end.
 * @returns an operator that emits each value once the write that carried it is out whole; it
 *   completes once the reader has gone (the values of the failed write are not emitted)
 * @example
 * ```ts
 * import { deepStrictEqual } from "node:assert/strict";
 * import { lastValueFrom, of, toArray } from "../rx.ts";
 * let out = "";
 * const sink = { write: (text: string) => Promise.resolve((out += text).length < 4) };
 * const written = await lastValueFrom(
 *   of("a", "b", "c", "d").pipe(printEach((v) => `${v}\n`, sink), toArray()),
 * );
 * // "a" went alone; "b" to "d" arrived meanwhile and went together, after the reader had gone.
 * deepStrictEqual(written, ["a"]);
 * ```
 */
export function printEach<T>(
  render: (value: T) => string,
  sink: TextOut,
  renderMany?: (values: readonly T[]) => string,
): OperatorFunction<T, T> {
  return (source$) =>
    new Observable<T>((subscriber) => {
      const queue: (T | undefined)[] = [];
      let head = 0;
      let writing = false;
      let sourceDone = false;
      let scheduled = false;
      // The source's error, passed on once the queue is written.
      let failure: { error: unknown } | undefined;
      const end = (): void => {
        if (failure) subscriber.error(failure.error);
        else subscriber.complete();
      };
      const pump = (): void => {
        try {
          fill();
        } catch (error) {
          // A render that throws is a bug; it ends the stream as concatMap's project would (no
          // write is out: renders happen only between writes).
          subscriber.error(error);
        }
      };
      const fill = (): void => {
        while (!writing && !subscriber.closed) {
          if (head === queue.length) {
            if (sourceDone) end();
            return;
          }
          const batch: T[] = [];
          let text = "";
          if (renderMany) {
            while (head < queue.length && batch.length < BATCH_VALUES) {
              batch.push(queue[head] as T);
              queue[head++] = undefined;
            }
            text = renderMany(batch);
          } else {
            while (head < queue.length && text.length < BATCH_CHARS) {
              const value = queue[head] as T;
              text += render(value);
              batch.push(value);
              queue[head++] = undefined;
            }
          }
          // Drop the written part of the queue now and then, so it never grows with the stream.
          if (head === queue.length || head > 4096) {
            queue.splice(0, head);
            head = 0;
          }
          if (text === "") {
            for (const value of batch) subscriber.next(value);
            continue;
          }
          writing = true;
          sink.write(text).then((open) => {
            writing = false;
            // The reader has gone: nothing more can be written; a failure still goes on.
            if (!open) return end();
            for (const value of batch) {
              if (!subscriber.closed) subscriber.next(value);
            }
            pump();
          }, (error) => {
            writing = false;
            subscriber.error(error);
          });
        }
      };
      const subscription = source$.subscribe({
        next: (value) => {
          queue.push(value);
          if (!renderMany) return pump();
          // Values that arrive in one burst (a page of the initial list) go out together.
          if (scheduled) return;
          scheduled = true;
          queueMicrotask(() => {
            scheduled = false;
            pump();
          });
        },
        error: (error) => {
          failure = { error };
          sourceDone = true;
          pump();
        },
        complete: () => {
          sourceDone = true;
          pump();
        },
      });
      return () => {
        subscription.unsubscribe();
        queue.length = 0;
      };
    });
}

/**
 * Subscribe to the tail once and wait for it to end; when a signal ended it, throw the
 * `InterruptedError` that makes the exit code 130 (SIGINT) or 143 (SIGTERM).
 */
export async function followToEnd(
  tail$: Observable<unknown>,
  deps: Pick<Deps, "interruptedBy">,
): Promise<void> {
  await lastValueFrom(tail$, { defaultValue: undefined });
  throwIfInterrupted(deps);
}

/** Throw `InterruptedError` when SIGINT/SIGTERM has arrived. */
export function throwIfInterrupted(deps: Pick<Deps, "interruptedBy">): void {
  const signal = deps.interruptedBy();
  if (signal) throw new InterruptedError(signal);
}
