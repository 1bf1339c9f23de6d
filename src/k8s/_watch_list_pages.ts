/**
 * A watch's (re)list as page inputs for the state machine, each handed on as it arrives.
 *
 * Why: the initial list of a large fleet used to be collected whole before its first event was
 * printed (100 000 VMs: seconds of silence, and every page, the whole items array and every
 * rendered event alive at once). Page by page, the first rows follow the first page and each
 * page is garbage once it is printed and cached. The pages still form one snapshot: they carry
 * the first page's resourceVersion, and an expired continue token (410 after etcd compaction)
 * starts the list over once, as `list$` and the client-go pager do; the state machine then
 * starts its record of the keys seen afresh, so what vanished meanwhile is DELETED at the end.
 * @module
 */

import { map, type Observable } from "../rx.ts";
import type { WatchInput } from "../core/watch_state.ts";
import type { ResourceRef } from "./api.ts";
import { type ListAllOptions, restartingPages$ } from "./list.ts";
import type { RxKube } from "./_rx_kube.ts";

/**
 * List a collection as `page` inputs: `first` on the first page (again after a restart), `last`
 * on the page without a continue token.
 *
 * @param kube the client
 * @param ref which collection
 * @param options selectors and page size
 * @returns one input per page, then completes; errors with the transport's error otherwise
 */
export function listPageInputs$(
  kube: Pick<RxKube, "list$">,
  ref: ResourceRef,
  options: ListAllOptions,
): Observable<WatchInput> {
  let resourceVersion = "";
  return restartingPages$(kube, ref, options).pipe(
    map(({ page, index }): WatchInput => {
      // Every page of one pass carries the first page's resourceVersion.
      if (index === 0) resourceVersion = page.metadata?.resourceVersion ?? "";
      return {
        type: "page",
        items: Array.isArray(page.items) ? page.items : [],
        resourceVersion,
        first: index === 0,
        last: !page.metadata?.continue,
      };
    }),
  );
}
