/**
 * How a related object prints as one row of a describe table, per kind: a VM's operations as
 * an operation history (type, phase, progress, started, duration, message), its snapshots,
 * backups, restores and schedules with what matters about each.
 * @module
 */

import { parseTimestamp } from "../age.ts";
import type { Noun } from "../kinds.ts";
import { getBoolean, getNumber, getPath, getString, type KubeObject, nameOf } from "../types.ts";
import type { Cell } from "./view.ts";

/** Columns and cells of one kind's rows. */
interface RowFormat {
  columns: readonly string[];
  cells: (o: KubeObject) => Cell[];
}

const text = (v: unknown): string =>
  v === undefined || v === null || v === "" ? "<none>" : String(v);
const str = (o: KubeObject, ...path: string[]) => text(getString(o, path));
const created = (o: KubeObject): Cell => ({ age: getString(o, ["metadata", "creationTimestamp"]) });
const percent = (n: number | undefined) =>
  n === undefined ? "<none>" : `${Math.round(n * 10) / 10}%`;
const bool = (o: KubeObject, ...path: string[]) => text(getBoolean(o, path));

const FORMATS: Record<Noun, RowFormat> = {
  op: {
    columns: ["Name", "Type", "Phase", "Progress", "Started", "Duration", "Message"],
    cells: (o) => {
      const started = startOf(o);
      return [
        nameOf(o),
        str(o, "spec", "operation"),
        str(o, "status", "phase"),
        percent(getNumber(o, ["status", "progress"])),
        { age: started },
        { span: { from: started, to: getString(o, ["status", "completionTime"]) } },
        str(o, "status", "message"),
      ];
    },
  },
  vm: {
    columns: ["Name", "Phase", "Node", "CPUs", "Memory", "Age"],
    cells: (o) => [
      nameOf(o),
      str(o, "status", "phase"),
      str(o, "status", "nodeName"),
      text(getNumber(o, ["spec", "cpus"])),
      text(getPath(o, ["spec", "memory"])),
      created(o),
    ],
  },
  snapshot: {
    columns: ["Name", "Phase", "Size", "Memory", "Ready", "Age"],
    cells: (o) => [
      nameOf(o),
      str(o, "status", "phase"),
      str(o, "status", "size"),
      bool(o, "spec", "includeMemory"),
      bool(o, "status", "readyToRestore"),
      created(o),
    ],
  },
  backup: {
    columns: ["Name", "Phase", "Progress", "Destination", "Age"],
    cells: (o) => [
      nameOf(o),
      str(o, "status", "phase"),
      percent(getNumber(o, ["status", "progress", "percentage"])),
      str(o, "spec", "destination", "type"),
      created(o),
    ],
  },
  restore: {
    columns: ["Name", "Phase", "Progress", "Source", "Age"],
    cells: (o) => [
      nameOf(o),
      str(o, "status", "phase"),
      percent(getNumber(o, ["status", "progress", "percentage"])),
      str(o, "spec", "source", "type"),
      created(o),
    ],
  },
  schedule: {
    columns: ["Name", "Schedule", "Suspend", "Last Schedule", "Age"],
    cells: (o) => [
      nameOf(o),
      str(o, "spec", "schedule"),
      bool(o, "spec", "suspend"),
      { age: getString(o, ["status", "lastScheduleTime"]) },
      created(o),
    ],
  },
  template: {
    columns: ["Name", "Display Name", "Ready", "Age"],
    cells: (o) => [
      nameOf(o),
      str(o, "spec", "displayName"),
      bool(o, "status", "ready"),
      created(o),
    ],
  },
};

/** When an operation started: `status.startTime`, else its creation. */
function startOf(o: KubeObject): string | undefined {
  return getString(o, ["status", "startTime"]) ?? getString(o, ["metadata", "creationTimestamp"]);
}

/** Newest first: operations by start, everything else by creation; ties by name. */
function newestFirst(noun: Noun): (a: KubeObject, b: KubeObject) => number {
  const time = (o: KubeObject) =>
    parseTimestamp(noun === "op" ? startOf(o) : getString(o, ["metadata", "creationTimestamp"])) ??
      0;
  return (a, b) => time(b) - time(a) || nameOf(a).localeCompare(nameOf(b));
}

/**
 * The table of related objects of kind `noun`, newest first.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { relatedTable } from "./related_rows.ts";
 * const vm = { metadata: { name: "web-1" }, spec: { cpus: 2, memory: "4Gi" } };
 * deepEqual(relatedTable("vm", [vm]).rows, [
 *   ["web-1", "<none>", "<none>", "2", "4Gi", { age: undefined }],
 * ]);
 * ```
 */
export function relatedTable(
  noun: Noun,
  objects: readonly KubeObject[],
): { columns: readonly string[]; rows: Cell[][] } {
  const format = FORMATS[noun];
  return {
    columns: format.columns,
    rows: [...objects].sort(newestFirst(noun)).map(format.cells),
  };
}
