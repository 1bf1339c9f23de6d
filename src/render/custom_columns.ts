/**
 * `-o custom-columns=…`: kubectl's `CustomColumnsPrinter` — the header once, then one row per
 * object; a cell joins the values its path selects with commas (Go's `%v` of each), and shows
 * `<none>` when the path selects nothing. Columns are aligned as kubectl's tabwriter aligns them,
 * widths remembered across watch events.
 * @module
 */

import type { CustomColumn } from "../core/custom_columns.ts";
import { findJsonPathValues, goSprint } from "../core/jsonpath/mod.ts";
import type { KubeObject } from "../core/types.ts";
import { type Cell, TabLayout } from "./_tab_layout.ts";
import { escapeCell, escapeLikeKubectl } from "./escape.ts";
import type { StreamingRenderer } from "./list_stream.ts";
import type { RenderEvent } from "./renderer.ts";

/** Options of the custom-columns renderer. */
export interface CustomColumnsRendererOptions {
  /** `--no-headers`. @default false */
  noHeaders?: boolean;
  /** Paths see `{type, object}` per watch event (`--output-watch-events`). @default false */
  watchEvents?: boolean;
  /**
   * stdout is a terminal: every control character in a cell is made visible. Otherwise only ESC
   * and CR are, as kubectl does, so a pipe gets kubectl's bytes. @default false
   */
  terminal?: boolean;
}

/**
 * One cell: the selected values, each escaped by `escape`, comma-joined, or `<none>`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseCustomColumns } from "../core/custom_columns.ts";
 * const [ips] = parseCustomColumns("IPS:.status.ips[*]");
 * equal(customColumnCell(ips, { status: { ips: ["10.0.0.1", "10.0.0.2"] } }), "10.0.0.1,10.0.0.2");
 * equal(customColumnCell(ips, {}), "<none>");
 * ```
 */
export function customColumnCell(
  column: CustomColumn,
  data: unknown,
  escape: (text: string) => string = escapeCell,
): string {
  const groups = findJsonPathValues(column.template, data, { allowMissingKeys: true });
  const values = groups.flat().map((v) => escape(goSprint(v)));
  return groups.length === 0 || groups[0].length === 0
    ? ["<none>", ...values].join(",")
    : values.join(",");
}

/**
 * Create the renderer for parsed columns. An empty list still prints the header, as kubectl does.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseCustomColumns } from "../core/custom_columns.ts";
 * const r = createCustomColumnsRenderer(parseCustomColumns("NAME:.metadata.name"));
 * equal(r.list([{ metadata: { name: "web-1" } }]), "NAME\nweb-1\n");
 * ```
 */
export function createCustomColumnsRenderer(
  columns: readonly CustomColumn[],
  options: CustomColumnsRendererOptions = {},
): StreamingRenderer {
  const layout = new TabLayout();
  let headerDone = false;
  const escape = options.terminal ? escapeCell : escapeLikeKubectl;
  // kubectl writes a row as one tab-separated line through its tabwriter, so a tab or newline
  // left in a value (only into a pipe) starts a new cell or line there; ours do the same.
  const rowsOf = (cells: string[]): Cell[][] =>
    options.terminal
      ? [cells.map((text) => ({ text }))]
      : cells.join("\t").split("\n").map((line) => line.split("\t").map((text) => ({ text })));
  const rowOf = (data: unknown): Cell[][] =>
    rowsOf(columns.map((c) => customColumnCell(c, data, escape)));
  const block = (rows: Cell[][]): string => {
    if (!headerDone && !options.noHeaders) rows.unshift(...rowsOf(columns.map((c) => c.header)));
    headerDone = true;
    return rows.length === 0 ? "" : layout.format(rows);
  };
  const subject = (ev: Pick<RenderEvent, "type" | "object">): unknown =>
    options.watchEvents ? { type: ev.type, object: ev.object } : ev.object;
  const listRows = (object: KubeObject) => rowOf(subject({ type: "ADDED", object }));
  return {
    list: (items: readonly KubeObject[]) => block(items.flatMap(listRows)),
    single: (obj) => block(rowOf(obj)),
    event: (ev) => block(rowOf(subject(ev))),
    // kubectl lays out a list's columns over all its rows, so nothing prints before the end; but
    // each page is reduced to its cells as it arrives, and the objects are not kept.
    listStream: () => {
      const rows: Cell[][] = [];
      return {
        page: (items) => {
          for (const object of items) rows.push(...listRows(object));
          return "";
        },
        end: () => block(rows),
      };
    },
  };
}
