/**
 * The KubeApi → Observable edge of the watch machinery.
 *
 * Promises cannot run in virtual time, so `list$`/`watch$`/`object$` are written against
 * `RxKube` (one Observable per request) and marble tests hand in cold observables; this file is
 * the only place that turns a `KubeApi` promise or `WatchStream` into an Observable.
 * @module
 */

import { Observable } from "../rx.ts";
import type { KubeList, WatchEvent } from "../core/types.ts";
import type { KubeApi, ListOptions, ResourceRef, WatchOptions } from "./api.ts";

/** One Observable per request: subscribing sends it, unsubscribing aborts it. */
export interface RxKube {
  /** One list request (one page); emits the response once and completes. */
  list$(ref: ResourceRef, options: ListOptions): Observable<KubeList>;
  /** One watch request; emits its events, completes on a normal server close. */
  watch$(ref: ResourceRef, options: WatchOptions): Observable<WatchEvent>;
}

/** What the watch sources accept: a real client or an Observable transport (tests). */
export type KubeSource = KubeApi | RxKube;

/** Adapt a source to `RxKube`, leaving an `RxKube` as it is. */
export function toRxKube(source: KubeSource): RxKube {
  return "watch$" in source ? source : rxKube(source);
}

/**
 * Wrap a `KubeApi` so each subscription makes a fresh request.
 *
 * Why: `from(promise)` would replay one settled promise on every retry; here every subscribe
 * calls the API again, and unsubscribing aborts the list or closes the watch stream.
 *
 * @param api the promise-based client
 * @returns the Observable transport
 */
export function rxKube(api: KubeApi): RxKube {
  return {
    list$: (ref, options) =>
      new Observable<KubeList>((subscriber) => {
        const abort = new AbortController();
        api.list(ref, options, abort.signal).then(
          (list) => {
            subscriber.next(list);
            subscriber.complete();
          },
          (error) => subscriber.error(error),
        );
        return () => abort.abort();
      }),
    watch$: (ref, options) =>
      new Observable<WatchEvent>((subscriber) => {
        let closed = false;
        let close: (() => void) | undefined;
        api.watch(ref, options).then(async (stream) => {
          close = () => stream.close();
          // Unsubscribed while the request was being opened: close it at once.
          if (closed) return stream.close();
          for await (const event of stream) {
            if (closed) return;
            subscriber.next(event);
          }
          subscriber.complete();
        }).catch((error) => {
          if (!closed) subscriber.error(error);
        });
        return () => {
          closed = true;
          close?.();
        };
      }),
  };
}
