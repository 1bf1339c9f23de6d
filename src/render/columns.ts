/**
 * The cells of a table row: NAME (plus NAMESPACE/CONTEXT) and the kind's printer columns, computed
 * from the object, or, for a row of a server-side table, the cell the server printed under the
 * column's name (the same text; see core/server_rows.ts).
 *
 * A `ColumnSet` is what the table renderer prints; wrappers such as {@link withWatchColumns} add
 * columns around it, the way kubectl's printers decorate a delegate.
 * @module
 */

import { formatAge, parseTimestamp } from "../core/age.ts";
import type { Column, KindInfo } from "../core/kinds.ts";
import { servedCell, servedCellsOf } from "../core/server_rows.ts";
import { type KubeObject, nameOf, namespaceOf } from "../core/types.ts";
import { goJson, goSprint, isContainer } from "../core/jsonpath/go_values.ts";
import type { Cell } from "./_tab_layout.ts";
import { phaseColor } from "./color.ts";
import { escapeCell } from "./escape.ts";
import { resourceName } from "./name.ts";
import type { ViewEventType } from "../core/view_cache.ts";

/** Everything a row may show: the object, its cluster, its event type and when it was seen. */
export interface RowInput {
  object: KubeObject;
  context?: string;
  type?: ViewEventType;
  /** Epoch ms the row describes; AGE columns count from here. */
  atMs: number;
}

/** Headers plus a function from a row to its cells (same length as headers). */
export interface ColumnSet {
  headers: readonly string[];
  cells(row: RowInput): Cell[];
}

/** Which columns {@link objectColumns} includes. */
export interface ObjectColumnsOptions {
  /** Add the priority-1 columns (`-o wide`). @default false */
  wide?: boolean;
  /** Add NAMESPACE before NAME (`-A`). @default false */
  showNamespace?: boolean;
  /** Add CONTEXT first (several clusters merged). @default false */
  showContext?: boolean;
  /** `--show-kind`: NAME as `virtualmachine.hypersdk.io/web-1`, as kubectl prints it. @default false */
  showKind?: boolean;
}

/**
 * Format one printer-column value as `kubectl get` prints a CRD's server-side table: a missing
 * value (or one of another type than the column's) is an empty cell, `integer` truncates,
 * `number` prints as Go prints a decoded JSON number (`12.5`, `100`, `1.5e+06`), `date` as an
 * AGE (`<invalid>` when unparseable), `string` whatever the path holds, as JSONPath prints it
 * (a map or list as compact JSON).
 * The result is not yet escaped.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const col = { header: "PROGRESS", type: "integer", priority: 0, value: (o: any) => o.p } as const;
 * equal(formatColumnValue(col, { p: 99.6 }, 0), "99");
 * equal(formatColumnValue(col, {}, 0), "");
 * ```
 */
export function formatColumnValue(column: Column, obj: KubeObject, nowMs: number): string {
  const raw = column.value(obj);
  if (raw === undefined || raw === null) return "";
  switch (column.type) {
    case "date": {
      if (typeof raw !== "string") return "";
      const t = timestampMs(raw);
      return t === undefined ? "<invalid>" : formatAge(nowMs - t);
    }
    case "integer":
      return typeof raw === "number" && Number.isFinite(raw) ? String(Math.trunc(raw)) : "";
    case "number":
      return typeof raw === "number" ? goSprint(raw) : "";
    case "boolean":
      return typeof raw === "boolean" ? String(raw) : "";
    default:
      // JSONPath's printing: a map or a list as compact JSON, anything else as Go's fmt.
      return typeof raw === "string" ? raw : isContainer(raw) ? goJson(raw) : goSprint(raw);
  }
}

/**
 * Format a cell the API server printed, as `kubectl get` prints a server-side table's cells: the
 * server already applied the column's type (a `date` is an age, a `string` holds what JSONPath
 * prints), and kubectl reads a whole JSON number as an integer, any other as Go's float64.
 * The result is not yet escaped.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(formatServedValue(null), "");
 * equal(formatServedValue(4), "4");
 * equal(formatServedValue(12.5), "12.5");
 * equal(formatServedValue(true), "true");
 * ```
 */
export function formatServedValue(value: unknown): string {
  return value === null || value === undefined ? "" : goSprint(value);
}

/** Parsed timestamps by their text, cleared when full: a bound on memory, not on correctness. */
const parsedTimestamps = new Map<string, number | undefined>();
const PARSED_TIMESTAMPS_MAX = 4096;

/**
 * {@link parseTimestamp}, remembered: the rows of a list share few distinct timestamps (objects
 * created in the same second), and validating and parsing one was a fifth of a table row's cost.
 */
function timestampMs(raw: unknown): number | undefined {
  if (typeof raw !== "string") return undefined;
  if (parsedTimestamps.has(raw)) return parsedTimestamps.get(raw);
  if (parsedTimestamps.size >= PARSED_TIMESTAMPS_MAX) parsedTimestamps.clear();
  const ms = parseTimestamp(raw);
  parsedTimestamps.set(raw, ms);
  return ms;
}

/** True for the column whose cell gets the phase colour. */
function isPhaseColumn(column: Column): boolean {
  return column.header === "STATUS" || column.header === "PHASE";
}

/**
 * The columns for one kind: [CONTEXT] [NAMESPACE] NAME, then the printer columns in declaration
 * order (priority 0, plus priority 1 when wide), as kubectl orders server-side columns.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { kindByNoun } from "../core/kinds.ts";
 * const set = objectColumns(kindByNoun("op"), { showNamespace: true });
 * deepEqual(set.headers, ["NAMESPACE", "NAME", "VM", "OPERATION", "STATUS", "PROGRESS", "AGE"]);
 * ```
 */
export function objectColumns(kind: KindInfo, options: ObjectColumnsOptions = {}): ColumnSet {
  const columns = kind.columns.filter((c) => c.priority === 0 || options.wide);
  const headers = [
    ...(options.showContext ? ["CONTEXT"] : []),
    ...(options.showNamespace ? ["NAMESPACE"] : []),
    "NAME",
    ...columns.map((c) => c.header),
  ];
  return {
    headers,
    cells(row) {
      const cells: Cell[] = [];
      if (options.showContext) cells.push({ text: escapeCell(row.context ?? "") });
      if (options.showNamespace) cells.push({ text: escapeCell(namespaceOf(row.object)) });
      // resourceName escapes the name too.
      cells.push({
        text: options.showKind ? resourceName(kind, row.object) : escapeCell(nameOf(row.object)),
      });
      const served = servedCellsOf(row.object);
      for (const column of columns) {
        const cell = served && servedCell(served, column.header);
        const text = escapeCell(
          cell ? formatServedValue(cell.value) : formatColumnValue(column, row.object, row.atMs),
        );
        const color = isPhaseColumn(column) ? phaseColor(text) : undefined;
        cells.push(color ? { text, color } : { text });
      }
      return cells;
    },
  };
}
