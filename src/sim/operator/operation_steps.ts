/**
 * The per-operation steps of a Running VMOperation (reference §4 table), with the side effects
 * really applied. The step is read back from `status.progress` and `status.message`, so every
 * step is one status write and the machine resumes where it stopped after a restart.
 * @module
 */

import {
  getBoolean,
  getNumber,
  getPath,
  getString,
  getStringMap,
  isRecord,
  type KubeObject,
  namespaceOf,
} from "../../core/types.ts";
import { lookup, notFound, opRef, snapshotRefOf, targetVmRef } from "./operation_refs.ts";
import {
  type Action,
  CREATED_BY_ANNOTATION,
  patchSpec,
  patchStatus,
  type Plan,
  WAIT,
} from "./plan.ts";
import { API_VERSION } from "./resources.ts";
import { rfc3339 } from "./time.ts";
import { runningStatus } from "./reconcile_vm.ts";
import type { World } from "./world.ts";

function step(op: KubeObject, progress: number, message: string): Action {
  return patchStatus(opRef(op), { progress, message });
}

function done(op: KubeObject, now: number, result?: Record<string, unknown>): Action {
  const operation = getString(op, ["spec", "operation"]) ?? "";
  return patchStatus(opRef(op), {
    phase: "Succeeded",
    progress: 100,
    message: `${operation} operation completed successfully`,
    completionTime: rfc3339(now),
    ...(result ? { result } : {}),
  });
}

/** The write that ends an operation as Failed with `Operation failed: <message>`. */
export function operationFailed(op: KubeObject, message: string, now: number): Action {
  return patchStatus(opRef(op), {
    phase: "Failed",
    message: `Operation failed: ${message}`,
    error: message,
    completionTime: rfc3339(now),
  });
}

function failed(op: KubeObject, message: string, now: number): Plan {
  return { actions: [operationFailed(op, message, now)] };
}

/** Copy of `obj` without undefined values, so merge patches and creates stay minimal. */
function defined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** The next step of a Running operation. */
export function operationStep(op: KubeObject, world: World): Plan {
  const operation = getString(op, ["spec", "operation"]) ?? "";
  const progress = getNumber(op, ["status", "progress"]) ?? 10;
  const message = getString(op, ["status", "message"]) ?? "";
  const now = world.now;
  const vmRef = targetVmRef(op);
  const vm = lookup(world, vmRef);
  const needVm = !(operation === "clone" && snapshotRefOf(op)) &&
    !(operation === "delete" && progress >= 50);
  if (needVm && !vm) {
    return { ...failed(op, `failed to get VM: ${notFound(vmRef)}`, now), missing: [vmRef] };
  }
  const vmPhase = getString(vm, ["status", "phase"]) ?? "";
  const setRunning = (running: boolean) => patchSpec(vmRef, { spec: { running } });
  switch (operation) {
    case "start":
      return { actions: [setRunning(true), done(op, now)] };
    case "stop":
      return { actions: [setRunning(false), done(op, now)] };
    case "restart":
      if (progress < 50) return { actions: [setRunning(false), step(op, 50, "Stopping VM...")] };
      if (progress < 75) {
        if (vmPhase === "Failed") {
          return failed(op, `VM "${vmRef.name}" failed while stopping`, now);
        }
        return vmPhase === "Stopped"
          ? { actions: [setRunning(true), step(op, 75, "Starting VM...")] }
          : WAIT;
      }
      if (vmPhase === "Failed") return failed(op, `VM "${vmRef.name}" failed while starting`, now);
      return vmPhase === "Running" ? { actions: [done(op, now)] } : WAIT;
    case "clone":
      return cloneStep(op, world, progress, message);
    case "migrate":
      return migrateStep(op, vm as KubeObject, world, progress);
    case "resize": {
      if (progress < 50) return { actions: [step(op, 50, "Resizing VM...")] };
      const cpus = getNumber(op, ["spec", "resizeSpec", "cpus"]);
      const memory = getString(op, ["spec", "resizeSpec", "memory"]);
      const newCpus = cpus !== undefined && cpus > 0 ? cpus : undefined;
      const newMemory = memory ? memory : undefined;
      const oldCPUs = getNumber(vm, ["spec", "cpus"]);
      const oldMemory = getPath(vm, ["spec", "memory"]);
      return {
        actions: [
          patchSpec(vmRef, { spec: defined({ cpus: newCpus, memory: newMemory }) }),
          done(op, now, {
            oldCPUs,
            newCPUs: newCpus ?? oldCPUs,
            oldMemory,
            newMemory: newMemory ?? oldMemory,
            hotplug: getBoolean(op, ["spec", "resizeSpec", "hotplug"]) ?? false,
          }),
        ],
      };
    }
    case "snapshot": {
      if (progress < 30) return { actions: [step(op, 30, "Creating snapshot...")] };
      const s = (field: string) => getPath(op, ["spec", "snapshotSpec", field]);
      const snapshotName = String(s("name"));
      const includeMemory = getBoolean(op, ["spec", "snapshotSpec", "includeMemory"]) ?? false;
      const snapshot: KubeObject = {
        apiVersion: API_VERSION,
        kind: "VMSnapshot",
        metadata: {
          name: snapshotName,
          namespace: vmRef.namespace,
          labels: { vm: vmRef.name },
          annotations: { [CREATED_BY_ANNOTATION]: createdBy(op) },
        },
        spec: defined({
          vmRef: { name: vmRef.name, namespace: vmRef.namespace },
          includeMemory,
          quiesce: s("quiesce"),
          description: s("description"),
        }),
      };
      return {
        actions: [
          {
            type: "create",
            kind: "VMSnapshot",
            object: snapshot,
            createdBy: createdBy(op),
            errorPrefix: "failed to create snapshot: ",
          },
          done(op, now, { snapshotName, includeMemory }),
        ],
      };
    }
    case "delete":
      if (progress < 50) return { actions: [step(op, 50, "Deleting VM...")] };
      return {
        actions: [
          { type: "delete", ref: vmRef, errorPrefix: "failed to delete VM: " },
          done(op, now),
        ],
      };
    default:
      return failed(op, `unsupported operation "${operation}"`, now);
  }
}

/** A memory quantity as stored: the CRDs allow a string or a number. */
function quantityOf(v: unknown): string | number | undefined {
  return typeof v === "string" && v !== "" || typeof v === "number" ? v : undefined;
}

/** Annotation value marking objects an operation created. */
function createdBy(op: KubeObject): string {
  const uid = getString(op, ["metadata", "uid"]);
  return `VMOperation/${namespaceOf(op)}/${getString(op, ["metadata", "name"])}${
    uid ? `/${uid}` : ""
  }`;
}

function cloneStep(op: KubeObject, world: World, progress: number, message: string): Plan {
  const now = world.now;
  const snapRef = snapshotRefOf(op);
  if (progress < 30) {
    if (snapRef && message !== "Loading snapshot configuration...") {
      return { actions: [step(op, 10, "Loading snapshot configuration...")] };
    }
    return { actions: [step(op, 30, "Cloning VM configuration...")] };
  }
  if (progress < 60) return { actions: [step(op, 60, "Creating cloned VM...")] };
  const targetName = getString(op, ["spec", "cloneSpec", "targetName"]) ?? "";
  const targetNamespace = getString(op, ["spec", "cloneSpec", "targetNamespace"]) ||
    namespaceOf(op);
  let spec: Record<string, unknown>;
  let labels: Record<string, string>;
  let running: boolean;
  if (snapRef) {
    const snap = lookup(world, snapRef);
    if (!snap) {
      return {
        ...failed(op, `failed to get snapshot: ${notFound(snapRef)}`, now),
        missing: [snapRef],
      };
    }
    // The snapshot's VM supplies what vmState does not record (disks, networks, image…); the
    // recorded state wins for what it has, so the clone matches the VM as it was snapshotted.
    const sourceRef = {
      kind: "VirtualMachine" as const,
      namespace: getString(snap, ["spec", "vmRef", "namespace"]) || snapRef.namespace,
      name: getString(snap, ["spec", "vmRef", "name"]) ?? "",
    };
    const source = lookup(world, sourceRef);
    const state = getPath(snap, ["status", "vmState"]);
    const cpus = getNumber(state, ["cpus"]) ?? getNumber(source, ["spec", "cpus"]);
    const memory = quantityOf(getPath(state, ["memory"])) ??
      quantityOf(getPath(source, ["spec", "memory"]));
    if (cpus === undefined || memory === undefined) {
      return failed(op, `snapshot "${snapRef.name}" has no recorded VM state`, now);
    }
    spec = { ...(isRecord(source?.spec) ? source.spec : {}), cpus, memory };
    labels = getStringMap(source, ["metadata", "labels"]);
    running = getBoolean(op, ["spec", "cloneSpec", "powerOnAfter"]) ??
      getBoolean(op, ["spec", "cloneSpec", "startAfterClone"]) ?? false;
  } else {
    const source = lookup(world, targetVmRef(op)) as KubeObject;
    spec = isRecord(source.spec) ? { ...source.spec } : {};
    labels = getStringMap(source, ["metadata", "labels"]);
    running = getBoolean(op, ["spec", "cloneSpec", "startAfterClone"]) ?? false;
  }
  const clone: KubeObject = {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: {
      name: targetName,
      namespace: targetNamespace,
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations: { [CREATED_BY_ANNOTATION]: createdBy(op) },
    },
    spec: { ...spec, running },
  };
  return {
    actions: [
      {
        type: "create",
        kind: "VirtualMachine",
        object: clone,
        createdBy: createdBy(op),
        errorPrefix: "failed to create cloned VM: ",
      },
      done(op, now, { targetVM: targetName, targetNamespace, sourceSnapshot: snapRef?.name ?? "" }),
    ],
  };
}

function migrateStep(op: KubeObject, vm: KubeObject, world: World, progress: number): Plan {
  const now = world.now;
  const vmRef = targetVmRef(op);
  const target = getString(op, ["spec", "migrateSpec", "targetNode"]) ?? "";
  const live = getBoolean(op, ["spec", "migrateSpec", "live"]) ?? true;
  const phase = getString(vm, ["status", "phase"]) ?? "";
  const result = { targetNode: target, live };
  if (progress < 30) return { actions: [step(op, 30, "Preparing for migration...")] };
  if (live) {
    if (progress < 50) {
      return {
        actions: [patchStatus(vmRef, { phase: "Migrating" }), step(op, 50, "Migrating VM...")],
      };
    }
    if (progress < 90) return { actions: [step(op, 90, "Finalizing migration...")] };
    return {
      actions: [patchStatus(vmRef, runningStatus(vm, target, world)), done(op, now, result)],
    };
  }
  // Offline: stop, move, start again.
  if (progress < 50) {
    return {
      actions: [patchSpec(vmRef, { spec: { running: false } }), step(op, 50, "Migrating VM...")],
    };
  }
  if (progress < 90) {
    if (phase !== "Stopped" && phase !== "Failed") return WAIT;
    return {
      actions: [patchStatus(vmRef, { nodeName: target }), step(op, 90, "Finalizing migration...")],
    };
  }
  if (getBoolean(vm, ["spec", "running"]) === false) {
    return { actions: [patchSpec(vmRef, { spec: { running: true } })], requeue: "pace" };
  }
  if (phase === "Running" && getString(vm, ["status", "nodeName"]) === target) {
    return { actions: [done(op, now, result)] };
  }
  if (phase === "Failed") {
    return failed(op, `VM "${vmRef.name}" failed while starting on ${target}`, now);
  }
  return WAIT;
}
