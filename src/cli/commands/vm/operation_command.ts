/**
 * What `vm migrate` and `vm resize` are made of: one VM (picked from a list on a terminal when
 * left out), the operation's own flags and check, the shared `--dry-run`/`--wait` flags, and the
 * run that creates one VMOperation through operation.ts.
 * @module
 */

import type { VmOperationOptions } from "../../../core/manifests/vm_operation.ts";
import { mapValid, type Validation } from "../../../core/validation.ts";
import { type Command, defineCommand } from "../../command.ts";
import type { FlagSpec, FlagValues } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS, type WritingOptions } from "../mutation_flags.ts";

/** What a single-VM operation does, checked: the VM when given, and the settings `S`. */
export interface VmOperationCommandOptions<S> extends WritingOptions {
  vm?: string;
  settings: S;
}

/** One single-VM operation, as its module describes it. */
export interface VmOperationRecipe<F extends readonly FlagSpec[], S> {
  name: "migrate" | "resize";
  description: string;
  /** The operation's own flags; `--dry-run` and `--wait` … are added. */
  flags: F;
  /** Every problem of the VM name and the flags, or the settings. Pure. */
  check(vm: string | undefined, flags: FlagValues<F>): Validation<{ vm?: string } & S>;
  /** The operation on `vm` in the connection's namespace. */
  operation(vm: string, namespace: string, settings: S): VmOperationOptions;
}

/** `vm <name>` from its recipe. */
export function vmOperationCommand<const F extends readonly FlagSpec[], S>(
  recipe: VmOperationRecipe<F, S>,
): Command<VmOperationCommandOptions<S>> {
  const { name } = recipe;
  return defineCommand({
    spec: {
      name,
      description: recipe.description,
      args: [{ name: "name", required: true, variadic: false }],
      flags: [...recipe.flags, ...MUTATION_FLAGS],
      globals: WRITE_GLOBALS,
      outputFormats: WRITE_OUTPUTS,
    },
    parse: ({ flags, args }, env) =>
      checkWriting(
        flags,
        env.stderrIsTTY,
        true,
        // The values of the recipe's flags are among them; TypeScript cannot see through F.
        mapValid(recipe.check(args[0], flags as FlagValues<F>), ({ vm, ...settings }) => ({
          ...(vm !== undefined && { vm }),
          settings: settings as S,
        })),
      ),
    async run({ vm, settings, mutation, globals }, deps) {
      const { runVmOperation } = await import("./operation.ts");
      await runVmOperation({
        operation: name,
        vm,
        build: (vm, namespace) => recipe.operation(vm, namespace, settings),
        mutation,
        globals,
      }, deps);
    },
  });
}
