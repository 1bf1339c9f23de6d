/**
 * The plan steps BackupJob and RestoreJob share around their runner job: submit it and mark the
 * object Running, then follow the runner until it completes. What completion means is each
 * controller's own (an output path, or a restored VM).
 * @module
 */

import type { KubeObject } from "../../core/types.ts";
import type { JobDefinition } from "./job_definition.ts";
import type { RunnerJob } from "./job_runner.ts";
import {
  endedStatus,
  type JobVerb,
  progressOf,
  progressShown,
  startedStatus,
} from "./job_status.ts";
import { NOTHING, type ObjectRef, patchStatus, type Plan } from "./plan.ts";

/** Hand `def` to the runner and mark `job` Running at 0%. */
export function startRunner(
  ref: ObjectRef,
  job: KubeObject,
  verb: JobVerb,
  def: JobDefinition,
  now: number,
): Plan {
  return {
    actions: [
      { type: "submitJob", definition: def },
      patchStatus(ref, startedStatus(job, verb, def, now)),
    ],
  };
}

/**
 * One step of a Running job: submit its runner job again if the runner lost it (it lives in
 * memory, so an operator restart forgets it), end the job with a failed or cancelled runner, show
 * new progress while it runs; or, once the runner completed, hand that runner job back.
 */
export function followRunner(
  ref: ObjectRef,
  job: KubeObject,
  verb: JobVerb,
  run: RunnerJob | undefined,
  definition: () => JobDefinition,
  now: number,
): { plan: Plan } | { completed: RunnerJob } {
  if (!run) return { plan: { actions: [{ type: "submitJob", definition: definition() }] } };
  if (run.status === "completed") return { completed: run };
  if (run.status === "failed" || run.status === "cancelled") {
    return { plan: { actions: [patchStatus(ref, endedStatus(job, verb, run, now))] } };
  }
  if (run.status === "pending" || progressShown(job, run)) return { plan: NOTHING };
  return { plan: { actions: [patchStatus(ref, { progress: progressOf(run, now) })] } };
}
