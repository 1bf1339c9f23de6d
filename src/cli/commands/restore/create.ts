/**
 * `restore create --backup B --vm NAME [--power-on] [--overwrite] [--provider P] [--name N]`: one
 * RestoreJob from an existing BackupJob; `--wait` waits until it finishes.
 * @module
 */

import { buildRestoreJob, checkRestoreCreate } from "../../../core/manifests/restore.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { createCommand } from "../create_command.ts";

const FLAGS = [
  valueFlag("--backup", "name", "BackupJob to restore from", { required: true }),
  valueFlag("--vm", "name", "name of the restored VM", { required: true }),
  switchFlag("--power-on", "start the VM after the restore"),
  switchFlag("--overwrite", "replace an existing VM of that name"),
  valueFlag("--provider", "provider", "destination provider", { default: "kubevirt" }),
  valueFlag("--name", "name", "job name (default: restore-<vm>-xxxxx)"),
] as const;

/** `restore create` (no argument: `--vm` names the VM). */
export const restoreCreateCommand = createCommand({
  noun: "restore",
  flags: FLAGS,
  waitable: true,
  check: (_none, flags) => checkRestoreCreate(flags),
  plan: (restore) => ({
    build: (namespace) => buildRestoreJob(restore, namespace),
    title: `${restore.vm} restore`,
    requires: { noun: "backup", name: restore.backup },
  }),
});
