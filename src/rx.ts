/**
 * The rxjs pieces hyperctl uses, from rxjs's public entry point: one place to see what of rxjs
 * the product relies on.
 *
 * Why not `rxjs/internal/*`: the shipped bundle holds the same rxjs code either way (public
 * 2 273 174 bytes, internal 2 273 168; `vm list` of 100 VMs within noise; bench/FINDINGS.md, 2026-12-06); only a
 * run from source pays for the CommonJS index, about 20 ms (103 vs 83 ms, load 4.4–7.3).
 * @module
 */
export {
  asyncScheduler,
  auditTime,
  catchError,
  concat,
  concatMap,
  defer,
  EMPTY,
  expand,
  filter,
  first,
  firstValueFrom,
  from,
  fromEvent,
  ignoreElements,
  lastValueFrom,
  map,
  merge,
  NEVER,
  Observable,
  of,
  reduce,
  repeat,
  ReplaySubject,
  retry,
  scan,
  Subject,
  Subscription,
  take,
  takeUntil,
  takeWhile,
  tap,
  throwError,
  timeout,
  timer,
  toArray,
} from "rxjs";
export type {
  MonoTypeOperatorFunction,
  ObservableInput,
  Observer,
  OperatorFunction,
  SchedulerLike,
} from "rxjs";
