/**
 * RestoreJob lifecycle (reference §3.4), finished: validate the source → Pending → check the
 * referenced BackupJob really Completed → runner job → Running with progress → the VM is created
 * (or overwritten) → Completed with restoredVMName/restoredVMID; or Failed with `error`.
 * @module
 */

import {
  getBoolean,
  getNumber,
  getPath,
  getString,
  isRecord,
  type KubeObject,
  nameOf,
  namespaceOf,
} from "../../core/types.ts";
import { buildRestoreJobDefinition } from "./job_definition.ts";
import { followRunner, startRunner } from "./job_plan.ts";
import { completedStatus, failedStatus, pendingStatus } from "./job_status.ts";
import { CREATED_BY_ANNOTATION, NOTHING, type ObjectRef, patchStatus, type Plan } from "./plan.ts";
import { API_VERSION } from "./resources.ts";
import type { World } from "./world.ts";

/** Why a restore source is unusable (reference rules), or undefined. */
export function validateRestoreSource(job: KubeObject): string | undefined {
  const s = (f: string) => getString(job, ["spec", "source", f]);
  const type = s("type") ?? "";
  switch (type) {
    case "s3":
    case "azure-blob":
    case "gcs":
      return s("bucket") && s("path")
        ? undefined
        : `source bucket and path are required for ${type}`;
    case "local":
    case "nfs":
      return s("path") ? undefined : `source path is required for ${type}`;
    case "backup-ref":
      return getString(job, ["spec", "source", "backupJobRef", "name"])
        ? undefined
        : "backupJobRef.name is required for backup-ref";
    default:
      return `unknown source type "${type}"`;
  }
}

/** The BackupJob a backup-ref restore reads. */
export function backupRefOf(job: KubeObject): ObjectRef | undefined {
  const name = getString(job, ["spec", "source", "backupJobRef", "name"]);
  if (getString(job, ["spec", "source", "type"]) !== "backup-ref" || !name) return undefined;
  const ns = getString(job, ["spec", "source", "backupJobRef", "namespace"]) || namespaceOf(job);
  return { kind: "BackupJob", namespace: ns, name };
}

/** The runner id of a RestoreJob's daemon job. */
export function restoreRunnerId(job: KubeObject): string {
  return `restore-${namespaceOf(job)}-${nameOf(job)}`;
}

function sourcePath(job: KubeObject, backup: KubeObject | undefined): string {
  const s = (f: string) => getString(job, ["spec", "source", f]) ?? "";
  const scheme: Record<string, string> = { s3: "s3://", "azure-blob": "azure://", gcs: "gs://" };
  const type = s("type");
  if (type === "backup-ref") return getString(backup, ["status", "outputPath"]) ?? "";
  return scheme[type]
    ? `${scheme[type]}${s("bucket")}/${s("path").replace(/^\/+/, "")}`
    : s("path");
}

/** The VM the restore writes: namespace and name (renameVM wins over destination.vmName). */
export function restoreTargetRef(job: KubeObject, backup: KubeObject | undefined): ObjectRef {
  return {
    kind: "VirtualMachine",
    namespace: getString(job, ["spec", "destination", "namespace"]) || namespaceOf(job),
    name: getString(job, ["spec", "options", "renameVM"]) ||
      getString(job, ["spec", "destination", "vmName"]) ||
      getString(backup, ["spec", "source", "vmName"]) || "",
  };
}

/** One step of a RestoreJob. */
export function reconcileRestore(job: KubeObject, world: World): Plan {
  if (getString(job, ["metadata", "deletionTimestamp"])) return NOTHING;
  const ref: ObjectRef = { kind: "RestoreJob", namespace: namespaceOf(job), name: nameOf(job) };
  const now = world.now;
  const phase = getString(job, ["status", "phase"]) ?? "";
  const backupRef = backupRefOf(job);
  const backup = backupRef && world.get("BackupJob", backupRef.namespace, backupRef.name);
  const target = restoreTargetRef(job, backup);
  const fail = (error: string, reason: string, missing?: ObjectRef[]): Plan => ({
    missing,
    actions: [patchStatus(ref, failedStatus(job, error, reason, now))],
  });
  const createdBy = `RestoreJob/${ref.namespace}/${ref.name}`;
  const fault = world.fault(job, "RestoreJob");
  const definition = () =>
    buildRestoreJobDefinition(job, {
      now,
      sourcePath: sourcePath(job, backup),
      vmName: target.name,
      totalBytes: getNumber(backup, ["status", "size"]) ?? 10 * 1024 ** 3,
      fault: fault?.effect,
      faultMessage: fault?.message,
    });
  switch (phase) {
    case "": {
      const invalid = validateRestoreSource(job);
      if (invalid) return fail(invalid, "ValidationFailed");
      return { actions: [patchStatus(ref, pendingStatus(job, "Restore", now))] };
    }
    case "Pending": {
      if (backupRef && !backup) {
        const error = `backup job not found: ${backupRef.namespace}/${backupRef.name}`;
        return fail(error, "BackupNotFound", [backupRef]);
      }
      const backupPhase = getString(backup, ["status", "phase"]) ?? "Pending";
      if (backupRef && backupPhase !== "Completed") {
        return fail(
          `backup job ${backupRef.namespace}/${backupRef.name} is not completed (phase ${backupPhase})`,
          "BackupNotCompleted",
        );
      }
      if (!target.name) {
        return fail(
          "destination VM name is required (destination.vmName or options.renameVM)",
          "ValidationFailed",
        );
      }
      const existing = world.get("VirtualMachine", target.namespace, target.name);
      if (existing && !(getBoolean(job, ["spec", "options", "overwrite"]) ?? false)) {
        return fail(
          `VM ${target.namespace}/${target.name} already exists (set options.overwrite to replace it)`,
          "TargetExists",
        );
      }
      return startRunner(ref, job, "Restore", definition(), now);
    }
    case "Running": {
      const next = followRunner(
        ref,
        job,
        "Restore",
        world.job(restoreRunnerId(job)),
        definition,
        now,
      );
      if ("plan" in next) return next.plan;
      const run = next.completed;
      const vm = world.get("VirtualMachine", target.namespace, target.name);
      const ours = getString(vm, ["metadata", "annotations", CREATED_BY_ANNOTATION]) === createdBy;
      if (!ours) {
        return {
          actions: [writeVm(job, backup, target, vm, createdBy, world)],
          fail: (error) => [patchStatus(ref, failedStatus(job, error, "RestoreFailed", now))],
        };
      }
      const fields = {
        restoredVMName: target.name,
        restoredVMID: getString(vm, ["metadata", "uid"]) ?? "",
      };
      const message = `VM ${target.namespace}/${target.name} restored`;
      return {
        actions: [
          patchStatus(ref, completedStatus(job, run, { verb: "Restore", now, fields, message })),
        ],
      };
    }
    default:
      return NOTHING;
  }
}

/** Create the restored VM, or overwrite an existing one's spec when options.overwrite is set. */
function writeVm(
  job: KubeObject,
  backup: KubeObject | undefined,
  target: ObjectRef,
  existing: KubeObject | undefined,
  createdBy: string,
  world: World,
) {
  // The backup's source VM, if it is still around, supplies the configuration the backup captured.
  const sourceNs = getString(backup, ["spec", "source", "namespace"]) || namespaceOf(backup ?? job);
  const sourceName = getString(backup, ["spec", "source", "vmName"]) ?? "";
  const source = backup ? world.get("VirtualMachine", sourceNs, sourceName) : undefined;
  const base: Record<string, unknown> = isRecord(source?.spec)
    ? { ...source.spec }
    : { cpus: 2, memory: "4Gi" };
  const custom = (f: string) => getPath(job, ["spec", "options", "customization", f]);
  if (getNumber(job, ["spec", "options", "customization", "cpu"]) !== undefined) {
    base.cpus = getNumber(job, ["spec", "options", "customization", "cpu"]);
  }
  if (typeof custom("memory") === "string" && custom("memory") !== "") {
    base.memory = custom("memory");
  }
  if (Array.isArray(custom("networks"))) base.networks = custom("networks");
  const spec = {
    ...base,
    running: getBoolean(job, ["spec", "options", "powerOnAfterRestore"]) ?? false,
  };
  const annotations = { [CREATED_BY_ANNOTATION]: createdBy };
  const labels = { "hypersdk.io/restored-from": nameOf(job) };
  if (existing) {
    return {
      type: "patchSpec" as const,
      ref: target,
      patch: { metadata: { annotations, labels }, spec },
      errorPrefix: "failed to overwrite VM: ",
    };
  }
  return {
    type: "create" as const,
    kind: "VirtualMachine" as const,
    createdBy,
    errorPrefix: "failed to create restored VM: ",
    object: {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name: target.name, namespace: target.namespace, labels, annotations },
      spec,
    },
  };
}
