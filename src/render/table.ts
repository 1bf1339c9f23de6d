/**
 * The human table: kubectl-style aligned columns, header once per renderer instance.
 *
 * Under watch the same instance prints every event as one more row; widths are remembered
 * (kubectl `HumanReadablePrinter` + `RememberWidths`), so rows line up under the header and a
 * wider value only widens its column from then on.
 * @module
 */

import type { KubeObject } from "../core/types.ts";
import { type Cell, TabLayout } from "./_tab_layout.ts";
import type { ColumnSet, RowInput } from "./columns.ts";
import { concatenatingStream, type StreamingRenderer } from "./list_stream.ts";
import type { RenderEvent } from "./renderer.ts";

/** Options for {@link createTableRenderer}. */
export interface TableRendererOptions {
  /** Current time in epoch ms, for AGE columns of listed objects. */
  nowMs: () => number;
  /** Omit the header row (`--no-headers`). @default false */
  noHeaders?: boolean;
  /** Colour the STATUS/PHASE cell. @default false */
  color?: boolean;
}

/**
 * Create a table renderer over a column set (see `objectColumns`, `withWatchColumns`).
 *
 * An empty list prints nothing at all (not even the header): kubectl's "No resources found"
 * goes to stderr and stdout stays empty for scripts.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const set = { headers: ["NAME", "STATUS"], cells: () => [{ text: "web-1" }, { text: "Running" }] };
 * const r = createTableRenderer(set, { nowMs: () => 0 });
 * equal(r.list([{}]), "NAME    STATUS\nweb-1   Running\n");
 * ```
 */
export function createTableRenderer(
  set: ColumnSet,
  options: TableRendererOptions,
): StreamingRenderer {
  const layout = new TabLayout();
  let headerDone = false;

  const block = (rows: readonly RowInput[]): string => {
    if (rows.length === 0) return "";
    const cells: Cell[][] = [];
    if (!headerDone && !options.noHeaders) cells.push(set.headers.map((text) => ({ text })));
    headerDone = true;
    for (const row of rows) cells.push(set.cells(row));
    return layout.format(cells, { color: options.color });
  };

  const list = (items: readonly KubeObject[], contexts?: readonly (string | undefined)[]) => {
    const atMs = options.nowMs();
    return block(items.map((object, i) => ({ object, context: contexts?.[i], atMs })));
  };
  return {
    list,
    // A list in pages prints one block per page as it arrives (kubectl aligns every chunk at the
    // end instead), through the same remembered widths: the first page settles the columns, a
    // wider value on a later page widens its column from there on (earlier rows are already out).
    // One page prints exactly as `list()` does.
    listStream: () => concatenatingStream({ list }),
    laysOutWholeList: true,
    single(obj: KubeObject, context?: string) {
      return block([{ object: obj, context, atMs: options.nowMs() }]);
    },
    event(ev: RenderEvent, atMs: number) {
      return block([{ object: ev.object, context: ev.context, type: ev.type, atMs }]);
    },
    events(evs: readonly RenderEvent[], atMs: number) {
      return block(
        evs.map((ev) => ({ object: ev.object, context: ev.context, type: ev.type, atMs })),
      );
    },
  };
}
