/**
 * `--notify`: the escape sequence that asks the terminal for a desktop notification when a wait
 * ends. OSC 777 (urxvt's notify, also VTE, foot, WezTerm, Ghostty) or OSC 9 (iTerm2) where the
 * terminal says who it is; a BEL everywhere else (and inside tmux/screen, which would swallow
 * the OSC), which most terminals turn into an urgent hint or a sound.
 * @module
 */

import { escapeCell } from "./escape.ts";

const BEL = "\x07";
const OSC = "\x1b]";

/** Terminals known by their environment to show OSC 777 notifications. */
function speaksOsc777(env: (name: string) => string | undefined): boolean {
  const program = env("TERM_PROGRAM") ?? "";
  const term = env("TERM") ?? "";
  return ["WezTerm", "ghostty"].includes(program) || env("VTE_VERSION") !== undefined ||
    term === "xterm-ghostty" || term.startsWith("foot") || term.startsWith("rxvt");
}

/**
 * The text to write to a terminal's stderr for a notification; callers write it only when
 * stderr is a terminal. Title and body are cleaned of control characters (they may carry object
 * names from the cluster) and of `;`, which separates OSC 777's fields.
 *
 * @param env reads the environment (TERM, TERM_PROGRAM, VTE_VERSION, TMUX, STY)
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { terminalNotification } from "./notify.ts";
 * const env = (vars: Record<string, string>) => (n: string) => vars[n];
 * equal(terminalNotification("hyperctl", "done", env({ TERM_PROGRAM: "WezTerm" })), "\x1b]777;notify;hyperctl;done\x07");
 * equal(terminalNotification("hyperctl", "done", env({ TERM_PROGRAM: "iTerm.app" })), "\x1b]9;hyperctl: done\x07");
 * equal(terminalNotification("hyperctl", "done", env({ TERM: "xterm-256color" })), "\x07");
 * ```
 */
export function terminalNotification(
  title: string,
  body: string,
  env: (name: string) => string | undefined,
): string {
  const clean = (s: string) => escapeCell(s).replaceAll(";", ",");
  if (env("TMUX") !== undefined || env("STY") !== undefined) return BEL;
  if (env("TERM_PROGRAM") === "iTerm.app") return `${OSC}9;${clean(`${title}: ${body}`)}${BEL}`;
  if (speaksOsc777(env)) return `${OSC}777;notify;${clean(title)};${clean(body)}${BEL}`;
  return BEL;
}
