/**
 * Progress on a terminal (stderr is a TTY): one row per operation, redrawn in place, final
 * frame kept on screen.
 *
 * The frame text and the cursor movement are separate so the text can be tested as plain
 * strings; {@link createProgressBar} only adds the redraw prefix.
 * @module
 */

import { formatDuration } from "../core/duration.ts";
import { type Cell, TabLayout } from "./_tab_layout.ts";
import { phaseColor } from "./color.ts";
import { escapeCell } from "./escape.ts";
import { formatPercent, type ProgressRow } from "./progress_model.ts";

/** How a frame is drawn. */
export interface ProgressBarOptions {
  /** Terminal width in columns; lines are cut to width − 1 so the terminal never wraps them. */
  width: number;
  /** Colour the phase. @default false */
  color?: boolean;
}

const FULL = "█";
const EMPTY = "░";

function bar(row: ProgressRow, cells: number): string {
  const percent = row.done === "succeeded" ? 100 : row.percent;
  const filled = percent === undefined
    ? 0
    : Math.round((Math.min(100, Math.max(0, percent)) / 100) * cells);
  return "[" + FULL.repeat(filled) + EMPTY.repeat(cells - filled) + "]";
}

function rowCells(row: ProgressRow, barCells: number): Cell[] {
  const percent = row.done === "succeeded" && row.percent === undefined ? 100 : row.percent;
  // An absent row claims no phase: "Pending" would describe an object that was not read.
  const phase = row.absent ? "-" : escapeCell(row.phase ?? "Pending");
  const color = phaseColor(phase);
  return [
    { text: escapeCell(row.title) },
    { text: bar(row, barCells) },
    { text: (percent === undefined ? "-" : formatPercent(percent)).padStart(6) },
    color ? { text: phase, color } : { text: phase },
    { text: formatDuration(row.elapsedMs) },
    { text: escapeCell(row.message ?? "") },
  ];
}

function drawFrame(rows: readonly ProgressRow[], layout: TabLayout, options: ProgressBarOptions) {
  // A narrow terminal gets a shorter bar before it starts losing the message.
  const barCells = options.width >= 80 ? 20 : 10;
  return layout.format(rows.map((r) => rowCells(r, barCells)), {
    color: options.color,
    maxWidth: Math.max(1, options.width - 1),
    trimTrailingBlanks: true,
  });
}

/**
 * The text of one frame: a line per operation (title, bar, percent, phase, elapsed, message).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const frame = progressFrame([{ title: "web-1 migrate", phase: "Running", percent: 50, elapsedMs: 2000 }], { width: 60 });
 * equal(frame, "web-1 migrate   [█████░░░░░]      50%   Running   2s\n");
 * ```
 */
export function progressFrame(rows: readonly ProgressRow[], options: ProgressBarOptions): string {
  return drawFrame(rows, new TabLayout(), options);
}

/**
 * ANSI sequence that moves the cursor back over the previous frame and clears it, so the next
 * frame overwrites it in place.
 *
 * @param previousLines how many lines the previous frame printed (0 for the first frame)
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(redrawPrefix(2), "\x1b[2A\r\x1b[J");
 * equal(redrawPrefix(0), "");
 * ```
 */
export function redrawPrefix(previousLines: number): string {
  return previousLines > 0 ? `\x1b[${previousLines}A\r\x1b[J` : "";
}

/** A redrawing progress display; each call returns the exact bytes to write to stderr. */
export interface ProgressBar {
  /** Replace the previous frame with one for these rows. */
  update(rows: readonly ProgressRow[]): string;
}

/**
 * Create a progress display. Column widths are remembered between frames so rows do not
 * jitter as elapsed times grow; the last frame simply stays on screen.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const bar = createProgressBar({ width: 80 });
 * bar.update([{ title: "a", elapsedMs: 0 }]);
 * equal(bar.update([{ title: "a", elapsedMs: 1000 }]).startsWith("\x1b[1A\r\x1b[J"), true);
 * ```
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const layout = new TabLayout();
  let lines = 0;
  return {
    update(rows) {
      const prefix = redrawPrefix(lines);
      lines = rows.length;
      return prefix + drawFrame(rows, layout, options);
    },
  };
}
