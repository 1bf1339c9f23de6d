/**
 * The Events a reconcile step records, derived from its plan: a phase change is announced with
 * a reason (Started, Succeeded, Failed…), a progress step as Progressing, an object made or
 * removed as Created/Deleted (JobCreated for a schedule) — what a real controller's recorder
 * says alongside the same writes. Each event follows the write it reports.
 * @module
 */

import {
  getNumber,
  getPath,
  getString,
  type KubeObject,
  nameOf,
  namespaceOf,
} from "../../core/types.ts";
import type { Action, EventNote, Plan } from "./plan.ts";
import type { KindName } from "./resources.ts";

/** Reason per phase entered; Warning for the phases that mean something went wrong. */
const PHASE_REASONS: Record<string, { reason: string; warning?: boolean }> = {
  Pending: { reason: "Initialized" },
  Creating: { reason: "Creating" },
  Running: { reason: "Started" },
  Stopped: { reason: "Stopped" },
  Migrating: { reason: "Migrating" },
  Paused: { reason: "Paused" },
  Succeeded: { reason: "Succeeded" },
  Completed: { reason: "Completed" },
  Ready: { reason: "Ready" },
  Expired: { reason: "Expired" },
  Deleting: { reason: "Deleting" },
  Failed: { reason: "Failed", warning: true },
  Cancelled: { reason: "Cancelled", warning: true },
  Unknown: { reason: "Unknown", warning: true },
};

/** The words of a status patch: its error, message, current phase of work or newest condition. */
function noteOf(status: Record<string, unknown>): string | undefined {
  const conditions = getPath(status, ["conditions"]);
  const newest = Array.isArray(conditions) ? conditions.at(-1) : undefined;
  return getString(status, ["error"]) ?? getString(status, ["message"]) ??
    getString(status, ["progress", "currentPhase"]) ?? getString(newest, ["message"]);
}

function percentOf(status: unknown): number | undefined {
  return getNumber(status, ["progress"]) ?? getNumber(status, ["progress", "percentage"]);
}

function statusEvent(
  kind: KindName,
  obj: KubeObject,
  status: Record<string, unknown>,
): Omit<EventNote, "regarding"> | undefined {
  const phase = getString(status, ["phase"]);
  const before = getString(obj, ["status", "phase"]);
  if (phase !== undefined && phase !== before) {
    const r = PHASE_REASONS[phase] ?? { reason: phase };
    return {
      type: r.warning ? "Warning" : "Normal",
      reason: r.reason,
      note: noteOf(status) ?? `${kind} is ${phase}`,
    };
  }
  const pct = percentOf(status);
  const note = noteOf(status);
  if (phase === undefined && pct !== undefined && pct !== percentOf(obj.status) && note) {
    return { type: "Normal", reason: "Progressing", note: `${note} (${pct}%)` };
  }
  return undefined;
}

function eventFor(
  kind: KindName,
  obj: KubeObject,
  action: Action,
): Omit<EventNote, "regarding"> | undefined {
  const self = (ref: { kind: string; namespace: string; name: string }) =>
    ref.kind === kind && ref.namespace === namespaceOf(obj) && ref.name === nameOf(obj);
  switch (action.type) {
    case "patchStatus":
      return self(action.ref) ? statusEvent(kind, obj, action.status) : undefined;
    case "create":
      return {
        type: "Normal",
        reason: kind === "BackupSchedule" ? "JobCreated" : "Created",
        note: `Created ${action.kind} ${namespaceOf(action.object)}/${nameOf(action.object)}`,
      };
    case "delete":
      return self(action.ref) ? undefined : {
        type: "Normal",
        reason: "Deleted",
        note: `Deleted ${action.ref.kind} ${action.ref.namespace}/${action.ref.name}`,
      };
    default:
      return undefined;
  }
}

/** `actions` with an event after each write worth one, about `obj` of `kind`. */
function withEventActions(kind: KindName, obj: KubeObject, actions: Action[]): Action[] {
  const regarding = {
    kind,
    namespace: namespaceOf(obj),
    name: nameOf(obj),
    uid: getString(obj, ["metadata", "uid"]),
  };
  return actions.flatMap((action) => {
    const event = eventFor(kind, obj, action);
    return event
      ? [action, { type: "recordEvent" as const, event: { regarding, ...event } }]
      : [action];
  });
}

/**
 * The plan with its Events: after each write of `plan` (and of its failure path) that a real
 * controller would announce, a `recordEvent` action about `obj`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { planWithEvents } from "./plan_events.ts";
 * const op = { metadata: { name: "web-1-start-x", namespace: "dev", uid: "u1" }, status: { phase: "Pending" } };
 * const ref = { kind: "VMOperation" as const, namespace: "dev", name: "web-1-start-x" };
 * const plan = planWithEvents("VMOperation", op, {
 *   actions: [{ type: "patchStatus", ref, status: { phase: "Running", message: "Starting start operation" } }],
 * });
 * const ev = plan.actions[1];
 * equal(ev.type === "recordEvent" && `${ev.event.reason}: ${ev.event.note}`, "Started: Starting start operation");
 * ```
 */
export function planWithEvents(kind: KindName, obj: KubeObject, plan: Plan): Plan {
  const fail = plan.fail;
  return {
    ...plan,
    actions: withEventActions(kind, obj, plan.actions),
    ...(fail ? { fail: (message: string) => withEventActions(kind, obj, fail(message)) } : {}),
  };
}
