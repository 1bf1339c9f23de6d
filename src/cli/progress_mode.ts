/**
 * `--progress`: how a wait shows its progress on stderr.
 * @module
 */

import { InputError } from "../core/input_error.ts";

/** A redrawn bar (terminal), one line per change (logs), or nothing. */
export type ProgressMode = "bar" | "lines" | "none";

/** `--progress auto|bar|lines|none` (`--show-progress` = bar); auto = bar on a TTY, else lines. */
export function parseProgressMode(
  value: string | undefined,
  showProgress: boolean | undefined,
  stderrIsTTY: boolean,
): ProgressMode {
  const v = showProgress && (value === undefined || value === "auto") ? "bar" : value ?? "auto";
  switch (v) {
    case "auto":
      return stderrIsTTY ? "bar" : "lines";
    case "bar":
      // A redrawn bar on a pipe would write escape codes into a log; lines say the same.
      return stderrIsTTY ? "bar" : "lines";
    case "lines":
    case "none":
      return v;
    default:
      throw new InputError(`--progress must be auto, bar, lines or none, got "${value}"`);
  }
}
