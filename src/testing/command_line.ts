/**
 * Run one command's `parse` on a command line as the real parser hands it over (defaults and
 * switches filled in), without the rest of the tree and without a cluster: how the command
 * modules' parse tests see their flags.
 * @module
 */

import type { Command, ParseEnv } from "../cli/command.ts";
import type { CommandSpec } from "../cli/command_spec.ts";
import { GLOBAL_FLAGS } from "../cli/global_flags.ts";
import { parseCommandLine } from "../cli/parse/mod.ts";
import type { Validation } from "../core/validation.ts";

/** Facts of a run without a terminal, at a fixed time. */
export const NO_TERMINAL: ParseEnv = {
  stdinIsTTY: false,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  now: Date.UTC(2026, 0, 1),
};

/** `command`'s parse of `hyperctl NOUN VERB …argv` (words after the verb). */
export async function parseLine<O>(
  command: Command<O>,
  argv: readonly string[],
  env: ParseEnv = NO_TERMINAL,
): Promise<Validation<O>> {
  const leaf: CommandSpec = { ...command.spec, run: () => Promise.resolve() };
  const root: CommandSpec = {
    name: "hyperctl",
    description: "",
    flags: GLOBAL_FLAGS,
    commands: [{ name: "noun", description: "", commands: [leaf] }],
  };
  const line = await parseCommandLine(root, ["noun", command.spec.name, ...argv]);
  if (line.kind !== "run") throw new Error(`not a command to run: ${argv.join(" ")}`);
  return command.parse(line.invocation, env);
}

/** The messages of every problem `v` names, or [] when it is valid. */
export function problems<O>(v: Validation<O>): string[] {
  return v._tag === "Left" ? v.left.map((e) => e.message) : [];
}
