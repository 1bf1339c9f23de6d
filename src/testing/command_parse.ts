/**
 * A command's `parse` fed by the real parser and command tree, for unit tests of `parse`: the
 * invocation is what a user's words really become, so a test fails when the spec drifts.
 * @module
 */

import { isLeft } from "fp-ts/Either";
import type { Command, ParseEnv } from "../cli/command.ts";
import { parseCommandLine } from "../cli/parse/mod.ts";
import { commandTree } from "../cli/program.ts";
import type { Validation } from "../core/validation.ts";
import { fakeDeps } from "./fake_deps.ts";

/** A terminal nowhere, at a fixed time. */
const PIPED: ParseEnv = { stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, now: 0 };

/** `command.parse` of what `argv` (after the program name) becomes. */
export async function parseWith<O>(
  command: Command<O>,
  argv: readonly string[],
  env: ParseEnv = PIPED,
): Promise<Validation<O>> {
  const line = await parseCommandLine(commandTree(fakeDeps()), argv);
  if (line.kind !== "run") throw new Error(`${argv.join(" ")}: not a command to run`);
  return command.parse(line.invocation, env);
}

/** The problems a validation names, in order; none for a valid one. */
export function problemsOf(v: Validation<unknown>): string[] {
  return isLeft(v) ? v.left.map((e) => e.message) : [];
}

/** The valid value, or a failure naming the problems. */
export function validOf<A>(v: Validation<A>): A {
  if (isLeft(v)) throw new Error(`expected valid, got: ${problemsOf(v).join("; ")}`);
  return v.right;
}
