/**
 * `restore create --backup B --vm NAME [--power-on] [--overwrite] [--provider P] [--name N]`: one
 * RestoreJob from an existing BackupJob; `--wait` waits until it finishes.
 * @module
 */

import {
  buildRestoreJob,
  checkRestoreCreate,
  type RestoreCreateOptions,
} from "../../../core/manifests/restore.ts";
import { collect, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS, type WritingOptions } from "../mutation_flags.ts";

const FLAGS = [
  valueFlag("--backup", "name", "BackupJob to restore from", { required: true }),
  valueFlag("--vm", "name", "name of the restored VM", { required: true }),
  switchFlag("--power-on", "start the VM after the restore"),
  switchFlag("--overwrite", "replace an existing VM of that name"),
  valueFlag("--provider", "provider", "destination provider", { default: "kubevirt" }),
  valueFlag("--name", "name", "job name (default: restore-<vm>-xxxxx)"),
  ...MUTATION_FLAGS,
] as const;

/** What `restore create` does, checked. */
export interface RestoreCreateCommandOptions extends WritingOptions {
  restore: RestoreCreateOptions;
}

/** `restore create`. */
export const restoreCreateCommand = defineCommand({
  spec: {
    name: "create",
    description: "create a restore",
    args: [],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags }, env) =>
    mapValid(
      collect({
        writing: checkWriting(flags, env.stderrIsTTY, true),
        restore: checkRestoreCreate(flags),
      }),
      ({ writing, restore }): RestoreCreateCommandOptions => ({ ...writing, restore }),
    ),
  async run({ restore, mutation, globals }, deps) {
    const { runCreate } = await import("../create.ts");
    await runCreate({
      noun: "restore",
      build: (namespace) => buildRestoreJob(restore, namespace),
      title: `${restore.vm} restore`,
      requires: { noun: "backup", name: restore.backup },
      mutation,
      globals,
    }, deps);
  },
});
