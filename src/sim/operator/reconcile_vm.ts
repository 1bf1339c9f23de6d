/**
 * VirtualMachine state machine (reference §3.6) without pods: Pending → Creating → Running,
 * spec.running=false → Stopped and back, validation → Failed.
 * @module
 */

import {
  getBoolean,
  getNumber,
  getPath,
  getString,
  type KubeObject,
  nameOf,
  namespaceOf,
} from "../../core/types.ts";
import { accessSteps, annotatedAddress, stopSteps } from "./access_steps.ts";
import { findCondition, setCondition } from "./conditions.ts";
import { chooseNode, ipFor } from "./placement.ts";
import { NOTHING, type ObjectRef, patchStatus, type Plan } from "./plan.ts";
import { rfc3339 } from "./time.ts";
import type { World } from "./world.ts";

/** The VM's ref. */
export function vmRef(vm: KubeObject): ObjectRef {
  return { kind: "VirtualMachine", namespace: namespaceOf(vm), name: nameOf(vm) };
}

/** Desired power state; the CRD defaults `running` to true. */
export function wantsRunning(vm: KubeObject): boolean {
  return getBoolean(vm, ["spec", "running"]) ?? true;
}

/** Why a VM spec is invalid (reference: cpus ≥ 1 and memory set), or undefined. */
export function validateVm(vm: KubeObject): string | undefined {
  const cpus = getNumber(vm, ["spec", "cpus"]);
  if (cpus === undefined || cpus < 1) {
    return `spec.cpus must be at least 1 (got ${
      JSON.stringify(getPath(vm, ["spec", "cpus"]) ?? null)
    })`;
  }
  const memory = getPath(vm, ["spec", "memory"]);
  if (memory === undefined || memory === null || memory === "") return "spec.memory is required";
  return undefined;
}

/** Status fields of a VM that just became Running on `node`. */
export function runningStatus(vm: KubeObject, node: string, world: World): Record<string, unknown> {
  const status = vm.status;
  return {
    phase: "Running",
    nodeName: node,
    ipAddresses: [annotatedAddress(vm) ?? ipFor(vm, node, world.nodes)],
    startTime: rfc3339(world.now),
    conditions: setCondition(
      getPath(status, ["conditions"]),
      { type: "Ready", status: "True", reason: "VMReady", message: "VM is running and ready" },
      world.now,
    ),
  };
}

/** Status fields of a VM that just stopped. */
export function stoppedStatus(vm: KubeObject, now: number): Record<string, unknown> {
  return {
    phase: "Stopped",
    ipAddresses: null,
    conditions: setCondition(
      getPath(vm, ["status", "conditions"]),
      { type: "Ready", status: "False", reason: "VMStopped", message: "VM has been stopped" },
      now,
    ),
  };
}

/** One step of a VirtualMachine. */
export function reconcileVm(vm: KubeObject, world: World): Plan {
  if (getString(vm, ["metadata", "deletionTimestamp"])) return NOTHING;
  const ref = vmRef(vm);
  const now = world.now;
  const conditions = getPath(vm, ["status", "conditions"]);
  const cond = (type: string, status: "True" | "False", reason: string, message: string) =>
    setCondition(conditions, { type, status, reason, message }, now);
  const phase = getString(vm, ["status", "phase"]) ?? "";
  const fault = world.fault(vm, "VirtualMachine");
  // A console lives only while the VM runs (or migrates, or is paused): a VM that failed or
  // went back to Pending loses it before anything else happens.
  if (!["Running", "Migrating", "Paused"].includes(phase)) {
    const closing = stopSteps(vm, ref, world);
    if (closing.length > 0) return { actions: closing };
  }
  switch (phase) {
    case "":
      return {
        actions: [patchStatus(ref, { phase: "Pending", creationTimestamp: rfc3339(now) })],
      };
    case "Pending": {
      const invalid = validateVm(vm);
      if (invalid) {
        return {
          actions: [patchStatus(ref, {
            phase: "Failed",
            conditions: cond("ValidationFailed", "True", "ValidationError", invalid),
          })],
        };
      }
      if (!wantsRunning(vm)) return { actions: [patchStatus(ref, stoppedStatus(vm, now))] };
      const placed = chooseNode(vm, world);
      if ("error" in placed) {
        const next = cond("Scheduled", "False", "Unschedulable", placed.error);
        // Written once; the VM waits until its selector or the node list changes.
        return JSON.stringify(conditions) === JSON.stringify(next)
          ? NOTHING
          : { actions: [patchStatus(ref, { conditions: next })] };
      }
      return {
        actions: [patchStatus(ref, {
          phase: "Creating",
          nodeName: placed.node,
          conditions: cond("Creating", "True", "VMCreating", "VM resources are being created"),
        })],
      };
    }
    case "Creating": {
      if (!wantsRunning(vm)) return { actions: [patchStatus(ref, stoppedStatus(vm, now))] };
      if (fault?.effect === "hang") return NOTHING;
      if (fault?.effect === "fail") {
        return {
          actions: [patchStatus(ref, {
            phase: "Failed",
            conditions: cond("Ready", "False", "InjectedFault", fault.message),
          })],
        };
      }
      const node = getString(vm, ["status", "nodeName"]);
      const placed = node && world.nodes.includes(node) ? { node } : chooseNode(vm, world);
      if ("error" in placed) return { actions: [patchStatus(ref, { phase: "Pending" })] };
      return { actions: [patchStatus(ref, runningStatus(vm, placed.node, world))] };
    }
    case "Running":
      return wantsRunning(vm)
        ? { actions: accessSteps(vm, ref, world) }
        : { actions: [...stopSteps(vm, ref, world), patchStatus(ref, stoppedStatus(vm, now))] };
    case "Stopped":
      if (!wantsRunning(vm)) return NOTHING;
      return {
        actions: [patchStatus(ref, {
          phase: "Creating",
          conditions: cond("Starting", "True", "VMStarting", "VM is starting"),
        })],
      };
    case "Failed": {
      // A VM that failed validation gets another chance once its spec is fixed.
      const validation = findCondition(vm.status, "ValidationFailed")?.status === "True";
      if (validation && validateVm(vm) === undefined) {
        return {
          actions: [patchStatus(ref, {
            phase: "Pending",
            conditions: cond("ValidationFailed", "False", "ValidationPassed", "VM spec is valid"),
          })],
        };
      }
      const ha = getBoolean(vm, ["spec", "highAvailability", "enabled"]) ?? false;
      const policy = getString(vm, ["spec", "highAvailability", "restartPolicy"]) ?? "Always";
      if (!ha || policy === "Never" || fault) return NOTHING;
      return {
        actions: [patchStatus(ref, {
          phase: "Pending",
          conditions: cond(
            "Restarting",
            "True",
            "VMRestarting",
            "VM is being restarted due to failure",
          ),
        })],
      };
    }
    default:
      // Migrating is driven by the VMOperation; Paused/Unknown have nothing to do.
      return NOTHING;
  }
}
