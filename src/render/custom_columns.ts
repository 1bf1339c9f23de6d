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
import { escapeCell } from "./escape.ts";
import type { Renderer, RenderEvent } from "./renderer.ts";

/** Options of the custom-columns renderer. */
export interface CustomColumnsRendererOptions {
  /** `--no-headers`. @default false */
  noHeaders?: boolean;
  /** Paths see `{type, object}` per watch event (`--output-watch-events`). @default false */
  watchEvents?: boolean;
}

/**
 * One cell: the selected values, comma-joined, or `<none>`.
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
export function customColumnCell(column: CustomColumn, data: unknown): string {
  const groups = findJsonPathValues(column.template, data, { allowMissingKeys: true });
  const values = groups.flat().map((v) => escapeCell(goSprint(v)));
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
): Renderer {
  const layout = new TabLayout();
  let headerDone = false;
  const block = (rows: readonly unknown[]): string => {
    const cells: Cell[][] = [];
    if (!headerDone && !options.noHeaders) cells.push(columns.map((c) => ({ text: c.header })));
    headerDone = true;
    for (const data of rows) cells.push(columns.map((c) => ({ text: customColumnCell(c, data) })));
    return cells.length === 0 ? "" : layout.format(cells);
  };
  const subject = (ev: Pick<RenderEvent, "type" | "object">): unknown =>
    options.watchEvents ? { type: ev.type, object: ev.object } : ev.object;
  return {
    list: (items: readonly KubeObject[]) =>
      block(items.map((object) => subject({ type: "ADDED", object }))),
    single: (obj) => block([obj]),
    event: (ev) => block([subject(ev)]),
  };
}
