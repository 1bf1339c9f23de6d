/**
 * What the progress renderers show about one long-running operation.
 *
 * The waiting command derives these rows from the objects it watches; the renderers only draw.
 * @module
 */

/** One operation's progress at one moment. */
export interface ProgressRow {
  /** Short label, e.g. `web-1 migrate`; also the row's identity between frames. */
  title: string;
  /** `status.phase`, if known yet. */
  phase?: string;
  /** `status.progress`, 0–100, if the operation reports one. */
  percent?: number;
  /** `status.message` (cluster-supplied, escaped before printing). */
  message?: string;
  /** Time since the wait started. */
  elapsedMs: number;
  /** Set once the operation reached a terminal state. */
  done?: "succeeded" | "failed";
  /**
   * No object was read for this row: it is not there, was deleted, or could not be read. The
   * renderers then describe no state (the wait's error line says what happened).
   */
  absent?: boolean;
}

/**
 * Format a percentage without float noise: integers stay integers, others get one decimal.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(formatPercent(60), "60%");
 * equal(formatPercent(33.333), "33.3%");
 * ```
 */
export function formatPercent(percent: number): string {
  const clamped = Math.min(100, Math.max(0, percent));
  return `${Math.round(clamped * 10) / 10}%`;
}
