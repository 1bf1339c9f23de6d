/**
 * What each kind's phases mean for `--wait`, `op wait` and `--status` .
 *
 * Waiting is a pure predicate over "object or gone", so the watch code only feeds objects in and
 * maps the outcome to an exit code (0 succeeded, 4 failed, 1 gone).
 * @module
 */

import { InputError } from "./input_error.ts";
import { closest, didYouMean } from "./did_you_mean.ts";
import { kindByName, type KindInfo } from "./kinds.ts";
import { getBoolean, type KubeObject, phaseOf } from "./types.ts";

/** How a wait ends: still running, done, failed or cancelled, or the object was deleted. */
export type WaitOutcome = "pending" | "succeeded" | "failed" | "gone";

interface PhaseRules {
  success: readonly string[];
  failure: readonly string[];
}

const RULES: Readonly<Record<string, PhaseRules>> = {
  VMOperation: { success: ["Succeeded"], failure: ["Failed", "Cancelled"] },
  VMSnapshot: { success: ["Ready"], failure: ["Failed", "Expired"] },
  BackupJob: { success: ["Completed"], failure: ["Failed", "Cancelled"] },
  RestoreJob: { success: ["Completed"], failure: ["Failed", "Cancelled"] },
};

const kindOf = (kind: KindInfo | string): KindInfo | undefined =>
  typeof kind === "string" ? kindByName(kind) : kind;

/** The canonical spelling of a phase read from a cluster, matched case-insensitively. */
function canonical(info: KindInfo | undefined, phase: string | undefined): string | undefined {
  if (phase === undefined) return undefined;
  return info?.phases.find((p) => p.toLowerCase() === phase.toLowerCase()) ?? phase;
}

/**
 * The phases after which a kind's object never changes phase again; empty for kinds that are
 * not jobs (VMs, templates, schedules).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { terminalPhases } from "./phases.ts";
 * assert.deepEqual(terminalPhases("VMOperation"), ["Succeeded", "Failed", "Cancelled"]);
 * assert.deepEqual(terminalPhases("vm"), []);
 * ```
 */
export function terminalPhases(kind: KindInfo | string): readonly string[] {
  const rules = RULES[kindOf(kind)?.kind ?? ""];
  return rules ? [...rules.success, ...rules.failure] : [];
}

/**
 * The phases an object of this kind never leaves: a job's terminal phases, less a snapshot's
 * Ready (retention turns it Expired). Empty for VMs: a Failed VM goes back to Pending when its
 * spec is fixed or high availability restarts it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { finalPhases } from "./phases.ts";
 * assert.deepEqual(finalPhases("VMSnapshot"), ["Failed", "Expired"]);
 * assert.deepEqual(finalPhases("vm"), []);
 * ```
 */
export function finalPhases(kind: KindInfo | string): readonly string[] {
  const info = kindOf(kind);
  const left = info?.kind === "VMSnapshot" ? ["Ready"] : [];
  return terminalPhases(kind).filter((p) => !left.includes(p));
}

/** True when `waitOutcome` can ever leave "pending" for this kind. */
export function isWaitable(kind: KindInfo | string): boolean {
  return terminalPhases(kind).length > 0;
}

/**
 * Classify an object for a wait. `undefined` means the object is gone (deleted while waiting).
 * A VMSnapshot only succeeds once `status.readyToRestore` is true as well as phase Ready.
 *
 * @param kind a KindInfo, or any name `kindByName` understands (`VMOperation`, `op`, `vmops`)
 * @param obj the latest object, or undefined once it was deleted
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { waitOutcome } from "./phases.ts";
 * assert.equal(waitOutcome("VMOperation", { status: { phase: "Cancelled" } }), "failed");
 * assert.equal(waitOutcome("VMSnapshot", { status: { phase: "Ready" } }), "pending");
 * assert.equal(waitOutcome("VMOperation", undefined), "gone");
 * ```
 */
export function waitOutcome(kind: KindInfo | string, obj: KubeObject | undefined): WaitOutcome {
  if (obj === undefined) return "gone";
  const info = kindOf(kind);
  const rules = RULES[info?.kind ?? ""];
  const phase = canonical(info, phaseOf(obj));
  if (!rules || phase === undefined) return "pending";
  if (rules.failure.includes(phase)) return "failed";
  if (rules.success.includes(phase)) {
    if (info?.kind === "VMSnapshot" && getBoolean(obj, ["status", "readyToRestore"]) !== true) {
      return "pending";
    }
    return "succeeded";
  }
  return "pending";
}

/**
 * Map a user-typed phase (`running`, `RUNNING`) to the kind's canonical phase (`Running`).
 * Throws InputError listing the valid phases, with a did-you-mean for close typos.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kindByName } from "./kinds.ts";
 * import { normalizePhase } from "./phases.ts";
 * assert.equal(normalizePhase(kindByName("vm")!, "STOPPED"), "Stopped");
 * assert.throws(() => normalizePhase(kindByName("vm")!, "runing"), /did you mean "Running"/);
 * ```
 */
export function normalizePhase(kind: KindInfo, input: string): string {
  const value = input.trim();
  const found = kind.phases.find((p) => p.toLowerCase() === value.toLowerCase());
  if (found) return found;
  if (kind.phases.length === 0) {
    throw new InputError(`invalid status ${JSON.stringify(input)}: ${kind.noun} has no phases`);
  }
  const guess = closest(value, kind.phases);
  throw new InputError(
    `invalid status ${JSON.stringify(input)} for ${kind.noun}` +
      didYouMean(guess) +
      `; valid: ${kind.phases.join(", ")}`,
  );
}
