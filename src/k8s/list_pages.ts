/**
 * `listPages$`: a paginated list handed downstream page by page, as the pages arrive, in memory
 * bounded by the page size whatever the collection's size.
 *
 * Each page is requested as soon as the one before it has arrived, so the server prepares page
 * N+1 while page N is printed; but page N+1 is handed over only once the handler of page N has
 * completed (its bytes are written), so at most two pages are held whatever the reader's pace,
 * and a slow `| jq` holds the pager back instead of filling memory.
 *
 * Unlike `list$`, an expired continue token (410 after 5–15 min, etcd compaction) is not met by
 * restarting the list: earlier pages are already printed, and a restart would print them twice.
 * The list fails with the server's reason instead, as kubectl's chunked printing does.
 * @module
 */

import {
  defer,
  Observable,
  type ObservableInput,
  ReplaySubject,
  Subscription,
  throwError,
} from "../rx.ts";
import type { KubeList, KubeObject } from "../core/types.ts";
import type { ListOptions, ResourceRef } from "./api.ts";
import { type ListAllOptions, listRequest } from "./list.ts";
import { type KubeSource, toRxKube } from "./_rx_kube.ts";
import { collectGarbage } from "./_collect_garbage.ts";

/** One page of a list. */
export interface ListPage {
  readonly items: KubeObject[];
  /** The snapshot's resourceVersion (every page of one list carries the first page's). */
  readonly resourceVersion: string;
  /** 0 for the first page. */
  readonly index: number;
  /** True for the page without a continue token. */
  readonly last: boolean;
}

/** Options of `listPages$`: those of `list$`, and what to do with each page. */
export interface ListPagesOptions<T> extends ListAllOptions {
  /**
   * Handles one page (render and write it); the next page is handed over once this completes.
   * Its values are the values of `listPages$`.
   */
  handle: (page: ListPage) => ObservableInput<T>;
  /**
   * Runs after every second page's handler when more pages follow, to free what the pages before
   * left behind. @default collectGarbage
   */
  betweenPages?: () => void;
}

/** Pages handled between two calls of `betweenPages`. */
const PAGES_PER_COLLECTION = 2;

/**
 * List a collection, handing each page to `options.handle` as it arrives.
 *
 * @param source the client (or an Observable transport in tests)
 * @param ref which collection
 * @param options selectors, page size and the page handler
 * @returns the handler's values, page after page; completes after the last page's handler
 * @example
 * ```ts ignore
 * await lastValueFrom(listPages$(api, vmRef, { handle: (p) => out.write(render(p.items)) }));
 * ```
 */
export function listPages$<T>(
  source: KubeSource,
  ref: ResourceRef,
  options: ListPagesOptions<T>,
): Observable<T> {
  const kube = toRxKube(source);
  const betweenPages = options.betweenPages ?? collectGarbage;
  let request: ListOptions;
  try {
    request = listRequest(options);
  } catch (error) {
    return throwError(() => error);
  }
  return new Observable<T>((subscriber) => {
    const all = new Subscription();
    // Send a page's request now; its response waits in a one-value replay until it is handed on.
    const prefetch = (token: string | undefined) => {
      const response = new ReplaySubject<KubeList>(1);
      all.add(
        kube.list$(ref, token === undefined ? request : { ...request, continue: token })
          .subscribe(response),
      );
      return response;
    };
    const handOn = (response: Observable<KubeList>, index: number): void => {
      let received = false;
      all.add(response.subscribe({
        next: (list) => {
          // A handler that finished synchronously may have ended the consumer already.
          if (received || subscriber.closed) return;
          received = true;
          let page: ListPage;
          let next: ReplaySubject<KubeList> | undefined;
          try {
            const token = list.metadata?.continue || undefined;
            next = token === undefined ? undefined : prefetch(token);
            page = {
              items: Array.isArray(list.items) ? list.items : [],
              resourceVersion: list.metadata?.resourceVersion ?? "",
              index,
              last: next === undefined,
            };
          } catch (error) {
            // A bug or a broken answer while reading the page ends the list with that error; thrown
            // from here it would escape the stream and surface as an unhandled error.
            subscriber.error(error);
            return;
          }
          all.add(
            defer(() => options.handle(page)).subscribe({
              next: (value) => subscriber.next(value),
              error: (error) => subscriber.error(error),
              complete: () => {
                if (next === undefined) return subscriber.complete();
                if ((index + 1) % PAGES_PER_COLLECTION === 0) betweenPages();
                handOn(next, index + 1);
              },
            }),
          );
        },
        error: (error) => subscriber.error(error),
      }));
    };
    handOn(prefetch(undefined), 0);
    return all;
  });
}
