/**
 * Injected faults, so tests and demos can see operations fail or hang on purpose.
 *
 * Two ways in: the annotation `sim.hypersdk.io/fault: fail|hang` on the object (works through any
 * client, kubectl included) and programmatic rules passed to `startOperator`.
 * @module
 */

import { getString, getStringMap, type KubeObject, nameOf } from "../../core/types.ts";
import type { KindName } from "./resources.ts";

/** What an injected fault does: end Failed, or stop advancing forever. */
export type FaultEffect = "fail" | "hang";

/** The annotation read on every object the operator drives. */
export const FAULT_ANNOTATION = "sim.hypersdk.io/fault";

/** One programmatic fault rule; every field given must match. */
export interface FaultRule {
  effect: FaultEffect;
  /** Kind of the object (`VMOperation`, `BackupJob`, …). */
  kind?: KindName;
  /** VMOperation `spec.operation` (`clone`, `migrate`, …). */
  operation?: string;
  name?: string;
  /** All of these labels must be present with these values. */
  labels?: Record<string, string>;
  /** All of these annotations must be present with these values. */
  annotations?: Record<string, string>;
  /** Message used instead of `injected fault`. */
  message?: string;
}

/** The programmatic rules, in order; the first match wins. */
export type FaultRules = readonly FaultRule[];

/** A fault that applies to an object. */
export interface Fault {
  effect: FaultEffect;
  message: string;
}

function includes(have: Record<string, string>, want: Record<string, string> | undefined): boolean {
  return Object.entries(want ?? {}).every(([k, v]) => have[k] === v);
}

/**
 * The fault injected into `obj`, if any: its annotation first, then the first matching rule.
 * Unknown annotation values are ignored rather than treated as faults.
 */
export function faultFor(obj: KubeObject, kind: KindName, rules: FaultRules): Fault | undefined {
  const annotations = getStringMap(obj, ["metadata", "annotations"]);
  const annotated = annotations[FAULT_ANNOTATION]?.trim().toLowerCase();
  if (annotated === "fail" || annotated === "hang") {
    return { effect: annotated, message: "injected fault" };
  }
  const labels = getStringMap(obj, ["metadata", "labels"]);
  const operation = getString(obj, ["spec", "operation"]);
  for (const rule of rules) {
    if (rule.kind !== undefined && rule.kind !== kind) continue;
    if (rule.operation !== undefined && rule.operation !== operation) continue;
    if (rule.name !== undefined && rule.name !== nameOf(obj)) continue;
    if (!includes(labels, rule.labels) || !includes(annotations, rule.annotations)) continue;
    return { effect: rule.effect, message: rule.message ?? "injected fault" };
  }
  return undefined;
}
