/**
 * Go's `text/tabwriter` as kubectl's describe output uses it (minwidth 0, padding 2, spaces).
 *
 * Written here because its column blocks — a column is aligned only across consecutive lines
 * that have it, so `Name:` and a later `Events:` line align separately — are what no npm table
 * library reproduces; kubectl's output depends on exactly that.
 * @module
 */

import { textWidth } from "./_tab_layout.ts";

const PADDING = 2;

/**
 * Align tab-separated `lines` (no trailing newlines) as Go's tabwriter would.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { alignTabs } from "./_go_tabwriter.ts";
 * equal(alignTabs(["Name:\tweb-1", "Namespace:\tdev", "Spec:", "  CPUs:\t2"]),
 *   "Name:       web-1\nNamespace:  dev\nSpec:\n  CPUs:  2\n");
 * ```
 */
export function alignTabs(lines: readonly string[]): string {
  const cells = lines.map((l) => l.split("\t"));
  const widths: number[] = [];
  let out = "";

  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = cells[i];
      let text = "";
      for (let j = 0; j < line.length; j++) {
        text += line[j];
        if (j < widths.length && j < line.length - 1) {
          text += " ".repeat(widths[j] - textWidth(line[j]));
        }
      }
      out += text + "\n";
    }
  };

  // Go's recursive `format`: a column's block is the run of lines that have a cell in it.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= cells[row].length - 1) continue;
      write(line0, row);
      line0 = row;
      let width = 0;
      for (; row < line1 && column < cells[row].length - 1; row++) {
        width = Math.max(width, textWidth(cells[row][column]) + PADDING);
      }
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
      row--; // the loop's increment looks at the line that ended the block next
    }
    write(line0, line1);
  };

  format(0, cells.length);
  return out;
}
