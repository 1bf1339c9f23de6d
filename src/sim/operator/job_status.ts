/**
 * Mirror a runner job into a BackupJob/RestoreJob status: progress while it runs, the terminal
 * phase when it ends. Shared by both controllers.
 * @module
 */

import { getNumber, getPath, getString, type KubeObject } from "../../core/types.ts";
import { setCondition } from "./conditions.ts";
import type { RunnerJob } from "./job_runner.ts";
import { rfc3339 } from "./time.ts";

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

/** Status of a job that ended Failed (or Cancelled) in the runner. */
export function failedStatus(
  obj: KubeObject,
  error: string,
  reason: string,
  now: number,
  phase: "Failed" | "Cancelled" = "Failed",
): Record<string, unknown> {
  let conditions = setCondition(getPath(obj, ["status", "conditions"]), {
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
