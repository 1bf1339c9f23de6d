/**
 * Print a one-shot list: page by page as the pages arrive, or, for `--sort-by`, all at once.
 *
 * Streaming: each page is filtered client-side and written before the next page is handed over,
 * so memory stays bounded by the page size (`--chunk-size`) and the first rows reach stdout after
 * the first page, not the last. `--sort-by` needs the whole list before its first row; it keeps
 * the objects without their managedFields (which no output prints), the bulk of a real server's
 * object.
 * @module
 */

import { defer, lastValueFrom, takeWhile } from "../../rx.ts";
import { type SortKey, sortObjects } from "../../core/sort.ts";
import type { KubeObject } from "../../core/types.ts";
import type { ResourceRef } from "../../k8s/api.ts";
import { list$ } from "../../k8s/list.ts";
import { listPages$ } from "../../k8s/list_pages.ts";
import type { KubeSource } from "../../k8s/_rx_kube.ts";
import { listStreamOf } from "../../render/list_stream.ts";
import type { Renderer } from "../../render/renderer.ts";
import { stripManagedFields } from "../../core/managed_fields.ts";
import type { TextOut } from "../deps.ts";

/** What `printList` needs of the parsed `list` options. */
export interface PrintListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  chunkSize: number;
  /** The client-side filters, applied to each page. */
  keep: (obj: KubeObject) => boolean;
  /** `--sort-by`: read the whole list, then print it sorted. */
  sortKey?: SortKey;
  /** Ask the server for each object's metadata only (nothing else is printed or filtered on). */
  metadataOnly?: boolean;
}

/** What the server is asked: the selectors, the page size and whether metadata is enough. */
function requestOf(options: PrintListOptions) {
  return {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    chunkSize: options.chunkSize,
    metadataOnly: options.metadataOnly,
  };
}

/** Every object of `ref` the options keep, read whole (for `--sort-by`, and for several clusters). */
export async function listKept(
  source: KubeSource,
  ref: ResourceRef,
  options: PrintListOptions,
): Promise<KubeObject[]> {
  const { items } = await lastValueFrom(list$(source, ref, requestOf(options)));
  return items.filter(options.keep);
}

/**
 * List `ref` and print every kept object with `renderer` to `out`.
 *
 * @returns how many objects were kept (0: the caller says "No resources found")
 */
export async function printList(
  source: KubeSource,
  ref: ResourceRef,
  options: PrintListOptions & { renderer: Renderer; out: TextOut },
): Promise<number> {
  const { renderer, out, keep } = options;
  if (options.sortKey) {
    const kept = await listKept(source, ref, options);
    const items = sortObjects(kept.map(stripManagedFields), options.sortKey);
    if (items.length > 0) await out.write(renderer.list(items));
    return items.length;
  }
  const stream = listStreamOf(renderer);
  let kept = 0;
  let closed = false;
  await lastValueFrom(
    listPages$(source, ref, {
      ...requestOf(options),
      handle: (page) =>
        defer(async () => {
          const items = page.items.filter(keep);
          kept += items.length;
          closed = !(await out.write(stream.page(items)));
          return closed;
        }),
    }).pipe(
      // A closed stdout (`| head`) ends the list: no more pages are fetched.
      takeWhile((readerGone) => !readerGone),
    ),
    { defaultValue: false },
  );
  if (!closed) await out.write(stream.end());
  return kept;
}
