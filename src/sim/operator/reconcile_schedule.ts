/**
 * BackupSchedule (reference §3.3), working: fires on every cron time after creation (never
 * immediately for a time that is not due), honours suspend, concurrencyPolicy,
 * startingDeadlineSeconds and the history limits, and keeps status.active accurate.
 * @module
 */

import {
  getBoolean,
  getNumber,
  getPath,
  getString,
  getStringMap,
  type KubeObject,
  nameOf,
  namespaceOf,
} from "../../core/types.ts";
import { findCondition, setCondition } from "./conditions.ts";
import { parseCron } from "./cron.ts";
import {
  type Action,
  CREATED_BY_ANNOTATION,
  NOTHING,
  type ObjectRef,
  patchStatus,
  type Plan,
} from "./plan.ts";
import { API_VERSION } from "./resources.ts";
import { parseTime, rfc3339 } from "./time.ts";
import type { World } from "./world.ts";

/** Label that ties a BackupJob to its schedule. */
export const SCHEDULE_LABEL = "hypersdk.io/schedule";
const FINISHED = new Set(["Completed", "Failed", "Cancelled"]);

/** BackupJob name for a scheduled time: unix minutes (seconds for sub-minute schedules). */
export function scheduledJobName(schedule: string, at: number): string {
  const seconds = Math.floor(at / 1000);
  return `${schedule}-${seconds % 60 === 0 ? seconds / 60 : seconds}`;
}

/** The schedule's BackupJobs, oldest first. */
export function scheduleJobs(s: KubeObject, world: World): KubeObject[] {
  return world.list("BackupJob", namespaceOf(s))
    .filter((j) => getStringMap(j, ["metadata", "labels"])[SCHEDULE_LABEL] === nameOf(s))
    .sort((a, b) => jobTime(a) - jobTime(b) || (nameOf(a) < nameOf(b) ? -1 : 1));
}

function jobTime(j: KubeObject): number {
  return parseTime(getString(j, ["status", "completionTime"])) ??
    parseTime(getString(j, ["metadata", "annotations", "hypersdk.io/scheduled-at"])) ??
    parseTime(getString(j, ["metadata", "creationTimestamp"])) ?? 0;
}

function jobRef(j: KubeObject): ObjectRef {
  return { kind: "BackupJob", namespace: namespaceOf(j), name: nameOf(j) };
}

/** One step of a BackupSchedule. */
export function reconcileSchedule(s: KubeObject, world: World): Plan {
  if (getString(s, ["metadata", "deletionTimestamp"])) return NOTHING;
  const ref: ObjectRef = { kind: "BackupSchedule", namespace: namespaceOf(s), name: nameOf(s) };
  const now = world.now;
  const status: Record<string, unknown> = {};
  const actions: Action[] = [];
  let requeue: Plan["requeue"];

  // Bookkeeping: finished jobs leave `active`; the oldest beyond the history limits are deleted.
  const jobs = scheduleJobs(s, world);
  const succeeded = jobs.filter((j) => getString(j, ["status", "phase"]) === "Completed");
  const failed = jobs.filter((j) => {
    const p = getString(j, ["status", "phase"]) ?? "";
    return FINISHED.has(p) && p !== "Completed";
  });
  let active = jobs.filter((j) => !FINISHED.has(getString(j, ["status", "phase"]) ?? ""));
  const keepOk = getNumber(s, ["spec", "successfulJobsHistoryLimit"]) ?? 3;
  const keepFailed = getNumber(s, ["spec", "failedJobsHistoryLimit"]) ?? 1;
  for (const j of succeeded.slice(0, Math.max(0, succeeded.length - keepOk))) {
    actions.push({ type: "delete", ref: jobRef(j) });
  }
  for (const j of failed.slice(0, Math.max(0, failed.length - keepFailed))) {
    actions.push({ type: "delete", ref: jobRef(j) });
  }
  const lastOk = Math.max(
    parseTime(getString(s, ["status", "lastSuccessfulTime"])) ?? 0,
    ...succeeded.map((j) => parseTime(getString(j, ["status", "completionTime"])) ?? 0),
  );
  if (lastOk > 0) status.lastSuccessfulTime = rfc3339(lastOk);

  const pattern = getString(s, ["spec", "schedule"]) ?? "";
  const timezone = getString(s, ["spec", "timezone"]) || "UTC";
  let cron;
  try {
    cron = parseCron(pattern, timezone);
  } catch (e) {
    const message = (e as Error).message;
    if (findCondition(s.status, "Valid")?.message !== message) {
      status.conditions = setCondition(getPath(s, ["status", "conditions"]), {
        type: "Valid",
        status: "False",
        reason: "InvalidSchedule",
        message,
      }, now);
    }
  }

  if (cron && !(getBoolean(s, ["spec", "suspend"]) ?? false)) {
    const since = parseTime(getString(s, ["status", "lastScheduleTime"])) ??
      parseTime(getString(s, ["metadata", "creationTimestamp"])) ?? now;
    const due = cron.latestAtOrBefore(now);
    if (due !== undefined && due > since) {
      status.lastScheduleTime = rfc3339(due);
      const deadline = getNumber(s, ["spec", "startingDeadlineSeconds"]);
      const policy = getString(s, ["spec", "concurrencyPolicy"]) ?? "Forbid";
      const missed = deadline !== undefined && now > due + deadline * 1000;
      // Forbid skips this run (recorded in lastScheduleTime) instead of starting it late.
      const skip = missed || policy === "Forbid" && active.length > 0;
      if (!skip) {
        if (policy === "Replace") {
          for (const j of active) actions.push({ type: "delete", ref: jobRef(j) });
          active = [];
        }
        actions.push({
          type: "create",
          kind: "BackupJob",
          object: scheduledJob(s, due),
          createdBy: createdBy(s),
        });
      }
    }
    const next = cron.nextAfter(Math.max(now, due ?? 0));
    if (next !== undefined) requeue = { afterMs: Math.max(0, next - now) };
  }

  status.active = active.map((j) => ({
    name: nameOf(j),
    namespace: namespaceOf(j),
    uid: getString(j, ["metadata", "uid"]) ?? "",
  }));
  const current = (s.status ?? {}) as Record<string, unknown>;
  const changed = Object.entries(status).some(([k, v]) =>
    JSON.stringify(current[k] ?? (k === "active" ? [] : undefined)) !== JSON.stringify(v)
  );
  if (changed) actions.push(patchStatus(ref, status));
  return { actions, requeue };
}

function createdBy(s: KubeObject): string {
  return `BackupSchedule/${namespaceOf(s)}/${nameOf(s)}`;
}

/** The BackupJob a schedule creates for the time `at`. */
export function scheduledJob(s: KubeObject, at: number): KubeObject {
  const uid = getString(s, ["metadata", "uid"]);
  return {
    apiVersion: API_VERSION,
    kind: "BackupJob",
    metadata: {
      name: scheduledJobName(nameOf(s), at),
      namespace: namespaceOf(s),
      labels: {
        ...getStringMap(s, ["spec", "jobTemplate", "metadata", "labels"]),
        app: "hypersdk",
        [SCHEDULE_LABEL]: nameOf(s),
        "hypersdk.io/scheduled-backup": "true",
      },
      annotations: {
        ...getStringMap(s, ["spec", "jobTemplate", "metadata", "annotations"]),
        "hypersdk.io/scheduled-at": rfc3339(at),
        [CREATED_BY_ANNOTATION]: createdBy(s),
      },
      ...(uid
        ? {
          ownerReferences: [{
            apiVersion: API_VERSION,
            kind: "BackupSchedule",
            name: nameOf(s),
            uid,
            controller: true,
            blockOwnerDeletion: true,
          }],
        }
        : {}),
    },
    spec: structuredClone(getPath(s, ["spec", "jobTemplate", "spec"]) ?? {}),
  };
}
