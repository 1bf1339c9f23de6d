/**
 * VMOperation validation (reference §4 step 3), with its messages, plus the checks the reference
 * lacks (known target node, not the current node, resize bounds).
 * @module
 */

import { getBoolean, getNumber, getPath, getString, type KubeObject } from "../../core/types.ts";
import { lookup, notFound, snapshotRefOf, targetVmRef } from "./operation_refs.ts";
import type { ObjectRef } from "./plan.ts";
import type { World } from "./world.ts";

/** The operations the CRD allows. */
export const OPERATIONS = [
  "start",
  "stop",
  "restart",
  "clone",
  "migrate",
  "snapshot",
  "resize",
  "delete",
];

/** Outcome of validation: an error message, and the refs found missing (to double-check). */
export interface Validation {
  error?: string;
  missing: ObjectRef[];
}

const MEMORY = /^[0-9]+[KMGT]i$/;

/** Validate an operation against the world. */
export function validateOperation(op: KubeObject, world: World): Validation {
  const operation = getString(op, ["spec", "operation"]) ?? "";
  if (!OPERATIONS.includes(operation)) {
    return { error: `unsupported operation "${operation}"`, missing: [] };
  }
  const spec = (field: string) => getPath(op, ["spec", field]);
  if (operation === "clone") {
    if (spec("cloneSpec") === undefined) return { error: "clone spec is required", missing: [] };
    if (!getString(op, ["spec", "cloneSpec", "targetName"])) {
      return { error: "target name is required for clone operation", missing: [] };
    }
    const snapRef = snapshotRefOf(op);
    if (snapRef) {
      // Cloning from a snapshot needs the snapshot, not the VM: it may be gone by now.
      const snap = lookup(world, snapRef);
      if (!snap) {
        return { error: `failed to get snapshot: ${notFound(snapRef)}`, missing: [snapRef] };
      }
      const phase = getString(snap, ["status", "phase"]) ?? "Pending";
      if (getBoolean(snap, ["status", "readyToRestore"]) !== true) {
        return {
          error: `snapshot "${snapRef.name}" is not ready to restore (phase ${phase})`,
          missing: [],
        };
      }
      return { missing: [] };
    }
  }
  const ref = targetVmRef(op);
  const vm = lookup(world, ref);
  if (!vm) return { error: `failed to get VM: ${notFound(ref)}`, missing: [ref] };
  switch (operation) {
    case "migrate": {
      if (spec("migrateSpec") === undefined) {
        return { error: "migrate spec is required", missing: [] };
      }
      const target = getString(op, ["spec", "migrateSpec", "targetNode"]);
      if (!target) return { error: "target node is required for migrate operation", missing: [] };
      if (!world.nodes.includes(target)) {
        return {
          error: `target node "${target}" is not a node of this cluster (nodes: ${
            world.nodes.join(", ")
          })`,
          missing: [],
        };
      }
      const current = getString(vm, ["status", "nodeName"]);
      if (current === target) {
        return { error: `VM "${ref.name}" is already on node "${target}"`, missing: [] };
      }
      const live = getBoolean(op, ["spec", "migrateSpec", "live"]) ?? true;
      const phase = getString(vm, ["status", "phase"]) ?? "";
      if (live && phase !== "Running") {
        return {
          error: `live migration needs a running VM (phase ${phase || "unknown"}); ` +
            `set migrateSpec.live=false for an offline migration`,
          missing: [],
        };
      }
      return { missing: [] };
    }
    case "resize": {
      if (spec("resizeSpec") === undefined) {
        return { error: "resize spec is required", missing: [] };
      }
      const cpus = getNumber(op, ["spec", "resizeSpec", "cpus"]);
      const memory = getString(op, ["spec", "resizeSpec", "memory"]);
      if ((cpus === undefined || cpus <= 0) && !memory) {
        return {
          error: "at least one of CPUs or Memory must be specified for resize operation",
          missing: [],
        };
      }
      if (cpus !== undefined && cpus > 128) {
        return { error: `cpus must be between 1 and 128 (got ${cpus})`, missing: [] };
      }
      if (memory && !MEMORY.test(memory)) {
        return { error: `memory "${memory}" must look like 4Gi (Ki, Mi, Gi or Ti)`, missing: [] };
      }
      return { missing: [] };
    }
    case "snapshot":
      if (spec("snapshotSpec") === undefined) {
        return { error: "snapshot spec is required", missing: [] };
      }
      if (!getString(op, ["spec", "snapshotSpec", "name"])) {
        return { error: "snapshot name is required", missing: [] };
      }
      return { missing: [] };
    default:
      return { missing: [] };
  }
}
