/**
 * What a command is: its spec (words, flags, help), a pure `parse` from the command line to
 * typed options, and `run`, which does the work with the outside world passed in.
 *
 * Parsing is tested apart from running (gh's `NewCmdX(f, runF)` split): `parse` sees only the
 * invocation and a few facts of the terminal, returns every problem of the command line at once,
 * and sends nothing; `run` gets options that are already valid.
 * @module
 */

import type { CommandSpec, FlagSpec, FlagValues, Invocation } from "./command_spec.ts";
import type { Deps } from "./deps.ts";
import type { GlobalFlags } from "./global_flags.ts";
import { orThrow, type Validation } from "../core/validation.ts";

/** What `parse` may know besides the command line. */
export interface ParseEnv {
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Milliseconds since the epoch, for `--created-after 24h`. */
  now: number;
}

/** A leaf of the command tree without what runs it. */
export type LeafSpec = Omit<CommandSpec, "commands" | "run">;

/** The command line as a command with flags `F` receives it: every flag's value, typed. */
export interface TypedInvocation<F extends readonly FlagSpec[]> {
  flags: FlagValues<F> & GlobalFlags;
  args: string[];
}

/** One command. */
export interface Command<O> {
  spec: LeafSpec;
  /** The command line as options, or every problem with it (exit 2). Pure. */
  parse(invocation: Invocation, env: ParseEnv): Validation<O>;
  run(options: O, deps: Deps): Promise<void>;
}

/**
 * A command whose `parse` sees its flags typed from `spec.flags`.
 *
 * The parser fills a value for every flag of the spec (switches `false`, repeatable flags `[]`,
 * defaults, else undefined), which is the one place the record becomes the typed one.
 */
export function defineCommand<const F extends readonly FlagSpec[], O>(command: {
  spec: LeafSpec & { flags: F };
  parse(invocation: TypedInvocation<F>, env: ParseEnv): Validation<O>;
  run(options: O, deps: Deps): Promise<void>;
}): Command<O> {
  return command as unknown as Command<O>;
}

/** The terminal facts and time of `deps`, for `parse`. */
export function parseEnvOf(deps: Deps): ParseEnv {
  const { stdinIsTTY, stdoutIsTTY, stderrIsTTY } = deps.io;
  return { stdinIsTTY, stdoutIsTTY, stderrIsTTY, now: deps.clock.now() };
}

/** `command` as a leaf of the tree, bound to `deps`: parse (exit 2 on any problem), then run. */
export function leafOf<O>(command: Command<O>, deps: Deps): CommandSpec {
  return {
    ...command.spec,
    check: (invocation) => command.parse(invocation, parseEnvOf(deps)),
    run: (invocation) => command.run(orThrow(command.parse(invocation, parseEnvOf(deps))), deps),
  };
}

/**
 * A leaf of the tree that loads its command module only when the command line names it, so
 * `--help`, `--version` and the other commands never evaluate it:
 * `lazyLeaf("clone", "clone a VM", () => import("./commands/vm/clone.ts").then((m) => m.cloneCommand), deps)`.
 * `name`, `description` and `aliases` must be the module's own (a test loads every entry to
 * compare); they route and list the command without loading it.
 */
export function lazyLeaf<O>(
  name: string,
  description: string,
  load: () => Promise<Command<O>>,
  deps: Deps,
  aliases?: readonly string[],
): CommandSpec {
  return {
    name,
    description,
    ...(aliases ? { aliases } : {}),
    load: async () => leafOf(await load(), deps),
  };
}
