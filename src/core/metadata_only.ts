/**
 * Whether a one-shot list reads anything of its objects beyond their metadata.
 *
 * When it does not, the list can ask the server for each item's metadata only (a
 * `PartialObjectMetadataList`): the same names in a fraction of the bytes. Server-side selectors
 * never read the objects here, and `--created-after/--created-before` and a sort on a
 * `metadata.*` field read metadata only; every other client-side filter, a watch (whose events
 * carry whole objects) and every output but `-o name` read more.
 * @module
 */

import type { Filter } from "./filters.ts";

/** What a list does with its objects, as its checked options say. */
export interface ListReads {
  /** The `-o` format, e.g. `name`, `json`, `table`. */
  output: string;
  /** The client-side filters (`--status`, `--node`, …). */
  filter: Filter;
  /** `--where` was given (its query may read any field). */
  where: boolean;
  /** `--sort-by`'s field path, if any. */
  sortPath?: readonly string[];
  /** `-w`/`--watch-only` (`--live` needs one of them). */
  watching: boolean;
}

/** Filters that read only `metadata.creationTimestamp`. */
const METADATA_FILTERS: ReadonlySet<string> = new Set(["createdAfterMs", "createdBeforeMs"]);

/**
 * True when the list prints names only and nothing else reads spec or status.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const name = { output: "name", filter: {}, where: false, watching: false };
 * equal(readsOnlyMetadata(name), true);
 * equal(readsOnlyMetadata({ ...name, filter: { node: "n1" } }), false);
 * equal(readsOnlyMetadata({ ...name, sortPath: ["metadata", "name"] }), true);
 * equal(readsOnlyMetadata({ ...name, output: "json" }), false);
 * ```
 */
export function readsOnlyMetadata(reads: ListReads): boolean {
  if (reads.output !== "name" || reads.watching || reads.where) return false;
  if (reads.sortPath !== undefined && reads.sortPath[0] !== "metadata") return false;
  return Object.entries(reads.filter).every(([key, value]) =>
    value === undefined || METADATA_FILTERS.has(key)
  );
}
