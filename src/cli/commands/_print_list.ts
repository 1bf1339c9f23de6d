/**
 * Print a one-shot list: page by page as the pages arrive, or, for `--sort-by`, all at once.
 *
 * Streaming: each page is filtered client-side and written before the next page is handed over,
 * so memory stays bounded by the page size (`--chunk-size`) and the first rows reach stdout after
 * the first page, not the last. `--sort-by` needs the whole list before its first row; it keeps
 * the objects without their managedFields (the bulk of a real server's object; only
 * `--show-managed-fields` prints them), dropped page by page, and prints them in slices as the
 * stream would.
 * @module
 */

import { defer, lastValueFrom, takeWhile } from "../../rx.ts";
import { type SortKey, sortObjects } from "../../core/sort.ts";
import type { KubeObject } from "../../core/types.ts";
import { type IncludeObject, lacksColumns } from "../../core/server_rows.ts";
import type { KindInfo } from "../../core/kinds.ts";
import type { ResourceRef } from "../../k8s/api.ts";
import { DEFAULT_CHUNK_SIZE, list$ } from "../../k8s/list.ts";
import { listPages$ } from "../../k8s/list_pages.ts";
import type { KubeSource } from "../../k8s/_rx_kube.ts";
import { isStreamingRenderer, listStreamOf } from "../../render/list_stream.ts";
import type { PrintOptions } from "../../render/print_options.ts";
import type { Renderer } from "../../render/renderer.ts";
import { leanSource } from "../../k8s/lean_source.ts";
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
  /** Print the server's table rows, each carrying this (see `ListOptions.rows`). */
  rows?: IncludeObject;
  /**
   * The kind listed: rows are printed only when the server's table has its columns (a CRD of
   * another version is read as objects).
   */
  kind?: Pick<KindInfo, "columns">;
  /** `--show-managed-fields`: a sorted list keeps them too. */
  print?: Pick<PrintOptions, "showManagedFields">;
}

/** What the server is asked: the selectors, the page size and whether metadata is enough. */
function requestOf(options: PrintListOptions) {
  return {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    chunkSize: options.chunkSize,
    metadataOnly: options.metadataOnly,
    rows: options.rows,
  };
}

/**
 * Every object of `ref` the options keep, read whole (for `--sort-by`, and for several clusters),
 * each page's managedFields dropped as it arrives unless they are to be printed.
 */
export async function listKept(
  source: KubeSource,
  ref: ResourceRef,
  options: PrintListOptions,
): Promise<KubeObject[]> {
  const from = options.print?.showManagedFields ? source : leanSource(source);
  const { items } = await lastValueFrom(list$(from, ref, requestOf(options)));
  if (rowsMisfit(items, options)) {
    return await listKept(source, ref, { ...options, rows: undefined });
  }
  return items.filter(options.keep);
}

/**
 * True when `items` (a page, or a whole list) are rows of a table that lacks one of the listed
 * kind's columns (see `PrintListOptions.kind`), told by the first: its CRD is another version.
 */
function rowsMisfit(items: readonly KubeObject[], options: PrintListOptions): boolean {
  if (options.rows === undefined || options.kind === undefined || items.length === 0) return false;
  return lacksColumns(items[0], ["NAME", ...options.kind.columns.map((c) => c.header)]);
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
  const { renderer, out } = options;
  if (options.sortKey) {
    const items = sortObjects(await listKept(source, ref, options), options.sortKey);
    if (items.length > 0) {
      await printWhole(items, renderer, out, options.chunkSize || DEFAULT_CHUNK_SIZE);
    }
    return items.length;
  }
  try {
    return await printPages(source, ref, options);
  } catch (error) {
    if (!(error instanceof OtherColumns)) throw error;
    // Nothing was printed: the first rows told before anything was written.
    return await printPages(source, ref, { ...options, rows: undefined });
  }
}

/** The server's table has other columns than the kind's: its CRD is another version. */
class OtherColumns extends Error {}

/**
 * Print each page as it arrives. Rows are checked, before the first is printed, to be the kind's
 * columns: otherwise printing them would leave the columns the server lacks empty, and the list
 * is read again as objects (OtherColumns).
 */
async function printPages(
  source: KubeSource,
  ref: ResourceRef,
  options: PrintListOptions & { renderer: Renderer; out: TextOut },
): Promise<number> {
  const { renderer, out, keep } = options;
  let checked = options.rows === undefined;
  const stream = listStreamOf(renderer);
  let kept = 0;
  let closed = false;
  await lastValueFrom(
    listPages$(source, ref, {
      ...requestOf(options),
      handle: (page) =>
        defer(async () => {
          if (!checked && page.items.length > 0) {
            if (rowsMisfit(page.items, options)) throw new OtherColumns();
            checked = true;
          }
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

/**
 * Print a complete (sorted) list through the renderer's stream, `size` items at a time, so no
 * string ever holds the whole output: 100 000 VMs as one `-o json` string took 160 MB, and as
 * many again once encoded for stdout. A table is laid out whole, as kubectl lays out a sorted
 * table; its text per row is small.
 */
async function printWhole(
  items: readonly KubeObject[],
  renderer: Renderer,
  out: TextOut,
  size: number,
): Promise<void> {
  if (!isStreamingRenderer(renderer) || renderer.laysOutWholeList) {
    await out.write(renderer.list(items));
    return;
  }
  const stream = renderer.listStream();
  for (let start = 0; start < items.length; start += size) {
    // A closed stdout (`| head`) ends the printing.
    if (!(await out.write(stream.page(items.slice(start, start + size))))) return;
  }
  await out.write(stream.end());
}
