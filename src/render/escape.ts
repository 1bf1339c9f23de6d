/**
 * Neutralise terminal control characters in cluster-supplied text.
 *
 * Names, messages and labels come from whoever can write to the cluster; printed raw, an ESC
 * sequence could retitle the terminal, hide lines or fake output. kubectl's `terminal.go` replaces
 * ESC with `^[` and CR with `\r`; we do the same and extend it to every C0/C1 control and to the
 * Unicode bidi overrides ("Trojan Source"). JSON and YAML escape by themselves and never pass here.
 * @module
 */

const ESCAPES: Record<string, string> = {
  "\x1b": "^[",
  "\r": "\\r",
  "\x7f": "^?",
};

// C0 (except \t and \n, handled per mode), DEL, C1, and the bidi embedding/override/isolate marks.
// deno-lint-ignore no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// deno-lint-ignore no-control-regex
const CONTROL_OR_TAB = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// What kubectl itself escapes in custom columns.
// deno-lint-ignore no-control-regex
const ESC_OR_CR = /[\x1b\r]/g;
/** {@link CONTROL_OR_TAB} without the global flag, for a `test` that keeps no lastIndex. */
const HAS_CONTROL_OR_TAB = new RegExp(CONTROL_OR_TAB.source);

function replaceControl(ch: string, keepNewline: boolean): string {
  if (ch === "\n") return keepNewline ? "\n" : "\\n";
  if (ch === "\t") return "\\t";
  const fixed = ESCAPES[ch];
  if (fixed !== undefined) return fixed;
  const code = ch.charCodeAt(0);
  // Caret notation for C0 (^G for BEL) reads like what a terminal shows with `cat -v`.
  if (code < 0x20) return "^" + String.fromCharCode(code + 0x40);
  const hex = code.toString(16);
  return code <= 0xff ? `\\x${hex}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * Make multi-line free text (progress messages, errors) safe to print on a terminal.
 *
 * Keeps newlines and tabs, because a multi-line message is still readable; replaces everything
 * else that a terminal would interpret.
 *
 * @param text cluster-supplied text
 * @returns the text with control characters shown as `^[`, `\r`, `^G`, `\x9b`, `\u202e`
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(escapeTerminal("ok\x1b[2Jdone\n"), "ok^[[2Jdone\n");
 * ```
 */
export function escapeTerminal(text: string): string {
  return text.replace(CONTROL, (ch) => replaceControl(ch, true));
}

/**
 * Make text safe for one table cell: like {@link escapeTerminal}, but newline and tab are shown as
 * `\n` and `\t` too, because either would break the row's alignment.
 *
 * @param text cluster-supplied text
 * @returns single-line text without control characters
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(escapeCell("a\nb\tc"), "a\\nb\\tc");
 * ```
 */
export function escapeCell(text: string): string {
  // Almost every cell is clean; testing first skips the replace machinery for those.
  if (!HAS_CONTROL_OR_TAB.test(text)) return text;
  return text.replace(CONTROL_OR_TAB, (ch) => replaceControl(ch, false));
}

/**
 * kubectl's own escaping of custom-columns cells: ESC as `^[` and CR as `\r`, nothing else. Used
 * where the output is not a terminal, so a pipe gets kubectl's bytes; a terminal gets
 * {@link escapeCell}.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(escapeLikeKubectl("a\x1b[1m\r\nb"), "a^[[1m\\r\nb");
 * ```
 */
export function escapeLikeKubectl(text: string): string {
  return text.replace(ESC_OR_CR, (ch) => ESCAPES[ch]);
}
