/**
 * `vm resize NAME [--cpus N] [--memory Q] [--hotplug]`: one VMOperation of type resize that
 * changes only what was given, optionally waited for.
 * @module
 */

import { checkResize } from "../../../core/manifests/vm_operation_flags.ts";
import type { ResizeOptions } from "../../../core/manifests/vm_operation.ts";
import { collect, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS, type WritingOptions } from "../mutation_flags.ts";

const FLAGS = [
  valueFlag("--cpus", "n", "new CPU count"),
  valueFlag("--memory", "quantity", "new memory, e.g. 16Gi"),
  switchFlag("--hotplug", "apply without a restart"),
  ...MUTATION_FLAGS,
] as const;

/** What `vm resize` does, checked. */
export interface ResizeCommandOptions extends WritingOptions {
  /** The VM; absent: picked from a list on a terminal. */
  vm?: string;
  resize: ResizeOptions;
}

/** `vm resize`. */
export const resizeCommand = defineCommand({
  spec: {
    name: "resize",
    description: "change CPUs and/or memory; only what is given changes",
    args: [{ name: "name", required: true, variadic: false }],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags, args }, env) =>
    mapValid(
      collect({
        writing: checkWriting(flags, env.stderrIsTTY, true),
        resize: checkResize(args[0], flags),
      }),
      ({ writing, resize }): ResizeCommandOptions => ({ ...writing, ...resize }),
    ),
  async run({ vm, resize, mutation, globals }, deps) {
    const { runVmOperation } = await import("./operation.ts");
    await runVmOperation({
      operation: "resize",
      vm,
      build: (vm, namespace) => ({ operation: "resize", vm, namespace, resize }),
      mutation,
      globals,
    }, deps);
  },
});
