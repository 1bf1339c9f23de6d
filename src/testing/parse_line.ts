/**
 * A command's `parse` run on a command line as the real parser hands it over (flags filled,
 * defaults applied), for tests of a command's parsing apart from its running: no cluster, no
 * deps, nothing sent.
 * @module
 */

import type { Command, ParseEnv } from "../cli/command.ts";
import { GLOBAL_FLAGS } from "../cli/global_flags.ts";
import { parseCommandLine } from "../cli/parse/mod.ts";
import { orThrow, type Validation } from "../core/validation.ts";

/** A terminal-less environment at a fixed instant. */
export const PIPED: ParseEnv = {
  stdinIsTTY: false,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  now: Date.parse("2026-01-01T00:00:00Z"),
};

/**
 * `command.parse` of `argv` (the words after the command's own name).
 *
 * @throws InputError when the parser itself refuses the line (unknown flag, missing value)
 */
export async function parseLine<O>(
  command: Command<O>,
  argv: readonly string[],
  env: ParseEnv = PIPED,
): Promise<Validation<O>> {
  // Under a group of its own, so no kubectl verb-first rewrite (`get vm a`) applies.
  const leaf = { ...command.spec, run: () => Promise.resolve() };
  const root = {
    name: "hyperctl",
    description: "test",
    flags: GLOBAL_FLAGS,
    commands: [{ name: "under-test", description: "test", commands: [leaf] }],
  };
  const line = await parseCommandLine(root, ["under-test", command.spec.name, ...argv]);
  if (line.kind !== "run") throw new Error(`not a command line to run: ${line.kind}`);
  return command.parse(line.invocation, env);
}

/** The options of a good line; fails with every problem of a bad one. */
export async function parsedOptions<O>(
  command: Command<O>,
  argv: readonly string[],
  env: ParseEnv = PIPED,
): Promise<O> {
  return orThrow(await parseLine(command, argv, env));
}

/** The one-line message of a bad line's problems (`a; b; c`). */
export async function problemsOf<O>(
  command: Command<O>,
  argv: readonly string[],
  env: ParseEnv = PIPED,
): Promise<string> {
  try {
    orThrow(await parseLine(command, argv, env));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`no problem found in: ${argv.join(" ")}`);
}
