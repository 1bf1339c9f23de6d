/**
 * BackupJob lifecycle (reference §3.2), finished: "" → Pending → the daemon job is submitted to
 * the runner → Running with progress per runner step → Completed (outputPath, size) or Failed.
 * @module
 */

import { getString, type KubeObject, nameOf, namespaceOf } from "../../core/types.ts";
import { buildBackupJobDefinition, vmDataBytes } from "./job_definition.ts";
import { followRunner, startRunner } from "./job_plan.ts";
import { completedStatus, failedStatus, pendingStatus } from "./job_status.ts";
import { NOTHING, type ObjectRef, patchStatus, type Plan } from "./plan.ts";
import type { World } from "./world.ts";

/** The cluster VM a backup reads, when its provider is one the simulator hosts. */
export function backupSourceRef(job: KubeObject): ObjectRef | undefined {
  const provider = getString(job, ["spec", "source", "provider"]) ?? "kubevirt";
  const vmName = getString(job, ["spec", "source", "vmName"]);
  if (provider !== "kubevirt" || !vmName) return undefined;
  return {
    kind: "VirtualMachine",
    namespace: getString(job, ["spec", "source", "namespace"]) || namespaceOf(job),
    name: vmName,
  };
}

/** The runner id of a BackupJob's daemon job. */
export function backupRunnerId(job: KubeObject): string {
  return `backup-${namespaceOf(job)}-${nameOf(job)}`;
}

/** One step of a BackupJob. */
export function reconcileBackup(job: KubeObject, world: World): Plan {
  if (getString(job, ["metadata", "deletionTimestamp"])) return NOTHING;
  const ref: ObjectRef = { kind: "BackupJob", namespace: namespaceOf(job), name: nameOf(job) };
  const now = world.now;
  const phase = getString(job, ["status", "phase"]) ?? "";
  const sourceRef = backupSourceRef(job);
  const source = sourceRef && world.get("VirtualMachine", sourceRef.namespace, sourceRef.name);
  const fault = world.fault(job, "BackupJob");
  const definition = () =>
    buildBackupJobDefinition(job, {
      now,
      totalBytes: vmDataBytes(source),
      fault: fault?.effect,
      faultMessage: fault?.message,
    });
  switch (phase) {
    case "":
      return { actions: [patchStatus(ref, pendingStatus(job, "Backup", now))] };
    case "Pending": {
      if (sourceRef && !source) {
        const error = `source VM not found: ${sourceRef.namespace}/${sourceRef.name}`;
        return {
          missing: [sourceRef],
          actions: [patchStatus(ref, failedStatus(job, error, "SourceNotFound", now))],
        };
      }
      return startRunner(ref, job, "Backup", definition(), now);
    }
    case "Running": {
      const next = followRunner(
        ref,
        job,
        "Backup",
        world.job(backupRunnerId(job)),
        definition,
        now,
      );
      if ("plan" in next) return next.plan;
      const run = next.completed;
      const outputPath = run.result?.output_path ?? run.definition.output_path;
      const fields = { outputPath, size: run.result?.total_size ?? run.progress.total_bytes };
      const message = `Backup completed: ${outputPath}`;
      return {
        actions: [
          patchStatus(ref, completedStatus(job, run, { verb: "Backup", now, fields, message })),
        ],
      };
    }
    default:
      return NOTHING;
  }
}
