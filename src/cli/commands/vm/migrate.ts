/**
 * `vm migrate NAME --target-node N [--offline] [--bandwidth 100Mbps] [--auto-converge]
 * [--post-copy]`: one VMOperation of type migrate, optionally waited for.
 * @module
 */

import { checkMigrate } from "../../../core/manifests/vm_operation_flags.ts";
import type { MigrateOptions } from "../../../core/manifests/vm_operation.ts";
import { collect, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS, type WritingOptions } from "../mutation_flags.ts";

const FLAGS = [
  valueFlag("--target-node", "node", "destination node", { required: true }),
  switchFlag("--offline", "stop, move, start instead of a live migration"),
  valueFlag("--bandwidth", "rate", "bandwidth limit, e.g. 100Mbps"),
  switchFlag("--auto-converge", "throttle the guest so a live migration converges"),
  switchFlag("--post-copy", "switch to post-copy when pre-copy does not converge"),
  ...MUTATION_FLAGS,
] as const;

/** What `vm migrate` does, checked. */
export interface MigrateCommandOptions extends WritingOptions {
  /** The VM; absent: picked from a list on a terminal. */
  vm?: string;
  migrate: MigrateOptions;
}

/** `vm migrate`. */
export const migrateCommand = defineCommand({
  spec: {
    name: "migrate",
    description: "move a VM to another node (VMOperation migrate)",
    args: [{ name: "name", required: true, variadic: false }],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags, args }, env) =>
    mapValid(
      collect({
        writing: checkWriting(flags, env.stderrIsTTY, true),
        migrate: checkMigrate(args[0], flags),
      }),
      ({ writing, migrate }): MigrateCommandOptions => ({ ...writing, ...migrate }),
    ),
  async run({ vm, migrate, mutation, globals }, deps) {
    const { runVmOperation } = await import("./operation.ts");
    await runVmOperation({
      operation: "migrate",
      vm,
      build: (vm, namespace) => ({ operation: "migrate", vm, namespace, migrate }),
      mutation,
      globals,
    }, deps);
  },
});
