/**
 * Pure builders for every mutating command: parse raw flag strings into typed options (throwing
 * InputError, exit 2, before anything is sent), then build a complete, applyable
 * hypersdk.io manifest with no status and no empty fields.
 * @module
 */

export { type Manifest, type ManifestMeta, OPERATION_LABEL, VM_LABEL } from "./_common.ts";
export { parseBinaryQuantityFlag } from "./binary_quantity.ts";
export {
  buildVirtualMachine,
  DEFAULT_STORAGE_CLASS,
  parseVmCreate,
  type VirtualMachineSpec,
  type VmCreateFlags,
  type VmCreateOptions,
} from "./vm.ts";
export {
  buildVmOperation,
  type CloneOperationOptions,
  type CloneOptions,
  type MigrateOperationOptions,
  type MigrateOptions,
  type OperationTarget,
  type PowerOperationOptions,
  type ResizeOperationOptions,
  type ResizeOptions,
  type SnapshotOperationOptions,
  type SnapshotSettings,
  VM_OPERATIONS,
  type VmOperationOptions,
  type VmOperationSpec,
  type VmOperationType,
} from "./vm_operation.ts";
export {
  type CloneFlags,
  type MigrateFlags,
  type OperationFlags,
  parseBandwidth,
  parseClone,
  parseMigrate,
  parsePowerOperation,
  parseResize,
  type PowerFlags,
  type ResizeFlags,
} from "./vm_operation_flags.ts";
export {
  buildVmSnapshot,
  MAX_KEEP_DAYS,
  parseSnapshotCreate,
  type SnapshotCreateFlags,
  type SnapshotCreateOptions,
  type VmSnapshotSpec,
} from "./snapshot.ts";
export {
  BACKUP_FORMATS,
  type BackupCreateFlags,
  type BackupCreateOptions,
  type BackupFormat,
  type BackupJobSpec,
  type BackupSpecFlags,
  type BackupSpecOptions,
  buildBackupJob,
  buildBackupJobSpec,
  DESTINATION_TYPES,
  type DestinationType,
  parseBackupCreate,
  parseBackupSpec,
  type Provider,
  PROVIDERS,
} from "./backup.ts";
export {
  buildRestoreJob,
  parseRestoreCreate,
  type RestoreCreateFlags,
  type RestoreCreateOptions,
  type RestoreJobSpec,
} from "./restore.ts";
export { nextRuns, validateCron, validateTimezone } from "./cron.ts";
export {
  type BackupScheduleSpec,
  buildBackupSchedule,
  CONCURRENCY_POLICIES,
  type ConcurrencyPolicy,
  MAX_HISTORY,
  parseScheduleCreate,
  SCHEDULE_LABEL,
  type ScheduleCreateFlags,
  type ScheduleCreateOptions,
  suspendPatch,
} from "./schedule.ts";
