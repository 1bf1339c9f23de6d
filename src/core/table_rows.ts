/**
 * Whether a list's table can print the server's rows instead of cells computed from objects, and
 * what each row must carry beside its cells.
 *
 * A table prints the kind's printer columns, which the API server evaluates itself when asked for
 * a Table, as `kubectl get` asks: cells alone are about a tenth of the objects' bytes. Rows serve
 * a one-shot list only when nothing else reads the objects: filters on spec or status, `--where`
 * and `--sort-by` need them, a watch keeps and diffs objects, and several clusters are merged from
 * whole lists. A row carries its object's metadata when something reads more of it than the name
 * (NAMESPACE under `-A`, `-L`, `--show-labels`, `--created-after/-before`), nothing otherwise.
 * @module
 */

import type { Filter } from "./filters.ts";
import type { IncludeObject } from "./server_rows.ts";

/** What a list does with its objects, as its checked options say. */
export interface TableReads {
  /** The `-o` format: rows serve `table` and `wide`. */
  output: string;
  watching: boolean;
  /** `--sort-by` was given. */
  sorted: boolean;
  /** The client-side filters (`--status`, `--node`, …). */
  filter: Filter;
  /** `--where` was given. */
  where: boolean;
  /** The list merges several clusters. */
  severalClusters: boolean;
  /** `-A`: the NAMESPACE column. */
  allNamespaces: boolean;
  /** `-L` keys. */
  labelColumns?: readonly string[];
  /** `--show-labels`. */
  showLabels?: boolean;
}

/** Filters that read only `metadata.creationTimestamp`. */
const METADATA_FILTERS: ReadonlySet<string> = new Set(["createdAfterMs", "createdBeforeMs"]);

/**
 * What each server-side row must carry for this list, or undefined when the list needs objects.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const plain = { output: "table", watching: false, sorted: false, filter: {}, where: false, severalClusters: false, allNamespaces: false };
 * equal(rowsToRequest(plain), "None");
 * equal(rowsToRequest({ ...plain, allNamespaces: true }), "Metadata");
 * equal(rowsToRequest({ ...plain, filter: { node: "n1" } }), undefined);
 * equal(rowsToRequest({ ...plain, output: "json" }), undefined);
 * ```
 */
export function rowsToRequest(reads: TableReads): IncludeObject | undefined {
  if (reads.output !== "table" && reads.output !== "wide") return undefined;
  if (reads.watching || reads.sorted || reads.where || reads.severalClusters) return undefined;
  const filters = Object.entries(reads.filter).filter(([, value]) => value !== undefined);
  if (filters.some(([key]) => !METADATA_FILTERS.has(key))) return undefined;
  const readsMetadata = reads.allNamespaces || filters.length > 0 ||
    (reads.labelColumns?.length ?? 0) > 0 || reads.showLabels === true;
  return readsMetadata ? "Metadata" : "None";
}
