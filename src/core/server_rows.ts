/**
 * Server-side table rows: a list asked for as a `meta.k8s.io/v1 Table` comes back as the cells
 * the server printed for each object (a CRD's additionalPrinterColumns, evaluated by the API
 * server), with the object's metadata or nothing beside them. That is a tenth of the bytes of the
 * objects when rows carry nothing, and what `kubectl get` asks for when it prints a table.
 *
 * Each row becomes an item like any other (its metadata, or just its name), carrying the row's
 * cells under a symbol, so the list machinery pages, counts and renders rows as it does objects,
 * and a table prints the served cell of each column it knows by name. The cells live on that very
 * item: a copy (a spread, a rewritten metadata) prints as an object without them, so the items are
 * made without managedFields, and the renderers' managedFields wrapper hands them on unchanged.
 * @module
 */

import { stripManagedFields } from "./managed_fields.ts";
import { isRecord, type KubeObject, type ObjectMeta } from "./types.ts";

/**
 * What each row carries beside its cells (the `includeObject` query parameter): the object's
 * metadata, or nothing.
 */
export type IncludeObject = "Metadata" | "None";

/** The cells a server printed for one object, and the names of its columns (upper case). */
export interface ServedCells {
  /** Column names as kubectl prints them in the header (`Last Schedule` → `LAST SCHEDULE`). */
  readonly columns: readonly string[];
  readonly cells: readonly unknown[];
}

const SERVED: unique symbol = Symbol("hyperctl.servedCells");

type WithServed = KubeObject & { [SERVED]?: ServedCells };

/**
 * The served cells an item carries, when it came from a server-side table.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(servedCellsOf({ metadata: { name: "a" } }), undefined);
 * ```
 */
export function servedCellsOf(obj: KubeObject): ServedCells | undefined {
  return (obj as WithServed)[SERVED];
}

/**
 * The served value of the column printed under `header`: `{ value }` (null for an empty cell),
 * or undefined when the server's table has no such column (its CRD is another version).
 *
 * @example
 * ```ts
 * import { deepEqual, equal } from "node:assert/strict";
 * const served = { columns: ["NAME", "STATUS"], cells: ["web-1", "Running"] };
 * deepEqual(servedCell(served, "STATUS"), { value: "Running" });
 * equal(servedCell(served, "NODE"), undefined);
 * ```
 */
export function servedCell(served: ServedCells, header: string): { value: unknown } | undefined {
  const i = served.columns.indexOf(header);
  return i < 0 ? undefined : { value: served.cells[i] ?? null };
}

/**
 * True when the item is a row of a served table that lacks one of the headers: the cluster's CRD
 * prints other columns than hyperctl's. An item that is an object (no served cells) lacks none.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const [item] = tableItems({ kind: "Table", columnDefinitions: [{ name: "Name" }, { name: "IP" }], rows: [{ cells: ["a", "10.0.0.1"] }] })!;
 * equal(lacksColumns(item, ["NAME", "IP"]), false);
 * equal(lacksColumns(item, ["NAME", "IPS"]), true);
 * equal(lacksColumns({ metadata: { name: "a" } }, ["NAME", "IPS"]), false);
 * ```
 */
export function lacksColumns(item: KubeObject, headers: readonly string[]): boolean {
  const served = servedCellsOf(item);
  return served !== undefined && !headers.every((h) => served.columns.includes(h));
}

/**
 * The items of a `Table` answer: per row, its object's metadata without managedFields (or, when
 * the rows carry no object, the name from the table's `name` column, the first when none says so)
 * with the row's cells attached. Undefined when the body is not a Table (a server that does not
 * print tables answers with the list itself). Every page of a list carries its column
 * definitions unless the client asks for `noHeaders`, which hyperctl never does.
 *
 * @example
 * ```ts
 * import { deepEqual, equal } from "node:assert/strict";
 * const items = tableItems({
 *   kind: "Table",
 *   columnDefinitions: [{ name: "Name", format: "name" }, { name: "Status" }],
 *   rows: [{ cells: ["web-1", "Running"] }],
 * })!;
 * deepEqual(items, [{ metadata: { name: "web-1" } }]);
 * deepEqual(servedCellsOf(items[0])?.cells, ["web-1", "Running"]);
 * equal(tableItems({ kind: "VirtualMachineList", items: [] }), undefined);
 * ```
 */
export function tableItems(body: unknown): KubeObject[] | undefined {
  if (!isRecord(body) || body.kind !== "Table") return undefined;
  const definitions = Array.isArray(body.columnDefinitions) ? body.columnDefinitions : [];
  const columns = definitions.map((d) => isRecord(d) && typeof d.name === "string" ? d.name : "")
    .map((name) => name.toUpperCase());
  const nameAt = Math.max(0, definitions.findIndex((d) => isRecord(d) && d.format === "name"));
  const rows = Array.isArray(body.rows) ? body.rows : [];
  return rows.map((row) => {
    const cells = isRecord(row) && Array.isArray(row.cells) ? row.cells : [];
    const object = isRecord(row) && isRecord(row.object) ? row.object : undefined;
    const item = isRecord(object?.metadata)
      ? stripManagedFields({ metadata: object.metadata as ObjectMeta })
      : { metadata: { name: String(cells[nameAt] ?? "") } };
    // Not enumerable: invisible to JSON, to copies and to comparisons of the item.
    return Object.defineProperty(item, SERVED, { value: { columns, cells } });
  });
}
