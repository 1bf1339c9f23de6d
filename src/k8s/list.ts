/**
 * `list$`: one complete, paginated list of a collection.
 *
 * Follows kubectl's `--chunk-size` (default 500, 0 = one request) and the client-go pager: pages
 * are fetched with `limit`/`continue`; continue tokens expire after etcd compaction (about 5–15
 * min, answered with 410 Expired), in which case the whole list restarts once.
 * @module
 */

import {
  catchError,
  defer,
  EMPTY,
  expand,
  map,
  type Observable,
  reduce,
  tap,
  throwError,
} from "../rx.ts";
import { collectGarbage } from "./_collect_garbage.ts";
import type { KubeList, KubeObject } from "../core/types.ts";
import type { IncludeObject } from "../core/server_rows.ts";
import type { ListOptions, ResourceRef } from "./api.ts";
import { type KubeSource, type RxKube, toRxKube } from "./_rx_kube.ts";
import { isGone } from "./_watch_errors.ts";

/** kubectl's default `--chunk-size`: objects per page. */
export const DEFAULT_CHUNK_SIZE = 500;

/** Options of `list$`. */
export interface ListAllOptions {
  /** Label selector, sent to the server. @default none */
  labelSelector?: string;
  /** Field selector, sent to the server. @default none */
  fieldSelector?: string;
  /** Page size (`limit`); 0 fetches everything in one request. @default 500 */
  chunkSize?: number;
  /** Ask for each item's metadata only (see `ListOptions.metadataOnly`). @default false */
  metadataOnly?: boolean;
  /** Ask for server-side table rows (see `ListOptions.rows`). @default objects */
  rows?: IncludeObject;
}

/** Every item of a collection, and the list's resourceVersion (where a watch starts). */
export interface ListResult {
  readonly items: KubeObject[];
  readonly resourceVersion: string;
  /** The list kind the server reported, e.g. `VirtualMachineList`. */
  readonly kind: string | undefined;
  readonly apiVersion: string | undefined;
}

/**
 * List a collection, following `continue` tokens, as one value.
 *
 * Why: a watch must start from one consistent snapshot; all pages of a paginated list share the
 * first page's resourceVersion, so restarting on an expired token is the only safe recovery.
 *
 * @param source the client (or an Observable transport in tests)
 * @param ref which collection
 * @param options selectors and page size
 * @returns emits one `ListResult`, then completes; errors with the transport's error otherwise
 * @example
 * ```ts ignore
 * const { items, resourceVersion } = await lastValueFrom(list$(api, vmRef, { chunkSize: 100 }));
 * ```
 */
export function list$(
  source: KubeSource,
  ref: ResourceRef,
  options: ListAllOptions = {},
): Observable<ListResult> {
  return restartingPages$(toRxKube(source), ref, options).pipe(
    // Each page's text and envelope are garbage once its items are appended; scavenging every
    // second page keeps them from piling up beside the list (`--sort-by`, 100 000 VMs: peak RSS
    // 274-277 → 232-237 MiB for `-o name`), as printing page by page does (list_pages.ts).
    tap(({ index }: IndexedPage) => {
      if (index % 2 === 1) collectGarbage();
    }),
    // Items are appended in place: `concat` per page copied the growing array every time, and
    // each discarded copy of a large list waited in V8's large-object space for a full collection
    // (100 000 VMs in 200 pages: ~80 MB of dead arrays). A restarted list starts a new array.
    reduce(
      (acc: ListResult, { page, index }: IndexedPage): ListResult => ({
        items: appendItems(index === 0 ? [] : acc.items, page.items),
        // Every page carries the snapshot's resourceVersion; keep the first page's.
        resourceVersion: index === 0 ? page.metadata?.resourceVersion ?? "" : acc.resourceVersion,
        kind: index === 0 ? page.kind : acc.kind ?? page.kind,
        apiVersion: index === 0 ? page.apiVersion : acc.apiVersion ?? page.apiVersion,
      }),
      { items: [], resourceVersion: "", kind: undefined, apiVersion: undefined },
    ),
  );
}

/** A page of a list and its place in it (0 for the first page, again after a restart). */
export interface IndexedPage {
  readonly page: KubeList;
  readonly index: number;
}

/**
 * The pages of one list as they arrive, following `continue` tokens; an expired token (410 after
 * at least one page) starts the list over once, from index 0.
 *
 * Why: a whole list (`list$`) and a watch's list handed on page by page restart alike, as the
 * client-go pager does; every page of one pass belongs to one snapshot.
 *
 * @param kube the client
 * @param ref which collection
 * @param options selectors and page size
 * @returns each page with its index, then completes; errors with the transport's error otherwise
 */
export function restartingPages$(
  kube: Pick<RxKube, "list$">,
  ref: ResourceRef,
  options: ListAllOptions,
): Observable<IndexedPage> {
  let base: ListOptions;
  try {
    base = listRequest(options);
  } catch (error) {
    return throwError(() => error);
  }
  const pages$ = (restartsLeft: number): Observable<IndexedPage> =>
    defer(() => {
      let pagesSeen = 0;
      return kube.list$(ref, base).pipe(
        expand((page: KubeList) => {
          const token = page.metadata?.continue;
          return token ? kube.list$(ref, { ...base, continue: token }) : EMPTY;
        }),
        map((page: KubeList): IndexedPage => ({ page, index: pagesSeen++ })),
        catchError((error) =>
          pagesSeen > 0 && restartsLeft > 0 && isGone(error)
            ? pages$(restartsLeft - 1)
            : throwError(() => error)
        ),
      );
    });
  return pages$(1);
}

/** Append a page's items (if it has an array of them) to `items`, in place. */
function appendItems(items: KubeObject[], page: unknown): KubeObject[] {
  if (Array.isArray(page)) { for (const item of page) items.push(item); }
  return items;
}

/**
 * The first page's request options for a list: selectors, `limit` and whether metadata is enough.
 *
 * @throws RangeError when the chunk size is not an integer >= 0
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(listRequest({ chunkSize: 0 }), { labelSelector: undefined, fieldSelector: undefined, limit: undefined });
 * ```
 */
export function listRequest(options: ListAllOptions): ListOptions {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 0) {
    throw new RangeError(`cannot use chunk size "${chunkSize}": expected an integer >= 0`);
  }
  return {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    limit: chunkSize === 0 ? undefined : chunkSize,
    ...(options.metadataOnly ? { metadataOnly: true } : {}),
    ...(options.rows ? { rows: options.rows } : {}),
  };
}
