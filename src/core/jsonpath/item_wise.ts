/**
 * Which templates print a list item by item with exactly the bytes of one run over the whole
 * `List` envelope, so a paged list can print each page as it arrives.
 *
 * kubectl runs a list's template once, over `{apiVersion, items, kind, metadata}`. A template
 * splits into item-wise pieces when it is, in order:
 * - text and actions that never read `.items` (`{.kind}`, `{"\n"}`): the same for any items;
 * - at most one item part: `{range .items[*]PATH}BODY{end}` (BODY runs per value, on its own) or
 *   `{.items[*]PATH}` (one result group: values joined across pages with single spaces); a filter
 *   may stand for `[*]` (`{.items[?(@.status.phase=="Running")].metadata.name}`);
 * - more text and actions that never read `.items`.
 *
 * PATH must give, over many items, the concatenation of what it gives per item: fields, `*`, `..`
 * and filters do, each value on its own; a union `['a','b']` gives every `a` first, and an index
 * or slice that selects nothing ends the step for every later value too, so those may appear in
 * BODY (run per value) but not in PATH. With missing keys allowed, fields, `*`, `..` and literals
 * never fail. A part that may fail on some item (a filter, an index in BODY) is `buffered`: its
 * text waits for the last page, so a failure prints nothing, as one run over the whole list does;
 * its items are still read page by page and never kept. With missing keys not allowed, a field is
 * an error only when no value at all has it, which one item cannot tell: such templates need the
 * whole list.
 * @module
 */

import type { JsonPathNode, ListNode } from "./nodes.ts";

/**
 * How the items are selected and what is read under each: `select` (`[*]`, `.*` or a filter) run
 * over a one-item array, then `path`, gives one item's values as the whole run gives them.
 */
interface ItemSelection {
  select: JsonPathNode;
  path: ListNode;
  /** `select` is a filter: not every item is printed. */
  filtered: boolean;
}

/** The item part of a template: a range over the items, or one group of values. */
export type ItemPart =
  /** `{range .items[*]PATH}BODY{end}`: BODY printed per value of PATH, per item. */
  | ItemSelection & { kind: "range"; body: ListNode }
  /** `{.items[*]PATH}`: the values of PATH, per item, in one result group. */
  | ItemSelection & { kind: "values" };

/** A template split into what comes before the items, the item part, and what comes after. */
export interface ItemWisePlan {
  /** Nodes that never read `.items`, printed before the items. */
  before: ListNode;
  /** The only part that reads the items; absent when the template never reads them. */
  items?: ItemPart;
  /** Nodes that never read `.items`, printed after the items. */
  after: ListNode;
  /** The item part may fail on some item: print nothing before the last page. */
  buffered: boolean;
}

/** Steps that never fail and, over many inputs, give the concatenation of each input's results. */
const DISTRIBUTIVE = new Set<JsonPathNode["type"]>([
  "field",
  "wildcard",
  "recursive",
  "int",
  "float",
  "bool",
]);

const isDistributive = (nodes: readonly JsonPathNode[]) =>
  nodes.every((n) => DISTRIBUTIVE.has(n.type));

/** A step or action that cannot fail when run on one value (a union runs each side on it). */
function neverFails(node: JsonPathNode): boolean {
  if (node.type === "text" || DISTRIBUTIVE.has(node.type)) return true;
  if (node.type === "list") return node.nodes.every(neverFails);
  if (node.type === "union") return node.nodes.every(neverFails);
  return false;
}

const hasIdentifier = (list: ListNode) => list.nodes.some((n) => n.type === "identifier");

/** Text, or an action starting at a field other than `items` (or at text): never reads items. */
function isEnvelopeOnly(node: JsonPathNode): boolean {
  if (node.type === "text") return true;
  if (node.type !== "list" || node.nodes.length === 0 || hasIdentifier(node)) return false;
  const first = node.nodes[0];
  return first.type === "text" || (first.type === "field" && first.name !== "items");
}

/** `[*]` or `[:]` (every element) or `.*` after `.items`. */
function isEveryElement(node: JsonPathNode | undefined): boolean {
  if (node?.type === "wildcard") return true;
  if (node?.type !== "array") return false;
  const [start, end, step] = node.params;
  return !start.known && !end.known && (!step.known || step.value === 1);
}

/** An action's selection of the items and PATH under them, and whether it may fail on one. */
function itemsPath(
  nodes: readonly JsonPathNode[],
): ItemSelection & { mayFail: boolean } | undefined {
  if (nodes[0]?.type !== "field" || nodes[0].name !== "items") return undefined;
  const select = nodes[1];
  const filtered = select?.type === "filter";
  if (!filtered && !isEveryElement(select)) return undefined;
  const path = nodes.slice(2);
  if (!path.every((n) => DISTRIBUTIVE.has(n.type) || n.type === "filter")) return undefined;
  return {
    select,
    path: { type: "list", nodes: path },
    filtered,
    mayFail: filtered || !isDistributive(path),
  };
}

/**
 * An action that indexes or filters the range's value itself (`{@[0]}`, `{[?(@.a)]}`): when the
 * range selects no value at all, the whole run still runs BODY once, on nothing, and such an
 * action fails there; item by item, BODY would never run.
 */
function startsWithIndex(node: JsonPathNode): boolean {
  if (node.type !== "list") return false;
  const first = node.nodes[0];
  if (first?.type === "union") return first.nodes.some(startsWithIndex);
  return first?.type === "array" || first?.type === "filter";
}

const isEnd = (node: JsonPathNode) =>
  node.type === "list" && node.nodes.length === 1 && node.nodes[0].type === "identifier" &&
  node.nodes[0].name === "end";

/**
 * Split a template for item-wise printing of a list, or undefined when its output over a list
 * depends on the list as a whole (it then needs every item before printing).
 *
 * @param allowMissingKeys whether a missing field prints nothing (else it fails, per item)
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseJsonPath } from "./parse.ts";
 * equal(itemWisePlan(parseJsonPath('{range .items[*]}{.metadata.name}{"\\n"}{end}'), true)?.items?.kind, "range");
 * equal(itemWisePlan(parseJsonPath("{.items[0].metadata.name}"), true), undefined);
 * ```
 */
export function itemWisePlan(
  template: ListNode,
  allowMissingKeys: boolean,
): ItemWisePlan | undefined {
  if (!allowMissingKeys) return undefined;
  const before: JsonPathNode[] = [];
  const after: JsonPathNode[] = [];
  let items: ItemPart | undefined;
  let buffered = false;
  const nodes = template.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (isEnvelopeOnly(node)) {
      (items ? after : before).push(node);
      continue;
    }
    if (items || node.type !== "list") return undefined;
    if (node.nodes[0]?.type === "identifier" && node.nodes[0].name === "range") {
      const path = itemsPath(node.nodes.slice(1));
      const end = nodes.findIndex((n, j) => j > i && isEnd(n));
      if (!path || end < 0) return undefined;
      const body = nodes.slice(i + 1, end);
      // A range inside BODY would end at the first {end}.
      if (body.some((n) => n.type === "list" && hasIdentifier(n))) return undefined;
      if (body.some(startsWithIndex)) return undefined;
      const { select, filtered } = path;
      items = {
        kind: "range",
        select,
        path: path.path,
        filtered,
        body: { type: "list", nodes: body },
      };
      buffered = path.mayFail || !body.every(neverFails);
      i = end;
      continue;
    }
    const path = itemsPath(node.nodes);
    if (!path) return undefined;
    items = { kind: "values", select: path.select, path: path.path, filtered: path.filtered };
    buffered = path.mayFail;
  }
  return {
    before: { type: "list", nodes: before },
    items,
    after: { type: "list", nodes: after },
    buffered,
  };
}
