/**
 * What a reconcile function asks the driver to do: data, so reconcilers stay pure and testable.
 * @module
 */

import type { KubeObject } from "../../core/types.ts";
import type { JobDefinition } from "./job_definition.ts";
import type { KindName } from "./resources.ts";

/** Identifies one object. */
export interface ObjectRef {
  kind: KindName;
  namespace: string;
  name: string;
}

/** One write (or job submission) the driver performs, in order. */
export type Action =
  /** Merge-patch the status subresource; `null` values remove fields. */
  | { type: "patchStatus"; ref: ObjectRef; status: Record<string, unknown> }
  /** Merge-patch the main resource (spec, metadata). */
  | { type: "patchSpec"; ref: ObjectRef; patch: Record<string, unknown>; errorPrefix?: string }
  /**
   * Create an object. With `createdBy`, an AlreadyExists for an object carrying the same
   * `sim.hypersdk.io/created-by` annotation counts as success, so a retried step is idempotent.
   */
  | { type: "create"; kind: KindName; object: KubeObject; createdBy?: string; errorPrefix?: string }
  /** Delete; NotFound counts as success. */
  | { type: "delete"; ref: ObjectRef; errorPrefix?: string }
  /** Hand a job to the in-process job runner (ignored when the id is already known). */
  | { type: "submitJob"; definition: JobDefinition }
  /** Serve the VM's VNC console on a loopback port, then publish the port in `status.vnc`. */
  | { type: "openConsole"; ref: ObjectRef }
  /** Stop serving the VM's VNC console (its connections close). */
  | { type: "closeConsole"; ref: ObjectRef }
  /** Record an Event about an object, as a controller's event recorder does; best effort. */
  | { type: "recordEvent"; event: EventNote };

/** What an Event says about one object (the recorder adds name, time and reporter). */
export interface EventNote {
  regarding: ObjectRef & { uid?: string };
  type: "Normal" | "Warning";
  reason: string;
  note: string;
}

/** The result of one reconcile: one step of the object's state machine. */
export interface Plan {
  /** Applied in order; after them the driver reconciles the object again, one pace later. */
  actions: Action[];
  /**
   * What to write instead when an action fails for good; gets `<errorPrefix><server message>`.
   * Without it, a failed action is logged and the step retried later.
   */
  fail?: (message: string) => Action[];
  /**
   * Reconcile again even without changes: `"pace"` one pace step later (waiting on another
   * object; counts as pending work), or after `afterMs` as a long timer (expiry, cron) that
   * `idle()` ignores.
   */
  requeue?: "pace" | { afterMs: number };
  /**
   * Objects this decision found missing in the cache. The driver reads them from the server
   * before acting, because watches of different kinds lag each other; if one exists after all
   * it reconciles again with it.
   */
  missing?: ObjectRef[];
}

/** The created-by annotation that makes `create` actions idempotent. */
export const CREATED_BY_ANNOTATION = "sim.hypersdk.io/created-by";

/** A plan that waits one pace step and looks again. */
export const WAIT: Plan = { actions: [], requeue: "pace" };

/** A plan that does nothing. */
export const NOTHING: Plan = { actions: [] };

/** Shorthand for a status merge patch. */
export function patchStatus(ref: ObjectRef, status: Record<string, unknown>): Action {
  return { type: "patchStatus", ref, status };
}

/** Shorthand for a main-resource merge patch. */
export function patchSpec(ref: ObjectRef, patch: Record<string, unknown>): Action {
  return { type: "patchSpec", ref, patch };
}
