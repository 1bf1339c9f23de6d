/**
 * Whether a one-shot list reads anything of its objects beyond their metadata.
 *
 * When it does not, the list can ask the server for each item's metadata only (a
 * `PartialObjectMetadataList`): the same names in a fraction of the bytes. Server-side selectors
 * never read the objects here, and `--created-after/--created-before` and a sort on a
 * `metadata.*` field read metadata only; every other client-side filter, a watch (whose events
 * carry whole objects) and every output but `-o name` and custom columns over `.metadata` read
 * more. (A metadata-only item is a `PartialObjectMetadata`: its `kind` and `apiVersion` are not
 * the object's, so a column reading them needs the whole object too.)
 * @module
 */

import type { CustomColumn } from "./custom_columns.ts";
import type { Filter } from "./filters.ts";
import type { ListNode } from "./jsonpath/nodes.ts";

/** What a list does with its objects, as its checked options say. */
export interface ListReads {
  /** The `-o` format, e.g. `name`, `json`, `table`. */
  output: string;
  /** `-o custom-columns=…`'s columns, once known (a columns file is read later: undefined). */
  customColumns?: readonly CustomColumn[];
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
  const columnsOfMetadata = reads.output === "custom-columns" &&
    reads.customColumns !== undefined &&
    reads.customColumns.every((column) => templateReadsOnlyMetadata(column.template));
  if (reads.output !== "name" && !columnsOfMetadata) return false;
  if (reads.watching || reads.where) return false;
  if (reads.sortPath !== undefined && reads.sortPath[0] !== "metadata") return false;
  return Object.entries(reads.filter).every(([key, value]) =>
    value === undefined || METADATA_FILTERS.has(key)
  );
}

/**
 * True when a parsed JSONPath template reads nothing of an object outside `.metadata`: every
 * action is a path that starts with the field `metadata` (what follows it, filters and `..`
 * included, stays inside it); plain text reads nothing. `{range}`, `..` or `*` at the start
 * and anything else may read more.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseJsonPath } from "./jsonpath/mod.ts";
 * equal(templateReadsOnlyMetadata(parseJsonPath("{.metadata.labels.app}")), true);
 * equal(templateReadsOnlyMetadata(parseJsonPath("{.kind}")), false);
 * ```
 */
export function templateReadsOnlyMetadata(template: ListNode): boolean {
  return template.nodes.every((node) => {
    if (node.type === "text") return true;
    if (node.type !== "list") return false;
    const first = node.nodes[0];
    return first?.type === "field" && first.name === "metadata";
  });
}
