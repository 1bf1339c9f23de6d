/**
 * Which global flags mean something to which command: the sets the command tree declares on
 * each leaf (`CommandSpec.globals`).
 *
 * `--verbose` is everywhere, since it also shows the stack trace of any error. The connection
 * flags belong to every command that talks to a cluster; `--namespace` to those that address
 * namespaced objects; `-A`, `-o` and `--color` only where the command reads them.
 * @module
 */

import type { CommandSpec, FlagSpec } from "./command_spec.ts";

/** Commands that talk to no cluster (`sim`, `completion`). */
export const LOCAL_GLOBALS: readonly string[] = ["--verbose"];

/** Commands that talk to a cluster but address no namespace (`status`, `version`). */
export const CLUSTER_GLOBALS: readonly string[] = [
  ...LOCAL_GLOBALS,
  "--kubeconfig",
  "--context",
  "--request-timeout",
];

/** Commands that address objects in one namespace (`delete`, `vm ssh`). */
export const NAMESPACED_GLOBALS: readonly string[] = [...CLUSTER_GLOBALS, "--namespace"];

/** Commands that write and can print what they wrote (`create`, VM operations, `op wait`). */
export const WRITE_GLOBALS: readonly string[] = [...NAMESPACED_GLOBALS, "--output"];

/** Commands that pick objects, `-A` included, and print them (`describe`, `wait`, `vm vnc`). */
export const QUERY_GLOBALS: readonly string[] = [...WRITE_GLOBALS, "--all-namespaces"];

/** `list` and `get`: every global flag, colour included. */
export const READ_GLOBALS: readonly string[] = [...QUERY_GLOBALS, "--color"];

/** Formats of `-o` for commands that print the objects they wrote or waited for. */
export const WRITE_OUTPUTS: readonly string[] = ["json", "yaml", "name"];
/** Formats of `-o` for reports: `describe`, `status`, `version`. */
export const REPORT_OUTPUTS: readonly string[] = ["table", "json", "yaml"];

/** The global flags among `all` that `leaf` honours, `-o` narrowed to the leaf's formats. */
export function honouredBy(leaf: CommandSpec, all: readonly FlagSpec[]): FlagSpec[] {
  const names = new Set(leaf.globals ?? []);
  return all.filter((f) => names.has(f.long)).map((f) =>
    f.long === "--output" && leaf.outputFormats
      ? { ...f, description: `output format: ${leaf.outputFormats.join("|")}` }
      : f
  );
}
