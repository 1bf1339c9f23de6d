/**
 * `-L key1,key2` and `--show-labels`: label columns after the kind's own, as kubectl decorates a
 * server-side table — one column per key (header: the key's last `/` segment in capitals, empty
 * when the label is missing), then LABELS with every `key=value`, sorted, or `<none>`.
 * @module
 */

import { isRecord, type KubeObject } from "../core/types.ts";
import type { ColumnSet } from "./columns.ts";
import { escapeCell } from "./escape.ts";

/** Which label columns to add. */
export interface LabelColumnsOptions {
  /** Label keys, one column each. @default [] */
  labelColumns?: readonly string[];
  /** Add LABELS last. @default false */
  showLabels?: boolean;
}

function labelsOf(obj: KubeObject): Record<string, string> {
  const labels = isRecord(obj.metadata) ? obj.metadata.labels : undefined;
  if (!isRecord(labels)) return {};
  return Object.fromEntries(
    Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/**
 * All labels as kubectl's `labels.FormatLabels` prints them.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(formatLabels({ tier: "web", env: "prod" }), "env=prod,tier=web");
 * equal(formatLabels({}), "<none>");
 * ```
 */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? "<none>" : keys.map((k) => `${k}=${labels[k]}`).join(",");
}

/**
 * Add the label columns to a column set (unchanged when none are asked for).
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const base = { headers: ["NAME"], cells: () => [{ text: "a" }] };
 * const set = withLabelColumns(base, { labelColumns: ["app.kubernetes.io/tier"], showLabels: true });
 * deepEqual(set.headers, ["NAME", "TIER", "LABELS"]);
 * ```
 */
export function withLabelColumns(set: ColumnSet, options: LabelColumnsOptions): ColumnSet {
  const keys = options.labelColumns ?? [];
  if (keys.length === 0 && !options.showLabels) return set;
  return {
    headers: [
      ...set.headers,
      ...keys.map((k) => k.split("/").at(-1)!.toUpperCase()),
      ...(options.showLabels ? ["LABELS"] : []),
    ],
    cells(row) {
      const labels = labelsOf(row.object);
      return [
        ...set.cells(row),
        ...keys.map((k) => ({ text: escapeCell(labels[k] ?? "") })),
        ...(options.showLabels ? [{ text: escapeCell(formatLabels(labels)) }] : []),
      ];
    },
  };
}
