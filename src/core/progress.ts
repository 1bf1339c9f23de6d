/**
 * What a wait shows about an object: phase, percentage and message, per kind.
 *
 * VMOperation reports `status.progress` (integer) and `status.message`; Backup/RestoreJob report
 * `status.progress.percentage` (float) and `currentPhase`, with `status.error` on failure;
 * VMSnapshot has no percentage. HyperSDK's CLI read progress as a float from an int and the
 * nonexistent `status.error` of VMOperation (reference §2.6); these readers accept both shapes.
 * @module
 */

import type { KindInfo } from "./kinds.ts";
import { getNumber, getString, type KubeObject, phaseOf } from "./types.ts";

/** The visible state of one awaited object. */
export interface ProgressState {
  phase?: string;
  /** 0–100 when the kind reports it. */
  percent?: number;
  message?: string;
}

/**
 * Read the progress of `obj` (undefined = not created yet or gone).
 *
 * @example
 * ```ts
 * import { deepStrictEqual } from "node:assert/strict";
 * import { kindByNoun } from "./kinds.ts";
 * import { progressOf } from "./progress.ts";
 * const op = { status: { phase: "Running", progress: 60, message: "Migrating VM..." } };
 * deepStrictEqual(progressOf(kindByNoun("op"), op), {
 *   phase: "Running", percent: 60, message: "Migrating VM...",
 * });
 * ```
 */
export function progressOf(kind: KindInfo, obj: KubeObject | undefined): ProgressState {
  if (obj === undefined) return {};
  const phase = phaseOf(obj);
  switch (kind.noun) {
    case "backup":
    case "restore": {
      const percent = getNumber(obj, ["status", "progress", "percentage"]);
      const message = getString(obj, ["status", "error"]) ??
        getString(obj, ["status", "progress", "currentPhase"]);
      return clean({ phase, percent, message });
    }
    case "snapshot": {
      const ready = obj.status && (obj.status as { readyToRestore?: unknown }).readyToRestore;
      const size = getString(obj, ["status", "size"]);
      const message = ready === true ? `ready to restore${size ? `, ${size}` : ""}` : undefined;
      return clean({ phase, message });
    }
    default: {
      const percent = getNumber(obj, ["status", "progress"]);
      const message = getString(obj, ["status", "message"]);
      return clean({ phase, percent, message });
    }
  }
}

function clean(state: ProgressState): ProgressState {
  const out: ProgressState = {};
  if (state.phase !== undefined) out.phase = state.phase;
  if (state.percent !== undefined) out.percent = Math.min(100, Math.max(0, state.percent));
  if (state.message !== undefined && state.message !== "") out.message = state.message;
  return out;
}
