/**
 * Whether a list or a watch reads anything of its objects beyond their metadata.
 *
 * When it does not, it can ask the server for each object's metadata only (a
 * `PartialObjectMetadataList` per page, a `PartialObjectMetadata` per watch event): the same
 * names in a fraction of the bytes, and a watch's cache a fraction of the size. Server-side
 * selectors never read the objects here, and `--created-after/--created-before` and a sort on a
 * `metadata.*` field read metadata only; every other client-side filter and every output but
 * `-o name`, custom columns over `.metadata` and jsonpath templates over `.metadata` read more.
 * (A metadata-only item is a `PartialObjectMetadata`: its `kind` and `apiVersion` are not the
 * object's, so a column reading them needs the whole object too.) A watch with `--state-file`
 * fetches whole objects: its checkpoint keeps the objects it knows, and the next run, whatever its
 * output, compares against them.
 * @module
 */

import type { CustomColumn } from "./custom_columns.ts";
import type { Filter } from "./filters.ts";
import { itemWisePlan } from "./jsonpath/item_wise.ts";
import type { FilterTest, JsonPathNode, ListNode } from "./jsonpath/nodes.ts";

/** What a list does with its objects, as its checked options say. */
export interface ListReads {
  /** The `-o` format, e.g. `name`, `json`, `table`. */
  output: string;
  /** `-o custom-columns=…`'s columns, once known (a columns file is read later: undefined). */
  customColumns?: readonly CustomColumn[];
  /** `-o jsonpath=…`'s template, once known (a template file is read later: undefined). */
  jsonPath?: ListNode;
  /** `--allow-missing-template-keys` (its default is true). */
  allowMissingKeys?: boolean;
  /** The client-side filters (`--status`, `--node`, …). */
  filter: Filter;
  /** `--where` was given (its query may read any field). */
  where: boolean;
  /** `--sort-by`'s JSONPath, if any. */
  sortTemplate?: ListNode;
  /** `-w`/`--watch-only`: templates then run on each object, not on a list. */
  watching: boolean;
  /** `--output-watch-events`: a watch's templates see `{type, object}`. */
  watchEvents?: boolean;
  /** `--state-file`: a watch's checkpoint, read by later runs of any output. */
  stateFile?: boolean;
}

/** Filters that read only `metadata.creationTimestamp`. */
const METADATA_FILTERS: ReadonlySet<string> = new Set(["createdAfterMs", "createdBeforeMs"]);

/**
 * True when the list or watch prints only metadata and nothing else reads spec or status.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseJsonPath } from "./jsonpath/mod.ts";
 * const name = { output: "name", filter: {}, where: false, watching: false };
 * equal(readsOnlyMetadata(name), true);
 * equal(readsOnlyMetadata({ ...name, filter: { node: "n1" } }), false);
 * equal(readsOnlyMetadata({ ...name, sortTemplate: parseJsonPath("{.metadata.name}") }), true);
 * equal(readsOnlyMetadata({ ...name, output: "json" }), false);
 * equal(readsOnlyMetadata({ ...name, watching: true }), true);
 * equal(readsOnlyMetadata({ ...name, watching: true, stateFile: true }), false);
 * ```
 */
export function readsOnlyMetadata(reads: ListReads): boolean {
  if (!printsOnlyMetadata(reads)) return false;
  if (reads.where || (reads.watching && reads.stateFile)) return false;
  if (reads.sortTemplate && !templateReadsOnlyMetadata(reads.sortTemplate)) return false;
  return Object.entries(reads.filter).every(([key, value]) =>
    value === undefined || METADATA_FILTERS.has(key)
  );
}

/**
 * Whether the output itself reads nothing of an object but its metadata. A list's jsonpath
 * template runs over the `List`; a watch's over each object, or over `{type, object}` with
 * `--output-watch-events`, which is left to whole objects.
 */
function printsOnlyMetadata(reads: ListReads): boolean {
  if (reads.output === "name") return true;
  if (reads.watching && reads.watchEvents) return false;
  switch (reads.output) {
    case "custom-columns":
      return reads.customColumns !== undefined &&
        reads.customColumns.every((column) => templateReadsOnlyMetadata(column.template));
    case "jsonpath":
    case "jsonpath-as-json":
      if (reads.jsonPath === undefined) return false;
      return reads.watching
        ? templateReadsOnlyMetadata(reads.jsonPath)
        : jsonPathReadsOnlyItemMetadata(reads.jsonPath, reads.allowMissingKeys ?? true);
    default:
      return false;
  }
}

/**
 * True when a list's `-o jsonpath` template reads nothing of the items but their metadata.
 *
 * Only templates that print item by item qualify (see `itemWisePlan`): their text outside the
 * items reads the `List` envelope, which the client builds the same around either kind of item,
 * and their one item part is `{.items[*].metadata…}`, `{range .items[*].metadata…}…{end}`, or
 * `{range .items[*]}BODY{end}` whose BODY reads only `.metadata`; a filter may select the items
 * if it tests only their metadata. Any other template (an index, a filter on other fields, `..`
 * across the items, a missing key that fails) may read more.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseJsonPath } from "./jsonpath/mod.ts";
 * const reads = (t: string) => jsonPathReadsOnlyItemMetadata(parseJsonPath(t), true);
 * equal(reads('{range .items[*]}{.metadata.name}{"\\n"}{end}'), true);
 * equal(reads("{.items[*].spec.cpus}"), false);
 * ```
 */
export function jsonPathReadsOnlyItemMetadata(
  template: ListNode,
  allowMissingKeys: boolean,
): boolean {
  const plan = itemWisePlan(template, allowMissingKeys);
  if (plan === undefined) return false;
  const part = plan.items;
  if (part === undefined) return true;
  if (part.select.type === "filter" && !filterReadsOnlyMetadata(part.select.test)) return false;
  if (startsAtMetadata(part.path.nodes)) return true;
  return part.kind === "range" && part.path.nodes.length === 0 &&
    templateReadsOnlyMetadata(part.body);
}

/**
 * True when a filter's test compares only `@.metadata…` paths and literals
 * (`[?(@.metadata.labels.tier=="web")]`); `@` itself, or any other path, may read more.
 */
function filterReadsOnlyMetadata(test: FilterTest): boolean {
  if ("tests" in test) return test.tests.every(filterReadsOnlyMetadata);
  const side = (list: ListNode) =>
    startsAtMetadata(list.nodes) ||
    (list.nodes.length > 0 && list.nodes.every((step) => LITERALS.has(step.type)));
  return side(test.left) && (test.operator === "exists" || side(test.right));
}

/** Steps that are literals: an action made only of them reads nothing (`{"\n"}`). */
const LITERALS: ReadonlySet<JsonPathNode["type"]> = new Set(["text", "int", "float", "bool"]);

const startsAtMetadata = (nodes: readonly JsonPathNode[]): boolean => {
  const first = nodes[0];
  return first?.type === "field" && first.name === "metadata";
};

/**
 * True when a parsed JSONPath template reads nothing of an object outside `.metadata`: every
 * action is a path that starts with the field `metadata` (what follows it, filters and `..`
 * included, stays inside it); plain text and literal actions (`{"\n"}`) read nothing.
 * `{range}`, `..` or `*` at the start and anything else may read more.
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
    return startsAtMetadata(node.nodes) ||
      (node.nodes.length > 0 && node.nodes.every((step) => LITERALS.has(step.type)));
  });
}
