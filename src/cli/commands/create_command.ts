/**
 * What every creating command (`vm|snapshot|backup|restore|schedule create`) is made of: its
 * own flags and check, the shared `--dry-run`/`--wait` flags, and the run that creates one
 * object through _create.ts. A command module gives only what is its own.
 * @module
 */

import type { Noun } from "../../core/kinds.ts";
import { mapValid, type Validation } from "../../core/validation.ts";
import { type Command, defineCommand } from "../command.ts";
import type { FlagSpec, FlagValues } from "../command_spec.ts";
import type { Deps } from "../deps.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../honoured_globals.ts";
import type { CreateRun } from "./_create.ts";
import {
  checkWriting,
  DRY_RUN_FLAG,
  MUTATION_FLAGS,
  type WritingOptions,
} from "./mutation_flags.ts";

/** What a creating command does, checked: the object's options `X` and the shared flags. */
export interface CreateCommandOptions<X> extends WritingOptions {
  object: X;
}

/** One creating command, as its module describes it. */
export interface CreateRecipe<F extends readonly FlagSpec[], X> {
  noun: Noun;
  /** The positional argument's name in help (`name`, `vm`); none for `restore create`. */
  argument?: string;
  /** The command's own flags; `--dry-run` (and `--wait` …) are added. */
  flags: F;
  /** Whether it can `--wait` (a schedule never finishes). */
  waitable: boolean;
  /** Every problem of the argument and the flags, or the object's options. Pure. */
  check(argument: string | undefined, flags: FlagValues<F>): Validation<X>;
  /** The object in the connection's namespace, its `--wait` row, and what it refers to. */
  plan(object: X): Omit<CreateRun, "noun" | "mutation" | "globals">;
  /** Said on stderr once created (a schedule's next runs). */
  after?(object: X, deps: Deps): Promise<void>;
}

/** `<noun> create` from its recipe. */
export function createCommand<const F extends readonly FlagSpec[], X>(
  recipe: CreateRecipe<F, X>,
): Command<CreateCommandOptions<X>> {
  const { noun, argument, waitable } = recipe;
  return defineCommand({
    spec: {
      name: "create",
      description: `create a ${noun}`,
      args: argument ? [{ name: argument, required: true, variadic: false }] : [],
      flags: [...recipe.flags, ...(waitable ? MUTATION_FLAGS : [DRY_RUN_FLAG])],
      globals: WRITE_GLOBALS,
      outputFormats: WRITE_OUTPUTS,
    },
    parse: ({ flags, args }, env) =>
      checkWriting(
        flags,
        env.stderrIsTTY,
        waitable,
        // The values of the recipe's flags are among them; TypeScript cannot see through F.
        mapValid(recipe.check(args[0], flags as FlagValues<F>), (object) => ({ object })),
      ),
    async run({ object, mutation, globals }, deps) {
      const { runCreate } = await import("./_create.ts");
      await runCreate({ noun, ...recipe.plan(object), mutation, globals }, deps);
      await recipe.after?.(object, deps);
    },
  });
}
