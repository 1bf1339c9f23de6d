/**
 * The describe view as kubectl prints its describers: `Label:` and value aligned by Go's
 * tabwriter, two spaces per nesting level, tables with a dashed rule, `<none>` for nothing.
 * Cluster text is escaped, so a crafted label or message cannot drive the terminal.
 * @module
 */

import { formatAge, parseTimestamp } from "../core/age.ts";
import type { Cell, DescribeNode, DescribeView, FieldValue } from "../core/describe/mod.ts";
import { alignTabs } from "./_go_tabwriter.ts";
import { escapeCell } from "./escape.ts";

const INDENT = "  ";

function age(ts: string | undefined, nowMs: number): string {
  if (ts === undefined) return "<none>";
  const t = parseTimestamp(ts);
  return t === undefined ? "<unknown>" : formatAge(nowMs - t);
}

function fieldText(value: FieldValue, nowMs: number): string {
  if (typeof value === "string") return escapeCell(value);
  if (value.time === "") return "<unknown>";
  return `${escapeCell(value.time)} (${age(value.time, nowMs)} ago)`;
}

function cellText(cell: Cell, nowMs: number): string {
  if (typeof cell === "string") return escapeCell(cell);
  if ("span" in cell) {
    if (cell.span.from === undefined) return "<none>";
    const from = parseTimestamp(cell.span.from);
    const to = cell.span.to === undefined ? nowMs : parseTimestamp(cell.span.to);
    return from === undefined || to === undefined ? "<unknown>" : formatAge(to - from);
  }
  const last = age(cell.age, nowMs);
  // kubectl's repeated-event form: `5m (x3 over 10m)`
  return cell.repeat
    ? `${last} (x${cell.repeat.count} over ${age(cell.repeat.first, nowMs)})`
    : last;
}

function nodeLines(node: DescribeNode, indent: string, nowMs: number): string[] {
  switch (node.type) {
    case "field":
      return [`${indent}${node.label}:\t${fieldText(node.value, nowMs)}`];
    case "lines":
      if (node.values.length === 0) return [`${indent}${node.label}:\t<none>`];
      return node.values.map((v, i) =>
        `${i === 0 ? `${indent}${node.label}:` : indent}\t${escapeCell(v)}`
      );
    case "section":
      return [
        `${indent}${node.label}:`,
        ...node.children.flatMap((c) => nodeLines(c, indent + INDENT, nowMs)),
      ];
    case "table": {
      if (node.rows.length === 0) return [`${indent}${node.label}:\t<none>`];
      const inner = indent + INDENT;
      return [
        `${indent}${node.label}:`,
        inner + node.columns.join("\t"),
        // at least four dashes, as kubectl's events rule (`----` under `Age`)
        inner + node.columns.map((c) => "-".repeat(Math.max(4, c.length))).join("\t"),
        ...node.rows.map((row) => inner + row.map((c) => cellText(c, nowMs)).join("\t")),
      ];
    }
  }
}

/** The view as tab-separated lines, before alignment (what kubectl hands its tabwriter). */
export function describeTabLines(view: DescribeView, nowMs: number): string[] {
  return view.flatMap((node) => nodeLines(node, "", nowMs));
}

/**
 * Print one object's describe view; ages are counted to `nowMs`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { renderDescribeText } from "./describe_text.ts";
 * const view = [
 *   { type: "field", label: "Name", value: "web-1" },
 *   { type: "table", label: "Events", columns: ["Type"], rows: [] },
 * ] as const;
 * equal(renderDescribeText(view, 0), "Name:    web-1\nEvents:  <none>\n");
 * ```
 */
export function renderDescribeText(view: DescribeView, nowMs: number): string {
  // Go's tabwriter pads an empty last column too; lines ending in blanks help no reader.
  return alignTabs(describeTabLines(view, nowMs)).replace(/ +$/gm, "");
}
