/**
 * `-o json`: kubectl's pretty JSON (4-space indent, `<`, `>` and `&` escaped as Go escapes them)
 * for a list or a single object.
 *
 * A list is always a `List` wrapper so `jq '.items[]'` works for zero, one or many results
 * as kubectl does; an empty result is kubectl's
 * `{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}`.
 * Events print as JSON Lines (see `jsonl.ts`); the factory picks that renderer under watch.
 * @module
 */

import { escapeLikeGo } from "../core/go_json_escape.ts";
import { goMarshalIndent, hasIntegerLikeKey } from "../core/go_json_marshal.ts";
import type { KubeObject } from "../core/types.ts";
import { jsonLine } from "./jsonl.ts";
import type { ListStream, StreamingRenderer } from "./list_stream.ts";
import type { RenderEvent } from "./renderer.ts";

/** kubectl's JSONPrinter uses `json.MarshalIndent(obj, "", "    ")`. */
const INDENT = 4;

/**
 * Wrap items in the `List` kubectl prints for `get -o json|yaml` of a collection or of several
 * names: these keys in this order (kubectl marshals the map sorted), so the bytes match.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(listOf([]), { apiVersion: "v1", items: [], kind: "List", metadata: { resourceVersion: "" } });
 * ```
 */
export function listOf(items: readonly KubeObject[]): {
  apiVersion: "v1";
  items: KubeObject[];
  kind: "List";
  metadata: { resourceVersion: "" };
} {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}

/** Options for {@link createJsonRenderer}. */
export interface JsonRendererOptions {
  /**
   * Keys in Go's map order (UTF-8 bytes), as kubectl prints an object it decoded, whatever
   * order the object holds them in: for manifests built here and never sent. @default false
   */
  goKeyOrder?: boolean;
}

/**
 * Create the `-o json` renderer. Contexts are not part of a manifest, so list and single output
 * stay plain objects; the JSON Lines events carry a `context` field instead.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const out = createJsonRenderer().list([]);
 * deepEqual(JSON.parse(out).items, []);
 * ```
 */
export function createJsonRenderer(options: JsonRendererOptions = {}): StreamingRenderer {
  const text = options.goKeyOrder ? goOrdered : (v: unknown) => {
    const json = JSON.stringify(v, null, INDENT);
    return hasIntegerLikeKey(json) ? goOrdered(v) : escapeLikeGo(json);
  };
  return {
    list: options.goKeyOrder ? (items) => text(listOf(items)) + "\n" : (items) => {
      // The stream's bytes, so a list prints the same whether it came in one page or many.
      const stream = jsonListStream();
      return stream.page(items) + stream.end();
    },
    single: (obj) => text(obj) + "\n",
    event: (ev: RenderEvent) => jsonLine(ev),
    listStream: jsonListStream,
  };
}

/** The `List` envelope as `JSON.stringify(listOf(items), null, 4)` prints it around its items. */
const GO_INDENT = " ".repeat(INDENT);

/** Keys in Go's order whatever JavaScript's: what kubectl prints of a decoded object. */
const goOrdered = (v: unknown): string => goMarshalIndent(v, GO_INDENT);

const LIST_OPEN = '{\n    "apiVersion": "v1",\n    "items": [';
const LIST_TAIL =
  '],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}';
const LIST_END = `\n    ${LIST_TAIL}`;
/** Where each item of the `items` array starts, and the indentation of its lines. */
const ITEM_PREFIX = " ".repeat(2 * INDENT);
const ITEM_START = `\n${ITEM_PREFIX}`;

/** One item of a page as the page's own `JSON.stringify` writes it, or in Go's key order. */
function itemText(item: unknown): string {
  const json = JSON.stringify(item, null, INDENT);
  return ITEM_START +
    (hasIntegerLikeKey(json)
      ? goMarshalIndent(item, GO_INDENT, ITEM_PREFIX)
      : escapeLikeGo(json.replaceAll("\n", ITEM_START)));
}

/**
 * `-o json` of a list, printed page by page: the same bytes as `list()` of all the items, with the
 * envelope opened at the first item and closed by `end()`. Each page is stringified as a whole
 * `List` (one native call) and its items cut out of the envelope, so a page costs what the
 * unpaginated output costs per item.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const s = jsonListStream();
 * const items = [{ a: 1 }, { b: [2] }];
 * equal(s.page(items.slice(0, 1)) + s.page(items.slice(1)) + s.end(), createJsonRenderer().list(items));
 * ```
 */
export function jsonListStream(): ListStream {
  let opened = false;
  return {
    page(items) {
      if (items.length === 0) return "";
      const whole = JSON.stringify(listOf(items), null, INDENT);
      // `whole` is LIST_OPEN, then "\n        " before each item with "," between, then LIST_END.
      const inner = whole.slice(LIST_OPEN.length, whole.length - LIST_END.length);
      // An integer-like key (a label `10`) is where JavaScript's key order is not Go's: the items
      // that have one are written in Go's order, the others as they were.
      const out = (opened ? "," : LIST_OPEN) +
        (hasIntegerLikeKey(inner) ? items.map(itemText).join(",") : escapeLikeGo(inner));
      opened = true;
      return out;
    },
    end: () => opened ? `${LIST_END}\n` : `${LIST_OPEN}${LIST_TAIL}\n`,
  };
}
