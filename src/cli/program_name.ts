/**
 * The name hyperctl was invoked by, for help and usage lines: `hyperctl`, or `kubectl hyperctl`
 * when it runs as the kubectl plugin `kubectl-hyperctl` (kubectl finds plugins on PATH by that
 * file name and runs them with the words after `kubectl hyperctl`).
 * @module
 */

/** The variable a wrapper sets to the path it was run as; see {@link programName}. */
export const INVOKED_AS_ENV = "HYPERCTL_INVOKED_AS";

/**
 * The program name for `path`, the file hyperctl was run as: a compiled binary's argv[0] (a
 * `kubectl-hyperctl` symlink stays that name), or, under `deno run` (where argv[0] is deno), the
 * path a wrapper script puts in HYPERCTL_INVOKED_AS (a `kubectl-hyperctl` script setting it to `$0`).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { programName } from "./program_name.ts";
 * equal(programName("/usr/local/bin/kubectl-hyperctl"), "kubectl hyperctl");
 * equal(programName("C:\\tools\\kubectl-hyperctl.exe"), "kubectl hyperctl");
 * equal(programName("/home/me/.local/bin/hyperctl"), "hyperctl");
 * equal(programName("/usr/bin/deno"), "hyperctl");
 * ```
 */
export function programName(path: string): string {
  const file = path.split(/[\\/]/).pop()!.replace(/\.exe$/i, "");
  // kubectl maps dashes in a plugin's file name to words: kubectl-hyperctl is `kubectl hyperctl`.
  return file.startsWith("kubectl-") ? file.split("-").join(" ") : "hyperctl";
}

/**
 * A command to suggest in a hint (a resume line, "start it with …"), under the name the user ran:
 * `kubectl hyperctl op wait x` as a plugin, so the line can be pasted back as it is.
 *
 * @param program the invoked name (`Deps.programName`); undefined means `hyperctl`
 * @param words the command after the program name
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { hintCommand } from "./program_name.ts";
 * equal(hintCommand("kubectl hyperctl", "op wait x -n ns"), "kubectl hyperctl op wait x -n ns");
 * equal(hintCommand(undefined, "vm start web-1"), "hyperctl vm start web-1");
 * ```
 */
export function hintCommand(program: string | undefined, words: string): string {
  return `${program ?? "hyperctl"} ${words}`;
}
