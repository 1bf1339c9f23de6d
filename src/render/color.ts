/**
 * When to colour, and which colour a phase gets.
 *
 * Colour follows kubecolor's rules: auto-detect the terminal, honour `NO_COLOR`, and
 * let `--color=always` force it. Only the STATUS/PHASE cell is coloured, semantically.
 * @module
 */

/** The `--color` flag values. */
export type ColorFlag = "auto" | "always" | "never";

/** Inputs to {@link shouldColor}; the caller reads the environment so this stays pure. */
export interface ColorOptions {
  /** `--color` value. @default "auto" */
  flag?: ColorFlag;
  /** Whether the stream the text goes to is a terminal. */
  isTTY: boolean;
  /** The value of `NO_COLOR`, if set; any non-empty value disables `auto` (no-color.org). */
  noColorEnv?: string;
}

/**
 * Decide whether to colour a stream.
 *
 * `always` wins over `NO_COLOR` because an explicit flag is a stronger signal than an environment
 * default (kubecolor's `--force-colors` behaves the same).
 *
 * @returns true when ANSI colour may be written
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(shouldColor({ flag: "auto", isTTY: true, noColorEnv: "1" }), false);
 * equal(shouldColor({ flag: "always", isTTY: false, noColorEnv: "1" }), true);
 * ```
 */
export function shouldColor(options: ColorOptions): boolean {
  const flag = options.flag ?? "auto";
  if (flag === "always") return true;
  if (flag === "never") return false;
  return options.isTTY && !options.noColorEnv;
}

/** The few colours hyperctl uses. */
export type Color = "green" | "red" | "yellow";

const CODES: Record<Color, string> = { green: "\x1b[32m", red: "\x1b[31m", yellow: "\x1b[33m" };
// 39 resets only the foreground, so a row-wide style (live-view highlight) survives the cell.
const RESET_FG = "\x1b[39m";

const GOOD = new Set(["Running", "Succeeded", "Completed", "Ready"]);
const BAD = new Set(["Failed", "Expired", "Unknown"]);
const BUSY = new Set(["Pending", "Creating", "Migrating", "Deleting", "Cancelled", "Paused"]);

/**
 * The colour for a phase across all seven kinds.
 *
 * Green: a healthy or finished-well state (Running, Succeeded, Completed, Ready).
 * Red: something needs attention (Failed, Expired, Unknown).
 * Yellow: in flight or interrupted (Pending, Creating, Migrating, Deleting, Cancelled, Paused).
 * Stopped and unknown words stay plain: Stopped is a normal resting state, not a warning.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(phaseColor("Failed"), "red");
 * equal(phaseColor("Stopped"), undefined);
 * ```
 */
export function phaseColor(phase: string): Color | undefined {
  if (GOOD.has(phase)) return "green";
  if (BAD.has(phase)) return "red";
  if (BUSY.has(phase)) return "yellow";
  return undefined;
}

/**
 * Wrap text in an ANSI colour.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(paint("Running", "green"), "\x1b[32mRunning\x1b[39m");
 * ```
 */
export function paint(text: string, color: Color): string {
  return CODES[color] + text + RESET_FG;
}

// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/**
 * Remove ANSI CSI sequences, e.g. to measure the visible width of a coloured string.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(stripAnsi(paint("Failed", "red")), "Failed");
 * ```
 */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}
