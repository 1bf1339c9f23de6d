/**
 * `vm clone [NAME] --target T [--target-namespace N] [--linked] [--start] [--from-snapshot S]`:
 * one VMOperation of type clone, optionally waited for.
 *
 * The command in one place: its flags, its options, `parse` (pure, every problem at once) and
 * `run`. What `run` needs from the cluster side is imported when it runs, so help and the
 * parser never load the client.
 * @module
 */

import { checkClone, cloneOfItself } from "../../../core/manifests/vm_operation_flags.ts";
import { InputError } from "../../../core/input_error.ts";
import type { CloneOptions } from "../../../core/manifests/vm_operation.ts";
import { defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import type { GlobalFlags } from "../../global_flags.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS, type MutationOptions } from "../mutation_flags.ts";

const FLAGS = [
  valueFlag("--target", "name", "name of the new VM", { required: true }),
  valueFlag("--target-namespace", "ns", "namespace of the new VM"),
  switchFlag("--linked", "linked clone"),
  switchFlag("--start", "start the clone"),
  valueFlag("--from-snapshot", "name", "clone from this VMSnapshot (then NAME may be left out)"),
  ...MUTATION_FLAGS,
] as const;

/** What `vm clone` does, checked. */
export interface CloneCommandOptions {
  /** The source VM; absent with `--from-snapshot` alone (the snapshot names it). */
  vm?: string;
  clone: CloneOptions;
  mutation: MutationOptions;
  globals: GlobalFlags;
}

/** `vm clone`. */
export const cloneCommand = defineCommand({
  spec: {
    name: "clone",
    description: "clone a VM (VMOperation clone)",
    args: [{ name: "name", required: false, variadic: false }],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags, args }, env) =>
    checkWriting(flags, env.stderrIsTTY, true, checkClone(args[0], flags, flags.namespace)),
  async run(options, deps) {
    const { runVmOperation } = await import("./operation.ts");
    await runVmOperation({
      operation: "clone",
      vm: options.vm,
      fromSnapshot: options.clone.fromSnapshot,
      build: (vm, namespace) => {
        const itself = cloneOfItself(vm, namespace, options.clone);
        if (itself) throw new InputError(itself);
        return { operation: "clone", vm, namespace, clone: options.clone };
      },
      mutation: options.mutation,
      globals: options.globals,
    }, deps);
  },
});
