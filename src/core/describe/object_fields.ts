/**
 * Any part of an object (its spec, its status) in words: scalars as fields, nested objects as
 * sections, lists of objects as tables. Every kind gets all of its fields this way, so a field
 * added to a CRD shows up without a change here.
 * @module
 */

import { isRecord } from "../types.ts";
import { fieldLabel } from "./field_label.ts";
import type { Cell, DescribeNode, FieldValue } from "./view.ts";

/** Field names whose string value is a point in time (shown with its age). */
const TIME_FIELD = /(Time|Timestamp|^lastUpdated|At|^estimatedCompletion)$/;

/** Multi-line text (cloud-init user data) would break the layout; its size says enough. */
function scalarText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "<none>";
  if (typeof value === "string") {
    const lines = value.split("\n").length;
    return lines > 1 ? `<${lines} lines, see -o yaml>` : value;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function fieldValue(key: string, value: unknown): FieldValue {
  return typeof value === "string" && TIME_FIELD.test(key) ? { time: value } : scalarText(value);
}

/** `{a: {b: 1}, c: 2}` → `[["a.b", 1], ["c", 2]]`: nested values in one table cell. */
function flatten(value: Record<string, unknown>, prefix = ""): [string, unknown][] {
  return Object.entries(value).flatMap(([k, v]) =>
    isRecord(v) && Object.keys(v).length > 0 ? flatten(v, `${prefix}${k}.`) : [[prefix + k, v]]
  );
}

function table(label: string, items: readonly Record<string, unknown>[]): DescribeNode {
  const rows = items.map((item) => new Map(flatten(item)));
  const keys = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  return {
    type: "table",
    label,
    columns: keys.map((k) => k.split(".").map(fieldLabel).join(" ")),
    rows: rows.map((r) =>
      keys.map((k): Cell => {
        const v = r.get(k);
        if (v === undefined) return "";
        return Array.isArray(v) ? v.map(scalarText).join(",") : scalarText(v);
      })
    ),
  };
}

/** Maps whose keys are data (label keys, selectors), not field names: printed `key=value`. */
const FREE_FORM = new Set(["labels", "annotations", "nodeSelector", "tags", "metadata"]);

const isScalar = (v: unknown) => v === null || typeof v !== "object";

/** One field of an object as a describe node. */
export function fieldNode(key: string, value: unknown): DescribeNode {
  const label = fieldLabel(key);
  if (FREE_FORM.has(key) && isRecord(value) && Object.values(value).every(isScalar)) {
    const values = Object.keys(value).sort().map((k) => `${k}=${scalarText(value[k])}`);
    return { type: "lines", label, values };
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isRecord)) return table(label, value);
    return {
      type: "field",
      label,
      value: value.length ? value.map(scalarText).join(", ") : "<none>",
    };
  }
  if (isRecord(value)) {
    const children = objectNodes(value);
    return children.length
      ? { type: "section", label, children }
      : { type: "field", label, value: "<none>" };
  }
  return { type: "field", label, value: fieldValue(key, value) };
}

/**
 * Every field of `value` except `skip`, in the object's own order.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { objectNodes } from "./object_fields.ts";
 * deepEqual(objectNodes({ cpus: 4, running: true }), [
 *   { type: "field", label: "CPUs", value: "4" },
 *   { type: "field", label: "Running", value: "true" },
 * ]);
 * ```
 */
export function objectNodes(value: unknown, skip: readonly string[] = []): DescribeNode[] {
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => fieldNode(k, v));
}
