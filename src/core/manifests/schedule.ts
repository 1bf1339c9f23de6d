/**
 * `schedule create NAME --cron … --vm VM …`: flags → BackupSchedule whose jobTemplate.spec is the
 * BackupJob spec `backup create` would build, plus the suspend/resume merge patch.
 * @module
 */

import { InputError } from "../input_error.ts";
import {
  type BackupJobSpec,
  type BackupSpecFlags,
  type BackupSpecOptions,
  buildBackupJobSpec,
  parseBackupSpec,
} from "./backup.ts";
import { validateCron, validateTimezone } from "./cron.ts";
import {
  checkName,
  type Manifest,
  manifest,
  parseBoolFlag,
  parseEnum,
  parseIntFlag,
  vmLabels,
} from "./_common.ts";
import { parseDuration } from "../duration.ts";

/** Label naming the BackupSchedule that created a BackupJob. */
export const SCHEDULE_LABEL = "hypersdk.io/schedule";
/** Concurrency policies of the BackupSchedule CRD. */
export const CONCURRENCY_POLICIES = ["Forbid", "Allow", "Replace"] as const;
/** One concurrency policy. */
export type ConcurrencyPolicy = typeof CONCURRENCY_POLICIES[number];
/** Largest history limit accepted; more is a typo and would keep thousands of finished jobs. */
export const MAX_HISTORY = 1000;

/** Raw `schedule create` flags. */
export interface ScheduleCreateFlags extends BackupSpecFlags {
  cron?: string;
  vm?: string;
  /** @default "UTC" */
  timezone?: string;
  /** @default "Forbid" */
  concurrency?: string;
  suspend?: boolean | string;
  keepSuccessful?: string;
  keepFailed?: string;
  /** Seconds (`300`) or a duration (`5m`). */
  startingDeadline?: string;
}

/** Validated `schedule create` options. */
export interface ScheduleCreateOptions {
  name: string;
  cron: string;
  timezone: string;
  concurrencyPolicy: ConcurrencyPolicy;
  suspend: boolean;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  startingDeadlineSeconds?: number;
  /** What each run backs up, and where; `backup.namespace` is the schedule's namespace too. */
  backup: BackupSpecOptions;
}

/** The BackupSchedule spec fields hyperctl writes. */
export interface BackupScheduleSpec {
  schedule: string;
  timezone: string;
  suspend: boolean;
  concurrencyPolicy: ConcurrencyPolicy;
  startingDeadlineSeconds?: number;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate: { metadata?: { labels: Record<string, string> }; spec: BackupJobSpec };
}

/** `--starting-deadline`: whole seconds, or a duration such as `5m` (also whole seconds). */
function parseStartingDeadline(raw: string): number {
  if (/^\s*[+-]?\d+\s*$/.test(raw)) {
    return parseIntFlag("--starting-deadline", raw, 1, Number.MAX_SAFE_INTEGER);
  }
  let ms: number;
  try {
    ms = parseDuration(raw);
  } catch {
    throw new InputError(
      `--starting-deadline ${JSON.stringify(raw)} must be seconds (as in "300") or a duration ` +
        `(as in "5m")`,
    );
  }
  if (ms < 1000 || ms % 1000 !== 0) {
    throw new InputError(
      `--starting-deadline must be a whole number of seconds of at least 1, got ${
        JSON.stringify(raw)
      }`,
    );
  }
  return ms / 1000;
}

/**
 * Parse `schedule create NAME --cron EXPR --vm VM --dest-type T …`. The cron expression and time
 * zone are validated here, so nothing is sent for a schedule that could never fire.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScheduleCreate } from "./schedule.ts";
 * const o = parseScheduleCreate("nightly", {
 *   namespace: "d", cron: "0 2 * * *", vm: "db", destType: "s3", bucket: "b",
 * });
 * assert.equal(o.timezone, "UTC");
 * ```
 */
export function parseScheduleCreate(
  name: string | undefined,
  flags: ScheduleCreateFlags,
): ScheduleCreateOptions {
  const schedule = checkName(name, "schedule name", "schedule create needs a schedule name");
  if (flags.cron === undefined) {
    throw new InputError(`schedule create needs --cron (as in "0 2 * * *")`);
  }
  const cron = validateCron(flags.cron);
  const timezone = flags.timezone === undefined ? "UTC" : validateTimezone(flags.timezone);
  if (flags.vm === undefined) throw new InputError("schedule create needs --vm");
  const backup = parseBackupSpec(flags.vm, flags, "schedule create");
  const keepSuccessful = flags.keepSuccessful === undefined
    ? undefined
    : parseIntFlag("--keep-successful", flags.keepSuccessful, 0, MAX_HISTORY);
  const keepFailed = flags.keepFailed === undefined
    ? undefined
    : parseIntFlag("--keep-failed", flags.keepFailed, 0, MAX_HISTORY);
  const deadline = flags.startingDeadline === undefined
    ? undefined
    : parseStartingDeadline(flags.startingDeadline);
  return {
    name: schedule,
    cron,
    timezone,
    concurrencyPolicy: flags.concurrency === undefined
      ? "Forbid"
      : parseEnum("--concurrency", flags.concurrency, CONCURRENCY_POLICIES),
    suspend: parseBoolFlag("--suspend", flags.suspend) ?? false,
    ...(keepSuccessful !== undefined && { successfulJobsHistoryLimit: keepSuccessful }),
    ...(keepFailed !== undefined && { failedJobsHistoryLimit: keepFailed }),
    ...(deadline !== undefined && { startingDeadlineSeconds: deadline }),
    backup,
  };
}

/**
 * Build the BackupSchedule manifest; its jobs are labelled with the VM and the schedule.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildBackupSchedule, parseScheduleCreate } from "./schedule.ts";
 * const m = buildBackupSchedule(parseScheduleCreate("nightly", {
 *   namespace: "d", cron: "0 2 * * *", vm: "db", destType: "local",
 * }));
 * assert.equal(m.spec.jobTemplate.spec.source.vmName, "db");
 * ```
 */
export function buildBackupSchedule(options: ScheduleCreateOptions): Manifest<BackupScheduleSpec> {
  const vm = options.backup.vm;
  return manifest("BackupSchedule", {
    name: options.name,
    namespace: options.backup.namespace,
    labels: vmLabels(vm),
  }, {
    schedule: options.cron,
    timezone: options.timezone,
    suspend: options.suspend,
    concurrencyPolicy: options.concurrencyPolicy,
    startingDeadlineSeconds: options.startingDeadlineSeconds,
    successfulJobsHistoryLimit: options.successfulJobsHistoryLimit,
    failedJobsHistoryLimit: options.failedJobsHistoryLimit,
    jobTemplate: {
      metadata: { labels: vmLabels(vm, { [SCHEDULE_LABEL]: options.name }) },
      spec: buildBackupJobSpec(options.backup),
    },
  });
}

/**
 * The merge patch for `schedule suspend` (true) and `schedule resume` (false).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { suspendPatch } from "./schedule.ts";
 * assert.deepEqual(suspendPatch(true), { spec: { suspend: true } });
 * ```
 */
export function suspendPatch(suspend: boolean): { spec: { suspend: boolean } } {
  return { spec: { suspend } };
}
