/**
 * The backup, schedule, restore and status ops of `hyperctl k8s` (HyperSDK's k8s_commands.go)
 * and the hyperctl command each one runs. HyperSDK printed fake tables and manifests for most of
 * these; every one here reads or writes the cluster.
 * @module
 */

import { InputError } from "../outcomes.ts";
import {
  MANIFEST_OUTPUT_DEFAULT,
  missingFlag,
  nameArg,
  type OpSpec,
  passBool,
  passString,
  unsupported,
  waitFlags,
  yes,
} from "./_mapping.ts";
import type { K8sFlags } from "./k8s_flags.ts";

const json = { flag: "json" } as const;
/** HyperSDK printed these manifests as JSON even without -json. */
const alwaysJson = { flag: "json", always: true } as const;

/** Destination types that need no bucket (HyperSDK required -bucket for all). */
const BUCKETLESS = ["local", "nfs"];

/**
 * `--dest-type T [--bucket B]`. hyperctl requires --dest-type, so HyperSDK's default `s3` is
 * always passed. Its help said `azure` where the CRD enum says `azure-blob`.
 */
function destination(f: K8sFlags, spec: OpSpec): string[] {
  const type = f.str("dest-type");
  if (type === "azure") {
    throw new InputError(
      `hyperctl k8s: -dest-type "azure" is not a destination type (did you mean "azure-blob"?)`,
    );
  }
  if (!f.present("bucket") && !BUCKETLESS.includes(type)) throw missingFlag(spec, "bucket");
  return ["--dest-type", type, ...passString(f, "bucket")];
}

/** `--provider` only when given: HyperSDK's default (kubevirt) is hyperctl's too. */
const provider = (f: K8sFlags) => passString(f, "provider");

/** `schedule create NAME --cron S --vm V` plus destination and provider (both schedule ops). */
function scheduleCreate(f: K8sFlags, spec: OpSpec): string[] {
  return [
    "schedule",
    "create",
    nameArg(f, "name"),
    "--cron",
    f.str("schedule"),
    "--vm",
    f.str("vm"),
    ...destination(f, spec),
    ...provider(f),
  ];
}

/** Backup, schedule, restore, backup-schedule and status ops, in HyperSDK's order. */
export const BACKUP_OPS: readonly OpSpec[] = [
  {
    op: "status",
    group: "cluster",
    required: [],
    example: "-op status -json",
    command: "status",
    // HyperSDK hard-coded the CRDs as installed and exited 0 when the cluster was unreachable;
    // hyperctl checks them and exits 1.
    translate: () => ["status"],
    output: json,
  },
  {
    op: "backup-list",
    group: "backups",
    required: [],
    example: "-op backup-list",
    command: "backup list",
    translate: () => ["backup", "list"],
    output: json,
    listing: true,
  },
  {
    op: "backup-get",
    group: "backups",
    required: ["name"],
    example: "-op backup-get -name db-backup-1",
    command: "backup get NAME",
    translate: (f) => ["backup", "get", nameArg(f, "name")],
    output: json,
  },
  {
    op: "backup-create",
    group: "backups",
    required: ["vm"],
    example: "-op backup-create -vm db -bucket backups",
    command: "backup create VM --dest-type T [--bucket B] [--provider P] [--carbon-aware]",
    // -bucket stays required except for local/nfs, which have no bucket.
    translate: (f, spec) => [
      "backup",
      "create",
      nameArg(f, "vm"),
      ...destination(f, spec),
      ...provider(f),
      ...passBool(f, "carbon-aware"),
      ...waitFlags(f),
    ],
    output: alwaysJson,
  },
  {
    op: "backup-delete",
    group: "backups",
    required: ["name"],
    example: "-op backup-delete -name db-backup-1 -force",
    command: "backup delete NAME [--yes]",
    // HyperSDK claimed a delete it never did. A prompt needs a terminal, as HyperSDK's did.
    translate: (f) => ["backup", "delete", nameArg(f, "name"), ...yes(f)],
  },
  {
    op: "schedule-list",
    group: "schedules",
    required: [],
    example: "-op schedule-list",
    command: "schedule list",
    translate: () => ["schedule", "list"],
    output: json,
    listing: true,
  },
  {
    op: "schedule-create",
    group: "schedules",
    required: ["name", "schedule", "vm"],
    example: '-op schedule-create -name nightly -schedule "0 2 * * *" -vm db -bucket backups',
    command: "schedule create NAME --cron S --vm V --dest-type T [--bucket B] [--provider P]",
    // HyperSDK's timezone UTC and concurrencyPolicy Forbid are hyperctl's defaults.
    translate: scheduleCreate,
    output: alwaysJson,
  },
  {
    op: "restore-list",
    group: "restores",
    required: [],
    example: "-op restore-list",
    command: "restore list",
    translate: () => ["restore", "list"],
    output: json,
    listing: true,
  },
  {
    op: "restore-create",
    group: "restores",
    required: ["backup", "vm"],
    example: "-op restore-create -backup db-backup-1 -vm db-restored -power-on",
    command: "restore create --backup B --vm V [--power-on] [--provider P]",
    translate: (f) => [
      "restore",
      "create",
      "--backup",
      f.str("backup"),
      "--vm",
      f.str("vm"),
      ...passBool(f, "power-on"),
      ...provider(f),
      ...waitFlags(f),
    ],
    output: alwaysJson,
  },
  // VMBackupSchedule has no CRD, so these four map to BackupSchedule: a schedule of BackupJobs
  // for one VM to a destination, where VMBackupSchedule made VMSnapshots of selected VMs.
  {
    op: "backup-schedule-create",
    group: "backup schedules (VMBackupSchedule, mapped to BackupSchedule)",
    required: ["name", "schedule"],
    example:
      '-op backup-schedule-create -name nightly -schedule "0 2 * * *" -vm db -bucket backups',
    command: "schedule create NAME --cron S --vm V --dest-type T [--bucket B] --keep-successful N",
    // Only the values BackupJobs cannot express are rejected; the defaults (no memory, quiesce)
    // are accepted so scripts that spell them out keep working.
    reject: (f) => {
      if (f.bool("include-memory-backup")) {
        unsupported("-include-memory-backup", "a BackupJob has no memory state (use snapshots)");
      }
      if (!f.bool("quiesce-backup")) {
        unsupported("-quiesce-backup=false", "a BackupJob cannot turn quiescing off");
      }
    },
    // -keep-last N (default 7, always sent as HyperSDK did) → --keep-successful N, the number
    // of finished BackupJobs kept. -vm is required: a BackupSchedule backs up exactly one VM.
    translate: (f, spec) => {
      if (!f.present("vm")) throw missingFlag(spec, "vm", " (a BackupSchedule backs up one VM)");
      return [...scheduleCreate(f, spec), "--keep-successful", String(f.int("keep-last"))];
    },
    output: { flag: "output", read: false, dflt: MANIFEST_OUTPUT_DEFAULT },
  },
  {
    op: "backup-schedule-list",
    group: "backup schedules (VMBackupSchedule, mapped to BackupSchedule)",
    required: [],
    example: "-op backup-schedule-list",
    command: "schedule list",
    translate: () => ["schedule", "list"],
    output: { flag: "output", read: true },
    listing: true,
  },
  {
    op: "backup-schedule-get",
    group: "backup schedules (VMBackupSchedule, mapped to BackupSchedule)",
    required: ["name"],
    example: "-op backup-schedule-get -name nightly",
    command: "schedule get NAME -o yaml",
    translate: (f) => ["schedule", "get", nameArg(f, "name")],
    output: { flag: "output", read: true, dflt: "yaml" },
  },
  {
    op: "backup-schedule-delete",
    group: "backup schedules (VMBackupSchedule, mapped to BackupSchedule)",
    required: ["name"],
    example: "-op backup-schedule-delete -name nightly -force",
    command: "schedule delete NAME [--yes]",
    translate: (f) => ["schedule", "delete", nameArg(f, "name"), ...yes(f)],
  },
];
