/**
 * VMOperation lifecycle (reference §4): "" → Pending → validation → Running 10 → per-op steps →
 * Succeeded 100 / Failed. One status write per step; the steps themselves live in
 * `operation_steps.ts`.
 * @module
 */

import { getString, type KubeObject } from "../../core/types.ts";
import { operationFailed, operationStep } from "./operation_steps.ts";
import { opRef } from "./operation_refs.ts";
import { NOTHING, patchStatus, type Plan } from "./plan.ts";
import { rfc3339 } from "./time.ts";
import { validateOperation } from "./validate_operation.ts";
import type { World } from "./world.ts";

const TERMINAL = new Set(["Succeeded", "Failed", "Cancelled"]);

/** One step of a VMOperation. */
export function reconcileVmOperation(op: KubeObject, world: World): Plan {
  if (getString(op, ["metadata", "deletionTimestamp"])) return NOTHING;
  const phase = getString(op, ["status", "phase"]) ?? "";
  if (TERMINAL.has(phase)) return NOTHING;
  const ref = opRef(op);
  const operation = getString(op, ["spec", "operation"]) ?? "";
  if (phase === "") {
    return {
      actions: [patchStatus(ref, { phase: "Pending", startTime: rfc3339(world.now), progress: 0 })],
    };
  }
  if (phase === "Pending") {
    const { error, missing } = validateOperation(op, world);
    if (error) {
      return {
        missing,
        actions: [patchStatus(ref, {
          phase: "Failed",
          message: `Validation failed: ${error}`,
          error,
          completionTime: rfc3339(world.now),
        })],
      };
    }
    return {
      actions: [patchStatus(ref, {
        phase: "Running",
        progress: 10,
        message: `Starting ${operation} operation`,
      })],
    };
  }
  if (phase !== "Running") return NOTHING;
  const fault = world.fault(op, "VMOperation");
  if (fault?.effect === "hang") return NOTHING;
  if (fault?.effect === "fail") return { actions: [operationFailed(op, fault.message, world.now)] };
  const plan = operationStep(op, world);
  return {
    ...plan,
    fail: (message) => [operationFailed(op, message, world.now)],
  };
}
