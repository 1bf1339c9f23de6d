/**
 * Printing a list page by page, as the pages arrive, so memory stays bounded by the page size.
 *
 * An optional extension of the {@link Renderer} contract: a format that can print a list in
 * pieces offers `listStream()`; {@link listStreamOf} gives every other renderer the same shape by
 * buffering, so a format that knows nothing of pages still prints correctly (only not early).
 * The concatenated output of one stream equals `list()` of all its items, byte for byte, except
 * for a renderer that `laysOutWholeList` (a table: its stream settles column widths page by page).
 * @module
 */

import type { KubeObject } from "../core/types.ts";
import type { Renderer } from "./renderer.ts";

/** One list printed in pieces: call `page` per page in order, then `end` once. */
export interface ListStream {
  /**
   * Text for the next items (possibly "", e.g. nothing to print yet).
   * @param contexts optional cluster name per item (same index)
   */
  page(items: readonly KubeObject[], contexts?: readonly (string | undefined)[]): string;
  /** Text that closes the list (a JSON `List`'s closing brackets, or "" for line formats). */
  end(): string;
}

/** A renderer that can print a list page by page. */
export interface StreamingRenderer extends Renderer {
  /** A fresh stream for one list; state such as column widths is shared with the renderer. */
  listStream(): ListStream;
  /**
   * True when `list()` lays out all its items together (a table's column widths): a stream lays
   * out each page as it comes, so its output differs from `list()` once the items span pages.
   * @default false
   */
  readonly laysOutWholeList?: boolean;
}

/**
 * Whether the renderer prints pages as they come.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const plain = { list: () => "", single: () => "", event: () => "" };
 * equal(isStreamingRenderer(plain), false);
 * ```
 */
export function isStreamingRenderer(renderer: Renderer): renderer is StreamingRenderer {
  return typeof (renderer as Partial<StreamingRenderer>).listStream === "function";
}

/**
 * The page-wise view of any renderer: its own stream, or one that keeps every page and prints
 * them all with `list()` at the end (for formats that need the whole list, or know no pages).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const count = { list: (items: readonly unknown[]) => `${items.length}\n`, single: () => "", event: () => "" };
 * const s = listStreamOf(count);
 * equal(s.page([{}, {}]) + s.page([{}]) + s.end(), "3\n");
 * ```
 */
export function listStreamOf(renderer: Renderer): ListStream {
  if (isStreamingRenderer(renderer)) return renderer.listStream();
  const items: KubeObject[] = [];
  const contexts: (string | undefined)[] = [];
  let anyContext = false;
  return {
    page(page, pageContexts) {
      for (let i = 0; i < page.length; i++) {
        items.push(page[i]);
        contexts.push(pageContexts?.[i]);
      }
      anyContext ||= pageContexts !== undefined;
      return "";
    },
    end: () => renderer.list(items, anyContext ? contexts : undefined),
  };
}

/**
 * The stream of a format whose list output is the concatenation of its per-item output (table
 * rows, names, YAML documents): every page prints with `list()` at once.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const names = { list: (items: readonly { n?: string }[]) => items.map((i) => `${i.n}\n`).join("") };
 * const s = concatenatingStream(names);
 * equal(s.page([{ n: "a" }]) + s.page([{ n: "b" }]) + s.end(), "a\nb\n");
 * ```
 */
export function concatenatingStream(renderer: Pick<Renderer, "list">): ListStream {
  return { page: (items, contexts) => renderer.list(items, contexts), end: () => "" };
}
