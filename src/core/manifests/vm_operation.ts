/**
 * VMOperation manifests: one object per start/stop/restart/clone/migrate/resize/snapshot/delete.
 *
 * Every operation gets `generateName: <vm>-<op>-` so repeating a command creates a new object;
 * HyperSDK's fixed `<vm>-stop` names made a second stop a no-op on an old, finished object, and
 * its `<vm>-<op>-<unixSeconds>` names collided within a second.
 * @module
 */

import { type Manifest, manifest, OPERATION_LABEL, vmLabels } from "./_common.ts";

/** The operations the VMOperation CRD accepts. */
export const VM_OPERATIONS = [
  "start",
  "stop",
  "restart",
  "clone",
  "migrate",
  "resize",
  "snapshot",
  "delete",
] as const;
/** One VMOperation type. */
export type VmOperationType = typeof VM_OPERATIONS[number];

/** Clone settings. vmRef stays the source VM, also when cloning from a snapshot. */
export interface CloneOptions {
  target: string;
  targetNamespace?: string;
  /** @default false */
  linked: boolean;
  /** Start the clone once created. @default false */
  start: boolean;
  /** Clone from this VMSnapshot (in the operation's namespace) instead of the VM's current spec. */
  fromSnapshot?: string;
}

/** Migration settings. */
export interface MigrateOptions {
  targetNode: string;
  /** @default true */
  live: boolean;
  /** Such as `100Mbps`. */
  bandwidth?: string;
  autoConverge?: boolean;
  postCopy?: boolean;
}

/** Resize settings: only what was given changes. At least one of cpus and memory is set. */
export interface ResizeOptions {
  cpus?: number;
  memory?: string;
  /** @default false */
  hotplug: boolean;
}

/** Snapshot-by-operation settings (the `snapshot create` command builds a VMSnapshot instead). */
export interface SnapshotSettings {
  name: string;
  description?: string;
  /** @default false */
  includeMemory: boolean;
  /** @default true */
  quiesce: boolean;
}

/** What every operation names: the VM acted on (for clone: the source) and the namespace. */
export interface OperationTarget {
  vm: string;
  namespace: string;
}

/** start, stop, restart or delete. */
export type PowerOperationOptions = OperationTarget & {
  operation: "start" | "stop" | "restart" | "delete";
  force?: boolean;
};
/** A clone operation. */
export type CloneOperationOptions = OperationTarget & { operation: "clone"; clone: CloneOptions };
/** A migrate operation. */
export type MigrateOperationOptions = OperationTarget & {
  operation: "migrate";
  migrate: MigrateOptions;
};
/** A resize operation. */
export type ResizeOperationOptions = OperationTarget & {
  operation: "resize";
  resize: ResizeOptions;
};
/** A snapshot operation. */
export type SnapshotOperationOptions = OperationTarget & {
  operation: "snapshot";
  snapshot: SnapshotSettings;
};

/** Validated options for one VMOperation, discriminated by `operation`. */
export type VmOperationOptions =
  | PowerOperationOptions
  | CloneOperationOptions
  | MigrateOperationOptions
  | ResizeOperationOptions
  | SnapshotOperationOptions;

/** The VMOperation spec fields hyperctl writes. */
export interface VmOperationSpec {
  vmRef: { name: string; namespace?: string };
  operation: VmOperationType;
  force?: boolean;
  cloneSpec?: {
    targetName: string;
    targetNamespace?: string;
    linkedClone: boolean;
    startAfterClone: boolean;
    snapshotRef?: { name: string };
    powerOnAfter?: boolean;
  };
  migrateSpec?: {
    targetNode: string;
    live: boolean;
    bandwidth?: string;
    autoConverge?: boolean;
    postCopy?: boolean;
  };
  resizeSpec?: { cpus?: number; memory?: string; hotplug: boolean };
  snapshotSpec?: { name: string; description?: string; includeMemory: boolean; quiesce: boolean };
}

function specFor(o: VmOperationOptions): VmOperationSpec {
  const base = { vmRef: { name: o.vm }, operation: o.operation };
  switch (o.operation) {
    case "start":
    case "stop":
    case "restart":
    case "delete":
      return { ...base, force: o.force ? true : undefined };
    case "clone": {
      const c = o.clone;
      return {
        ...base,
        cloneSpec: {
          targetName: c.target,
          targetNamespace: c.targetNamespace,
          linkedClone: c.linked,
          startAfterClone: c.start,
          // The controller reads powerOnAfter on the snapshot path and startAfterClone otherwise;
          // both carry the same --start so either reading is right.
          snapshotRef: c.fromSnapshot === undefined ? undefined : { name: c.fromSnapshot },
          powerOnAfter: c.fromSnapshot === undefined ? undefined : c.start,
        },
      };
    }
    case "migrate": {
      const m = o.migrate;
      return {
        ...base,
        migrateSpec: {
          targetNode: m.targetNode,
          live: m.live,
          bandwidth: m.bandwidth,
          autoConverge: m.autoConverge,
          postCopy: m.postCopy,
        },
      };
    }
    case "resize":
      return {
        ...base,
        resizeSpec: { cpus: o.resize.cpus, memory: o.resize.memory, hotplug: o.resize.hotplug },
      };
    case "snapshot":
      return { ...base, snapshotSpec: { ...o.snapshot } };
  }
}

/**
 * Build a VMOperation manifest named by the server (`generateName: <vm>-<op>-`), labelled with
 * the VM and the operation so `op list -l hypersdk.io/vm=web-1` finds it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVmOperation } from "./vm_operation.ts";
 * const m = buildVmOperation({ operation: "stop", vm: "web-1", namespace: "prod" });
 * assert.equal(m.metadata.generateName, "web-1-stop-");
 * ```
 */
export function buildVmOperation(options: VmOperationOptions): Manifest<VmOperationSpec> {
  return manifest("VMOperation", {
    generateName: `${options.vm}-${options.operation}-`,
    namespace: options.namespace,
    labels: vmLabels(options.vm, { [OPERATION_LABEL]: options.operation }),
  }, specFor(options));
}
