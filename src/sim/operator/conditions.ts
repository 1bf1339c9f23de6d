/**
 * Status conditions in the shape the HyperSDK controllers write them.
 * @module
 */

import { isRecord } from "../../core/types.ts";
import { rfc3339 } from "./time.ts";

/** One condition as stored in `status.conditions`. */
export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason: string;
  message: string;
  lastTransitionTime?: string;
}

/**
 * Return `existing` with `next` set, replacing the condition of the same type.
 *
 * lastTransitionTime only moves when the status flips, as Kubernetes' `meta.SetStatusCondition`
 * does, so re-writing an unchanged condition is a no-op for readers that diff.
 */
export function setCondition(existing: unknown, next: Condition, now: number): Condition[] {
  const list = Array.isArray(existing) ? existing.filter(isRecord) : [];
  const old = list.find((c) => c.type === next.type);
  const keepTime = old && old.status === next.status && typeof old.lastTransitionTime === "string";
  const written: Condition = {
    type: next.type,
    status: next.status,
    lastTransitionTime: keepTime ? old.lastTransitionTime as string : rfc3339(now),
    reason: next.reason,
    message: next.message,
  };
  const out = list.filter((c) => c.type !== next.type) as unknown as Condition[];
  return [...out, written];
}

/** The condition of `type` in a status, if any. */
export function findCondition(status: unknown, type: string): Record<string, unknown> | undefined {
  const list = isRecord(status) && Array.isArray(status.conditions) ? status.conditions : [];
  return list.filter(isRecord).find((c) => c.type === type);
}
