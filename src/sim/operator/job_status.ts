/**
 * Mirror a runner job into a BackupJob/RestoreJob status: Pending when accepted, Running when
 * submitted, progress while it runs, the terminal phase when it ends. Shared by both
 * controllers, whose lifecycles differ only in their words ("Backup" vs "Restore").
 * @module
 */

import { getNumber, getPath, getString, type KubeObject } from "../../core/types.ts";
import { setCondition } from "./conditions.ts";
import type { JobDefinition } from "./job_definition.ts";
import type { RunnerJob } from "./job_runner.ts";
import { rfc3339 } from "./time.ts";

/** The word a job kind's reasons and messages are built from (`BackupStarted`, …). */
export type JobVerb = "Backup" | "Restore";

const conditionsOf = (obj: KubeObject) => getPath(obj, ["status", "conditions"]);

/** `status.progress` for a runner job (BackupProgress shape). */
export function progressOf(job: RunnerJob, now: number): Record<string, unknown> {
  return {
    percentage: job.progress.percent_complete,
    bytesTransferred: job.progress.bytes_transferred,
    totalBytes: job.progress.total_bytes,
    currentPhase: job.progress.phase,
    estimatedCompletion: rfc3339(now + job.progress.estimated_remaining_ms),
  };
}

/** True when the status already shows the job's current progress. */
export function progressShown(obj: KubeObject, job: RunnerJob): boolean {
  return getNumber(obj, ["status", "progress", "percentage"]) === job.progress.percent_complete &&
    getString(obj, ["status", "progress", "currentPhase"]) === job.progress.phase;
}

/** Status of a job the controller has just accepted: Pending, Initialized. */
export function pendingStatus(
  job: KubeObject,
  verb: JobVerb,
  now: number,
): Record<string, unknown> {
  return {
    phase: "Pending",
    startTime: rfc3339(now),
    progress: { percentage: 0, currentPhase: "Initializing" },
    conditions: setCondition(conditionsOf(job), {
      type: "Initialized",
      status: "True",
      reason: `${verb}JobCreated`,
      message: `${verb}Job has been created and initialized`,
    }, now),
  };
}

/** Status of a job whose runner job `def` has just been submitted: Running at 0%. */
export function startedStatus(
  job: KubeObject,
  verb: JobVerb,
  def: JobDefinition,
  now: number,
): Record<string, unknown> {
  return {
    phase: "Running",
    progress: {
      percentage: 0,
      bytesTransferred: 0,
      totalBytes: def.sim.totalBytes,
      currentPhase: `${verb} in progress`,
    },
    conditions: setCondition(conditionsOf(job), {
      type: "Running",
      status: "True",
      reason: `${verb}Started`,
      message: `${verb} job started with ID: ${def.id}`,
    }, now),
  };
}

/** Status of a job whose runner job ended failed or cancelled. */
export function endedStatus(
  job: KubeObject,
  verb: JobVerb,
  run: RunnerJob,
  now: number,
): Record<string, unknown> {
  const cancelled = run.status === "cancelled";
  return failedStatus(
    job,
    run.error ?? `${verb.toLowerCase()} cancelled`,
    cancelled ? `${verb}Cancelled` : `${verb}Failed`,
    now,
    cancelled ? "Cancelled" : "Failed",
  );
}

/** What a completed job's status says besides the shared fields. */
export interface CompletedOptions {
  verb: JobVerb;
  now: number;
  /** The kind's own result fields (outputPath and size, restoredVMName, …). */
  fields: Record<string, unknown>;
  /** The Completed condition's message. */
  message: string;
}

/** Status of a job whose runner job completed: Completed, at the runner's final progress. */
export function completedStatus(
  job: KubeObject,
  run: RunnerJob,
  { verb, now, fields, message }: CompletedOptions,
): Record<string, unknown> {
  const reason = `${verb}Completed`;
  const running = setCondition(conditionsOf(job), {
    type: "Running",
    status: "False",
    reason,
    message: `${verb} finished`,
  }, now);
  return {
    phase: "Completed",
    ...fields,
    completionTime: rfc3339(now),
    progress: { ...progressOf(run, now), currentPhase: "Completed" },
    conditions: setCondition(running, { type: "Completed", status: "True", reason, message }, now),
  };
}

/** Status of a job that ended Failed (or Cancelled) in the runner. */
export function failedStatus(
  obj: KubeObject,
  error: string,
  reason: string,
  now: number,
  phase: "Failed" | "Cancelled" = "Failed",
): Record<string, unknown> {
  let conditions = setCondition(conditionsOf(obj), {
    type: "Running",
    status: "False",
    reason,
    message: error,
  }, now);
  conditions = setCondition(
    conditions,
    { type: phase, status: "True", reason, message: error },
    now,
  );
  return { phase, error, completionTime: rfc3339(now), conditions };
}
