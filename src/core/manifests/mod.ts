/**
 * Pure builders for every mutating command: check raw flag strings into typed options (every
 * problem at once, exit 2, before anything is sent), then build a complete, applyable
 * hypersdk.io manifest with no status and no empty fields.
 * @module
 */

export { type Manifest, type ManifestMeta, OPERATION_LABEL, VM_LABEL } from "./_common.ts";
export { parseBinaryQuantityFlag } from "./binary_quantity.ts";
export {
  buildVirtualMachine,
  checkVmCreate,
  DEFAULT_STORAGE_CLASS,
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
  checkClone,
  checkMigrate,
  checkResize,
  type CloneFlags,
  cloneOfItself,
  type MigrateFlags,
  parseBandwidth,
  type ResizeFlags,
} from "./vm_operation_flags.ts";
export {
  buildVmSnapshot,
  checkSnapshotCreate,
  MAX_KEEP_DAYS,
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
  checkBackupCreate,
  checkBackupSpec,
  DESTINATION_TYPES,
  type DestinationType,
  type Provider,
  PROVIDERS,
} from "./backup.ts";
export {
  buildRestoreJob,
  checkRestoreCreate,
  type RestoreCreateFlags,
  type RestoreCreateOptions,
  type RestoreJobSpec,
} from "./restore.ts";
export { nextRuns, validateCron, validateTimezone } from "./cron.ts";
export {
  type BackupScheduleSpec,
  buildBackupSchedule,
  checkScheduleCreate,
  CONCURRENCY_POLICIES,
  type ConcurrencyPolicy,
  MAX_HISTORY,
  SCHEDULE_LABEL,
  type ScheduleCreateFlags,
  type ScheduleCreateOptions,
  suspendPatch,
} from "./schedule.ts";
