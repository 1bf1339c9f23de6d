/**
 * The tail of every command that follows something (`list -w`, `get -w`, `--wait`, `wait`):
 * `until` bounds the stream by a time limit and SIGINT/SIGTERM, `printEach` writes each value to a
 * sink, and `followToEnd` subscribes once and turns a signal into the command's outcome.
 *
 * Time limits run on `deps.scheduler`, so tests drive `--for` and `--timeout` in virtual time.
 * @module
 */

import {
  concatMap,
  fromEvent,
  lastValueFrom,
  map,
  merge,
  type MonoTypeOperatorFunction,
  NEVER,
  type Observable,
  of,
  type OperatorFunction,
  take,
  takeUntil,
  takeWhile,
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

/**
 * Write each value as `render` shows it, one write finished before the next value is taken, so a
 * reader sees every event as it happens; a closed reader (`| head -1`) ends the stream quietly.
 *
 * @param render the text of one value ("" writes nothing)
 * @param sink where the text goes (stdout, or stderr for progress)
 * @returns an operator that emits whether the reader is still there after each value
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { lastValueFrom, of } from "../rx.ts";
 * let out = "";
 * const sink = { write: (text: string) => Promise.resolve((out += text).length < 4) };
 * await lastValueFrom(of("a", "b", "c").pipe(printEach((v) => `${v}\n`, sink)));
 * equal(out, "a\nb\n"); // the reader went away after "b": "c" is never written
 * ```
 */
export function printEach<T>(
  render: (value: T) => string,
  sink: TextOut,
): OperatorFunction<T, boolean> {
  return (source$) =>
    source$.pipe(
      concatMap((value) => {
        const text = render(value);
        return text === "" ? of(true) : sink.write(text);
      }),
      takeWhile((open) => open),
    );
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
