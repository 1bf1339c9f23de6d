/**
 * The rxjs pieces hyperctl uses, imported one module each.
 *
 * Why: Deno resolves bare "rxjs" with the "node" export condition to dist/cjs/index.js, which
 * eagerly requires every operator (~450 CommonJS modules); importing only these halves rxjs's
 * share of startup. Same files as the index re-exports, so types and instances stay identical.
 * @module
 */
export { Observable } from "rxjs/internal/Observable";
export type {
  MonoTypeOperatorFunction,
  ObservableInput,
  Observer,
  OperatorFunction,
  SchedulerLike,
} from "rxjs/internal/types";
export { Subscription } from "rxjs/internal/Subscription";
export { Subject } from "rxjs/internal/Subject";
export { ReplaySubject } from "rxjs/internal/ReplaySubject";
export { asyncScheduler } from "rxjs/internal/scheduler/async";
export { EMPTY } from "rxjs/internal/observable/empty";
export { NEVER } from "rxjs/internal/observable/never";
export { concat } from "rxjs/internal/observable/concat";
export { defer } from "rxjs/internal/observable/defer";
export { from } from "rxjs/internal/observable/from";
export { fromEvent } from "rxjs/internal/observable/fromEvent";
export { merge } from "rxjs/internal/observable/merge";
export { of } from "rxjs/internal/observable/of";
export { throwError } from "rxjs/internal/observable/throwError";
export { timer } from "rxjs/internal/observable/timer";
export { auditTime } from "rxjs/internal/operators/auditTime";
export { catchError } from "rxjs/internal/operators/catchError";
export { concatMap } from "rxjs/internal/operators/concatMap";
export { expand } from "rxjs/internal/operators/expand";
export { filter } from "rxjs/internal/operators/filter";
export { first } from "rxjs/internal/operators/first";
export { ignoreElements } from "rxjs/internal/operators/ignoreElements";
export { map } from "rxjs/internal/operators/map";
export { reduce } from "rxjs/internal/operators/reduce";
export { repeat } from "rxjs/internal/operators/repeat";
export { retry } from "rxjs/internal/operators/retry";
export { scan } from "rxjs/internal/operators/scan";
export { take } from "rxjs/internal/operators/take";
export { tap } from "rxjs/internal/operators/tap";
export { takeUntil } from "rxjs/internal/operators/takeUntil";
export { takeWhile } from "rxjs/internal/operators/takeWhile";
export { timeout } from "rxjs/internal/operators/timeout";
export { toArray } from "rxjs/internal/operators/toArray";
export { firstValueFrom } from "rxjs/internal/firstValueFrom";
export { lastValueFrom } from "rxjs/internal/lastValueFrom";
