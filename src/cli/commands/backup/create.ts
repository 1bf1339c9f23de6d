/**
 * `backup create VM --dest-type T [--bucket B] … [--name N]`: one BackupJob of an existing VM;
 * `--wait` waits until it finishes.
 * @module
 */

import { buildBackupJob, checkBackupCreate } from "../../../core/manifests/backup.ts";
import { valueFlag } from "../../command_spec.ts";
import { BACKUP_SPEC_FLAGS } from "../backup_flags.ts";
import { createCommand } from "../create_command.ts";

const FLAGS = [
  ...BACKUP_SPEC_FLAGS,
  valueFlag("--name", "name", "job name (default: <vm>-backup-xxxxx)"),
] as const;

/** `backup create`. */
export const backupCreateCommand = createCommand({
  noun: "backup",
  argument: "vm",
  flags: FLAGS,
  waitable: true,
  check: checkBackupCreate,
  plan: (backup) => ({
    build: (namespace) => buildBackupJob(backup, namespace),
    title: `${backup.vm} backup`,
    requires: { noun: "vm", name: backup.vm },
  }),
});
