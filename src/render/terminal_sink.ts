/**
 * A sink for a terminal: every write passes through one filter for the controls that survive the
 * renderers.
 *
 * Table cells and messages are escaped where they are built, and YAML escapes C0 controls, but
 * YAML and JSON leave C1 controls (U+009B is an 8-bit CSI: `\u009b2J` clears the screen on many
 * terminals) and the bidi overrides and isolates (U+202E reverses what follows) as they are. Those
 * never appear in hyperctl's own output, so filtering them at the one place that writes to a
 * terminal covers every format and message; piped output stays byte-faithful.
 * @module
 */

import type { Sink } from "./sink.ts";

// C1 controls and the bidi embedding/override/isolate marks; hyperctl's own escapes are 7-bit.
const UNSAFE = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replace C1 controls and bidi overrides with their `\uXXXX` spelling (valid inside a JSON
 * string, readable in YAML and tables).
 *
 * @param text what is about to reach a terminal
 * @returns the text with those characters made visible
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(neutralizeTerminalText("a\u009b2Jb\u202ec"), "a\\u009b2Jb\\u202ec");
 * ```
 */
export function neutralizeTerminalText(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Wrap the sink of a terminal so nothing written to it carries C1 or bidi controls.
 *
 * @param sink the terminal's sink
 * @returns the same sink, filtering each write
 */
export function terminalSink(sink: Sink): Sink {
  return {
    get closed() {
      return sink.closed;
    },
    write: (text) => sink.write(neutralizeTerminalText(text)),
  };
}
