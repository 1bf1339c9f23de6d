/**
 * Progress for a pipe or log file (no TTY): one plain line per change,
 * `[2s] Phase: Running, Progress: 60%, Message: Migrating VM...`.
 * @module
 */

import { formatDuration } from "../core/duration.ts";
import { escapeCell } from "./escape.ts";
import { formatPercent, type ProgressRow } from "./progress_model.ts";

/** Options for {@link formatProgressLine}. */
export interface ProgressLineOptions {
  /** Put the row's title after the elapsed time (several operations at once). @default false */
  withTitle?: boolean;
}

/**
 * One progress line (with trailing newline). Absent fields are left out rather than printed
 * as placeholders, so a log shows only what the cluster reported.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const row = { title: "web-1 migrate", phase: "Running", percent: 60, message: "Migrating VM...", elapsedMs: 2000 };
 * equal(formatProgressLine(row), "[2s] Phase: Running, Progress: 60%, Message: Migrating VM...\n");
 * ```
 */
export function formatProgressLine(row: ProgressRow, options: ProgressLineOptions = {}): string {
  const parts: string[] = [];
  if (row.phase !== undefined) parts.push(`Phase: ${escapeCell(row.phase)}`);
  if (row.percent !== undefined) parts.push(`Progress: ${formatPercent(row.percent)}`);
  if (row.message) parts.push(`Message: ${escapeCell(row.message)}`);
  if (parts.length === 0) parts.push("Waiting for status");
  const title = options.withTitle ? ` ${escapeCell(row.title)}:` : "";
  return `[${formatDuration(row.elapsedMs)}]${title} ${parts.join(", ")}\n`;
}

/** Prints a line only for rows whose phase, progress or message changed; none for absent rows. */
export interface ProgressLines {
  /** The lines to write for this update; "" when nothing changed. */
  update(rows: readonly ProgressRow[]): string;
}

/**
 * Create the change-only line printer. The title is shown when more than one operation is
 * followed, so interleaved lines stay attributable.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const p = createProgressLines();
 * equal(p.update([{ title: "a", phase: "Running", elapsedMs: 0 }]), "[0s] Phase: Running\n");
 * equal(p.update([{ title: "a", phase: "Running", elapsedMs: 1000 }]), "");
 * ```
 */
export function createProgressLines(): ProgressLines {
  const seen = new Map<string, string>();
  return {
    update(rows) {
      let out = "";
      for (const row of rows) {
        const state = JSON.stringify([row.phase, row.percent, row.message, row.done, row.absent]);
        if (seen.get(row.title) === state) continue;
        seen.set(row.title, state);
        // "Waiting for status" would describe an object that was not read.
        if (!row.absent) out += formatProgressLine(row, { withTitle: rows.length > 1 });
      }
      return out;
    },
  };
}
