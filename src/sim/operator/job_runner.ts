/**
 * A tiny in-process stand-in for the HyperSDK daemon's job manager (reference §3.5).
 *
 * BackupJob/RestoreJob reconcilers submit a JobDefinition; the runner advances each job through its
 * phases on timers (one step per pace tick) and reports every change, so the controllers have real
 * progress to mirror into `status.progress` instead of the reference's no-op monitor.
 * @module
 */

import type { JobDefinition } from "./job_definition.ts";

/** Job states with the daemon's lower-case names. */
export type JobStatus = "pending" | "running" | "completed" | "failed" | "cancelled";

/** A job as the runner tracks it (daemon field names). */
export interface RunnerJob {
  id: string;
  definition: JobDefinition;
  status: JobStatus;
  progress: {
    phase: string;
    percent_complete: number;
    bytes_transferred: number;
    total_bytes: number;
    /** Milliseconds until the job should finish at the current pace. */
    estimated_remaining_ms: number;
  };
  result?: { output_path: string; total_size: number };
  error?: string;
  started_at: number;
  completed_at?: number;
}

/** Options of `createJobRunner`. */
export interface JobRunnerOptions {
  /** Delay before each step, in ms. */
  stepMs: () => number;
  now: () => number;
  /** Called after every change of a job (a copy; safe to keep). */
  onChange: (job: RunnerJob) => void;
}

/** The runner's surface. */
export interface JobRunner {
  /** Start a job; a known id is ignored (submission is idempotent). Returns the id. */
  submit(definition: JobDefinition): string;
  get(id: string): RunnerJob | undefined;
  cancel(id: string): void;
  /** True while some job still has a step scheduled. */
  busy(): boolean;
  /** Clear all timers; jobs stay where they are. */
  stop(): void;
}

/** Phase and percentage after each step, per operation. */
export const JOB_STEPS: Record<"backup" | "restore", readonly [string, number][]> = {
  backup: [
    ["connecting", 5],
    ["exporting", 25],
    ["exporting", 45],
    ["exporting", 65],
    ["exporting", 80],
    ["uploading", 90],
    ["uploading", 100],
  ],
  restore: [
    ["connecting", 5],
    ["downloading", 30],
    ["downloading", 60],
    ["importing", 80],
    ["importing", 100],
  ],
};

/** Progress at which an injected fault strikes: the job fails or stops before passing it. */
const FAULT_AT_PERCENT = 40;

/** Create a job runner. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const jobs = new Map<string, RunnerJob>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const copy = (job: RunnerJob): RunnerJob => structuredClone(job);

  const schedule = (id: string, index: number) => {
    const timer = setTimeout(() => {
      timers.delete(id);
      advance(id, index);
    }, options.stepMs());
    timers.set(id, timer);
  };

  const advance = (id: string, index: number) => {
    const job = jobs.get(id);
    if (!job || job.status !== "pending" && job.status !== "running") return;
    const steps = JOB_STEPS[job.definition.sim.operation];
    const [phase, percent] = steps[index];
    const fault = job.definition.sim.fault;
    if (fault && percent > FAULT_AT_PERCENT) {
      if (fault === "hang") {
        // No timer: the job sits at its current step forever. Report anyway so waiters on
        // "nothing pending" see the runner go quiet.
        options.onChange(copy(job));
        return;
      }
      job.status = "failed";
      job.error = job.definition.sim.faultMessage ?? "injected fault";
      job.completed_at = options.now();
      options.onChange(copy(job));
      return;
    }
    const total = job.definition.sim.totalBytes;
    job.status = "running";
    job.progress = {
      phase,
      percent_complete: percent,
      bytes_transferred: Math.round(total * percent / 100),
      total_bytes: total,
      estimated_remaining_ms: (steps.length - 1 - index) * options.stepMs(),
    };
    if (index === steps.length - 1) {
      job.status = "completed";
      job.completed_at = options.now();
      job.result = { output_path: job.definition.output_path, total_size: total };
    } else {
      schedule(id, index + 1);
    }
    options.onChange(copy(job));
  };

  return {
    submit(definition) {
      if (jobs.has(definition.id)) return definition.id;
      jobs.set(definition.id, {
        id: definition.id,
        definition,
        status: "pending",
        progress: {
          phase: "pending",
          percent_complete: 0,
          bytes_transferred: 0,
          total_bytes: definition.sim.totalBytes,
          estimated_remaining_ms: 0,
        },
        started_at: options.now(),
      });
      schedule(definition.id, 0);
      return definition.id;
    },
    get(id) {
      const job = jobs.get(id);
      return job && copy(job);
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job || job.status === "completed" || job.status === "failed") return;
      clearTimeout(timers.get(id));
      timers.delete(id);
      job.status = "cancelled";
      job.completed_at = options.now();
      options.onChange(copy(job));
    },
    busy: () => timers.size > 0,
    stop() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
