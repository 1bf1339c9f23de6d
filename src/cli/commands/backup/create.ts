/**
 * `backup create VM --dest-type T [--bucket B] … [--name N]`: one BackupJob of an existing VM;
 * `--wait` waits until it finishes.
 * @module
 */

import {
  type BackupCreateOptions,
  buildBackupJob,
  checkBackupCreate,
} from "../../../core/manifests/backup.ts";
import { collect, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { BACKUP_SPEC_FLAGS } from "../backup_flags.ts";
import { checkWriting, MUTATION_FLAGS, type WritingOptions } from "../mutation_flags.ts";

const FLAGS = [
  ...BACKUP_SPEC_FLAGS,
  valueFlag("--name", "name", "job name (default: <vm>-backup-xxxxx)"),
  ...MUTATION_FLAGS,
] as const;

/** What `backup create` does, checked. */
export interface BackupCreateCommandOptions extends WritingOptions {
  backup: BackupCreateOptions;
}

/** `backup create`. */
export const backupCreateCommand = defineCommand({
  spec: {
    name: "create",
    description: "create a backup",
    args: [{ name: "vm", required: true, variadic: false }],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags, args }, env) =>
    mapValid(
      collect({
        writing: checkWriting(flags, env.stderrIsTTY, true),
        backup: checkBackupCreate(args[0], flags),
      }),
      ({ writing, backup }): BackupCreateCommandOptions => ({ ...writing, backup }),
    ),
  async run({ backup, mutation, globals }, deps) {
    const { runCreate } = await import("../create.ts");
    await runCreate({
      noun: "backup",
      build: (namespace) => buildBackupJob(backup, namespace),
      title: `${backup.vm} backup`,
      requires: { noun: "vm", name: backup.vm },
      mutation,
      globals,
    }, deps);
  },
});
