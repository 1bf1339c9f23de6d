/**
 * VMSnapshot lifecycle (reference §3.7): Pending (record the VM's state) → Creating → Ready, and
 * retention: Expired at expiresAt or creationTime + keepDays, then deleted when autoDelete.
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
import { setCondition } from "./conditions.ts";
import { NOTHING, type ObjectRef, patchStatus, type Plan } from "./plan.ts";
import { parseTime, rfc3339 } from "./time.ts";
import { wantsRunning } from "./reconcile_vm.ts";
import type { World } from "./world.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Expiry is re-checked at least this often (the driver never waits less than one pace step). */
const EXPIRY_CHECK_MS = 1000;

/** The mock sizes of the reference, with sizeBytes consistent with them. */
export const SNAPSHOT_SIZES = {
  withMemory: { size: "10.5Gi", sizeBytes: 11274289152 },
  diskOnly: { size: "8.2Gi", sizeBytes: 8804682957 },
} as const;

/** When a snapshot expires (epoch ms), or undefined when it is kept forever. */
export function snapshotExpiry(snap: KubeObject): number | undefined {
  const at = parseTime(getString(snap, ["spec", "retention", "expiresAt"]));
  if (at !== undefined) return at;
  const days = getNumber(snap, ["spec", "retention", "keepDays"]);
  const created = parseTime(getString(snap, ["status", "creationTime"])) ??
    parseTime(getString(snap, ["metadata", "creationTimestamp"]));
  return days !== undefined && created !== undefined ? created + days * DAY_MS : undefined;
}

/** One step of a VMSnapshot. */
export function reconcileSnapshot(snap: KubeObject, world: World): Plan {
  if (getString(snap, ["metadata", "deletionTimestamp"])) return NOTHING;
  const ref: ObjectRef = { kind: "VMSnapshot", namespace: namespaceOf(snap), name: nameOf(snap) };
  const now = world.now;
  const phase = getString(snap, ["status", "phase"]) ?? "";
  const conditions = getPath(snap, ["status", "conditions"]);
  const cond = (type: string, status: "True" | "False", reason: string, message: string) =>
    setCondition(conditions, { type, status, reason, message }, now);

  if (phase === "Expired") {
    const autoDelete = getBoolean(snap, ["spec", "retention", "autoDelete"]) ?? true;
    return autoDelete ? { actions: [{ type: "delete", ref }] } : NOTHING;
  }
  if (phase === "Failed") return NOTHING;
  const expiry = snapshotExpiry(snap);
  if (phase !== "" && expiry !== undefined && expiry <= now) {
    return {
      actions: [patchStatus(ref, {
        phase: "Expired",
        readyToRestore: false,
        conditions: cond("Expired", "True", "RetentionExpired", "Snapshot has expired"),
      })],
    };
  }
  const vmRef: ObjectRef = {
    kind: "VirtualMachine",
    namespace: getString(snap, ["spec", "vmRef", "namespace"]) || ref.namespace,
    name: getString(snap, ["spec", "vmRef", "name"]) ?? "",
  };
  const vm = world.get("VirtualMachine", vmRef.namespace, vmRef.name);
  switch (phase) {
    case "":
      return {
        actions: [
          patchStatus(ref, { phase: "Pending", creationTime: rfc3339(now), readyToRestore: false }),
        ],
      };
    case "Pending": {
      if (!vm) {
        return {
          missing: [vmRef],
          actions: [patchStatus(ref, {
            phase: "Failed",
            conditions: cond(
              "VMFound",
              "False",
              "VMNotFound",
              `VM not found: ${vmRef.namespace}/${vmRef.name}`,
            ),
          })],
        };
      }
      const disks = getPath(vm, ["spec", "disks"]);
      return {
        actions: [patchStatus(ref, {
          phase: "Creating",
          vmState: {
            cpus: getNumber(vm, ["spec", "cpus"]),
            memory: getPath(vm, ["spec", "memory"]),
            diskCount: Array.isArray(disks) ? disks.length : 0,
            running: wantsRunning(vm),
          },
          conditions: cond("Creating", "True", "SnapshotCreating", "Snapshot is being created"),
        })],
      };
    }
    case "Creating": {
      const fault = world.fault(snap, "VMSnapshot");
      if (fault?.effect === "hang") return NOTHING;
      if (fault?.effect === "fail") {
        return {
          actions: [patchStatus(ref, {
            phase: "Failed",
            readyToRestore: false,
            conditions: cond("Ready", "False", "InjectedFault", fault.message),
          })],
        };
      }
      const includeMemory = getBoolean(snap, ["spec", "includeMemory"]) ?? false;
      const sizes = includeMemory ? SNAPSHOT_SIZES.withMemory : SNAPSHOT_SIZES.diskOnly;
      return {
        actions: [patchStatus(ref, {
          phase: "Ready",
          readyToRestore: true,
          size: sizes.size,
          sizeBytes: sizes.sizeBytes,
          backingFiles: backingFiles(snap, vm),
          conditions: cond("Ready", "True", "SnapshotReady", "Snapshot is ready for restore"),
        })],
      };
    }
    case "Ready":
      return expiry === undefined
        ? NOTHING
        : { actions: [], requeue: { afterMs: Math.min(expiry - now, EXPIRY_CHECK_MS) } };
    default:
      return NOTHING;
  }
}

/** `/var/lib/hypersdk/snapshots/<snap>-<disk>-disk<i>.qcow2` per disk, plus the memory file. */
export function backingFiles(snap: KubeObject, vm: KubeObject | undefined): string[] {
  const dir = "/var/lib/hypersdk/snapshots";
  const name = nameOf(snap);
  const disks = getPath(vm, ["spec", "disks"]);
  const diskNames = Array.isArray(disks) && disks.length > 0
    ? disks.map((d, i) => getString(d, ["name"]) ?? `disk${i}`)
    : Array.from(
      { length: Math.max(1, getNumber(snap, ["status", "vmState", "diskCount"]) ?? 1) },
      (_, i) => (i === 0 ? "root" : `disk${i}`),
    );
  const files = diskNames.map((d, i) => `${dir}/${name}-${d}-disk${i}.qcow2`);
  if (getBoolean(snap, ["spec", "includeMemory"])) files.push(`${dir}/${name}-memory.mem`);
  return files;
}
