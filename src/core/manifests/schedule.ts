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
  checkBackupSpec,
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
import { andThen, attempt, collect, mapValid, type Validation } from "../validation.ts";
import { ifGiven, needed } from "./flag_checks.ts";

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
  /** What each run backs up, and where (a VM in the schedule's namespace). */
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
 * Check `schedule create NAME --cron EXPR --vm VM --dest-type T …`: every problem at once. The
 * cron expression and time zone are checked here, so nothing is sent for a schedule that could
 * never fire.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orThrow } from "../validation.ts";
 * import { checkScheduleCreate } from "./schedule.ts";
 * const o = orThrow(checkScheduleCreate("nightly", {
 *   cron: "0 2 * * *", vm: "db", destType: "s3", bucket: "b",
 * }));
 * assert.equal(o.timezone, "UTC");
 * ```
 */
export function checkScheduleCreate(
  name: string | undefined,
  flags: ScheduleCreateFlags,
): Validation<ScheduleCreateOptions> {
  const checked = collect({
    name: attempt(() => checkName(name, "schedule name", "schedule create needs a schedule name")),
    cron: needed(flags.cron, `schedule create needs --cron (as in "0 2 * * *")`, validateCron),
    timezone: attempt(() =>
      flags.timezone === undefined ? "UTC" : validateTimezone(flags.timezone)
    ),
    backup: andThen(
      needed(flags.vm, "schedule create needs --vm", (vm) => vm),
      (vm) => checkBackupSpec(vm, flags, "schedule create"),
    ),
    keepSuccessful: ifGiven(
      flags.keepSuccessful,
      (v) => parseIntFlag("--keep-successful", v, 0, MAX_HISTORY),
    ),
    keepFailed: ifGiven(flags.keepFailed, (v) => parseIntFlag("--keep-failed", v, 0, MAX_HISTORY)),
    deadline: ifGiven(flags.startingDeadline, parseStartingDeadline),
    concurrencyPolicy: attempt(() =>
      flags.concurrency === undefined
        ? "Forbid"
        : parseEnum("--concurrency", flags.concurrency, CONCURRENCY_POLICIES)
    ),
    suspend: attempt(() => parseBoolFlag("--suspend", flags.suspend) ?? false),
  });
  return mapValid(checked, (v) => ({
    name: v.name,
    cron: v.cron,
    timezone: v.timezone,
    concurrencyPolicy: v.concurrencyPolicy,
    suspend: v.suspend,
    ...(v.keepSuccessful !== undefined && { successfulJobsHistoryLimit: v.keepSuccessful }),
    ...(v.keepFailed !== undefined && { failedJobsHistoryLimit: v.keepFailed }),
    ...(v.deadline !== undefined && { startingDeadlineSeconds: v.deadline }),
    backup: v.backup,
  }));
}

/**
 * Build the BackupSchedule manifest in `namespace`; its jobs are labelled with the VM and the
 * schedule.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orThrow } from "../validation.ts";
 * import { buildBackupSchedule, checkScheduleCreate } from "./schedule.ts";
 * const m = buildBackupSchedule(orThrow(checkScheduleCreate("nightly", {
 *   cron: "0 2 * * *", vm: "db", destType: "local",
 * })), "d");
 * assert.equal(m.spec.jobTemplate.spec.source.vmName, "db");
 * ```
 */
export function buildBackupSchedule(
  options: ScheduleCreateOptions,
  namespace: string,
): Manifest<BackupScheduleSpec> {
  const vm = options.backup.vm;
  return manifest("BackupSchedule", {
    name: options.name,
    namespace,
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
      spec: buildBackupJobSpec(options.backup, namespace),
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
