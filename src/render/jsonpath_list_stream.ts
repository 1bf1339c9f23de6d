/**
 * `-o jsonpath` over a paged list, page by page, for the templates {@link itemWisePlan} splits:
 * the text before the items comes with the first page, each page's items as they arrive, and the
 * text after them at the end. The pieces concatenate to the bytes of one run over the whole list.
 * A `buffered` plan's text is held until the end (its items are not), so an item that fails the
 * template prints nothing, as one run does.
 * @module
 */

import {
  goJson,
  type ItemPart,
  type ItemWisePlan,
  type JsonPathTemplate,
  printGroup,
} from "../core/jsonpath/mod.ts";
import type { KubeObject } from "../core/types.ts";
import type { ListStream } from "./list_stream.ts";

/** How the renderer runs a template and finishes its text. */
export interface JsonPathRun {
  /** Run a template over data as the renderer prints it (errors worded, text escaped). */
  run(template: JsonPathTemplate, data: unknown): string;
  /** The result groups of a template over data (errors worded as `run`'s). */
  find(template: JsonPathTemplate, data: unknown): unknown[][];
  /** Make computed text fit for the output (escaped for a terminal). */
  finish(text: string): string;
  /** `jsonpath-as-json`: a result group is one indented JSON array. */
  asJson: boolean;
  /** The list envelope with no items: what the text before and after the items is run over. */
  envelope: unknown;
}

/**
 * The item part's selection and PATH as a template of one action: run over a one-item array, it
 * gives the values PATH selects under that item (failing only where the plan is `buffered`).
 */
const selectionOf = (part: ItemPart): JsonPathTemplate => ({
  type: "list",
  nodes: [{ type: "list", nodes: [part.select, ...part.path.nodes] }],
});

/**
 * The elements of a JSON array as `goJson(values, "    ")` prints them, without its brackets, so
 * the elements of many pages join into one array.
 */
const arrayElements = (values: readonly unknown[]): string => goJson(values, "    ").slice(2, -2);

/**
 * A list stream printing a split template page by page.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { executeJsonPath, findJsonPathValues, itemWisePlan, parseJsonPath } from "../core/jsonpath/mod.ts";
 * const plan = itemWisePlan(parseJsonPath("{.items[*].n}"), true)!;
 * const finish = (t: string) => t;
 * const run = { run: executeJsonPath, find: findJsonPathValues, finish, asJson: false, envelope: {} };
 * const s = itemWiseListStream(plan, run);
 * equal(s.page([{ n: "a" }]) + s.page([]) + s.page([{ n: "b" }]) + s.end(), "a b");
 * ```
 */
export function itemWiseListStream(plan: ItemWisePlan, how: JsonPathRun): ListStream {
  const stream = printingStream(plan, how);
  if (!plan.buffered) return stream;
  let held: string[] = [];
  return {
    page: (items) => {
      held.push(stream.page(items));
      return "";
    },
    end: () => {
      const text = held.join("") + stream.end();
      held = [];
      return text;
    },
  };
}

/** The stream that prints each page's text as the page arrives. */
function printingStream(plan: ItemWisePlan, how: JsonPathRun): ListStream {
  let after: string | undefined;
  let anyValue = false;
  // The text around the items is run at the first call, before any item is printed, so a
  // template failing there prints nothing, as the whole run does.
  const start = (): string => {
    if (after !== undefined) return "";
    const before = how.run(plan.before, how.envelope);
    after = how.run(plan.after, how.envelope);
    return before;
  };
  const valuesText = (values: readonly unknown[]): string => {
    if (values.length === 0) return "";
    const open = how.asJson ? (anyValue ? ",\n" : "[\n") : (anyValue ? " " : "");
    anyValue = true;
    return how.finish(open + (how.asJson ? arrayElements(values) : printGroup(values, false)));
  };
  const part = plan.items;
  const selection = part && selectionOf(part);
  const valuesOf = (item: KubeObject): unknown[] =>
    selection ? how.find(selection, [item])[0] ?? [] : [];
  const itemsText = (items: readonly KubeObject[]): string => {
    if (!part) return "";
    if (part.kind === "values") return valuesText(items.flatMap(valuesOf));
    let text = "";
    for (const item of items) {
      for (const value of valuesOf(item)) text += how.run(part.body, value);
    }
    return text;
  };
  const close = (): string => {
    if (plan.items?.kind !== "values" || !how.asJson) return "";
    return how.finish(anyValue ? "\n]\n" : "[]\n");
  };
  return {
    page: (items) => start() + itemsText(items),
    end: () => start() + close() + after,
  };
}
