/**
 * `-o jsonpath=TEMPLATE` and `-o jsonpath-as-json=TEMPLATE`, printed as kubectl prints them.
 *
 * A list runs the template once over kubectl's List envelope (`{.items[*]…}`); a single object
 * and every watch event run it over the object itself — under `--output-watch-events` over
 * `{type, object}` — so one template serves `get NAME`, `get -w` and `list -w` alike. The output is
 * exactly the template's text, with no newline added: the template says where lines end.
 * Templates see the whole object, managedFields included, as kubectl's do. A paged list prints
 * page by page when the template allows it (src/core/jsonpath/item_wise.ts), else after the last.
 * @module
 */

import {
  executeJsonPath,
  findJsonPathValues,
  itemWisePlan,
  JsonPathExecutionError,
  type JsonPathTemplate,
} from "../core/jsonpath/mod.ts";
import type { KubeObject } from "../core/types.ts";
import { escapeTerminal } from "./escape.ts";
import { itemWiseListStream } from "./jsonpath_list_stream.ts";
import type { StreamingRenderer } from "./list_stream.ts";
import type { Renderer, RenderEvent } from "./renderer.ts";

/** How the template runs. */
export interface JsonPathRendererOptions {
  /** Missing keys print nothing instead of failing. @default true */
  allowMissingKeys?: boolean;
  /** Each result group as an indented JSON array (`jsonpath-as-json`). @default false */
  asJson?: boolean;
  /** The output is a stream of events: a list prints one rendering per object. @default false */
  watch?: boolean;
  /** Run the template over `{type, object}` for each event. @default false */
  watchEvents?: boolean;
  /** stdout is a terminal: make control characters in the output visible. @default false */
  terminal?: boolean;
  /** The template's text, quoted in execution errors. */
  jsonPathSource?: string;
}

/**
 * kubectl's envelope for a printed list (its `get` builds exactly this before printing).
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(templateList([]), { apiVersion: "v1", items: [], kind: "List", metadata: { resourceVersion: "" } });
 * ```
 */
export function templateList(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}

/**
 * Create the renderer for a parsed template.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseJsonPath } from "../core/jsonpath/mod.ts";
 * const r = createJsonPathRenderer(parseJsonPath("{.items[*].metadata.name}"));
 * equal(r.list([{ metadata: { name: "a" } }, { metadata: { name: "b" } }]), "a b");
 * ```
 */
export function createJsonPathRenderer(
  template: JsonPathTemplate,
  options: JsonPathRendererOptions = {},
): Renderer | StreamingRenderer {
  const finish = (text: string) => options.terminal ? escapeTerminal(text) : text;
  // An execution error names the template, as kubectl's does.
  const named = <T>(evaluate: () => T): T => {
    try {
      return evaluate();
    } catch (e) {
      if (!(e instanceof JsonPathExecutionError) || options.jsonPathSource === undefined) throw e;
      throw new JsonPathExecutionError(
        `cannot execute jsonpath template "${options.jsonPathSource}": ${e.message}`,
      );
    }
  };
  const run = (part: JsonPathTemplate, data: unknown): string =>
    named(() => finish(executeJsonPath(part, data, options)));
  const find = (part: JsonPathTemplate, data: unknown): unknown[][] =>
    named(() => findJsonPathValues(part, data, options));
  const print = (data: unknown) => run(template, data);
  const event = (ev: Pick<RenderEvent, "type" | "object">) =>
    print(options.watchEvents ? { type: ev.type, object: ev.object } : ev.object);
  const renderer: Renderer = {
    list: (items) =>
      options.watch
        ? items.map((object) => event({ type: "ADDED", object })).join("")
        : print(templateList(items)),
    single: (obj) => print(obj),
    event,
  };
  const plan = options.watch ? undefined : itemWisePlan(template, options.allowMissingKeys ?? true);
  if (!plan) return renderer;
  const how = { run, find, finish, asJson: options.asJson ?? false, envelope: templateList([]) };
  return { ...renderer, listStream: () => itemWiseListStream(plan, how) };
}
