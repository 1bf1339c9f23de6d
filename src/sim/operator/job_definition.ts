/**
 * The daemon job a BackupJob or RestoreJob hands to the job runner (reference §3.5 JobDefinition).
 *
 * Unlike HyperSDK's controller, the destination details (bucket, prefix, region, endpoint, the
 * credentials secret's name) are passed on instead of dropped; secret values are never read.
 * @module
 */

import {
  getBoolean,
  getNumber,
  getString,
  getStringMap,
  type KubeObject,
} from "../../core/types.ts";
import { rfc3339 } from "./time.ts";

/** What a job does; decides the runner's phases. */
export type JobOperation = "backup" | "restore";

/** A daemon job definition, with the daemon's JSON field names. */
export interface JobDefinition {
  id: string;
  name: string;
  vm_path: string;
  output_dir: string;
  /** Where the artefact ends up (backup) or the VM name (restore). */
  output_path: string;
  format: string;
  compress: boolean;
  created_at: string;
  metadata: Record<string, string>;
  /** Simulation inputs: how much data moves, and an injected fault. */
  sim: {
    operation: JobOperation;
    totalBytes: number;
    fault?: "fail" | "hang";
    faultMessage?: string;
  };
}

const DEFAULT_SIZE = 10 * 1024 ** 3;
const SUFFIX: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** Bytes of a `20Gi`-style size (the CRDs' pattern); undefined otherwise. */
export function sizeBytes(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^([0-9]+)(Ki|Mi|Gi|Ti)$/.exec(value.trim());
  return m ? Number(m[1]) * SUFFIX[m[2]] : undefined;
}

/** Total disk size of a VM, the amount a backup moves; 10Gi when the VM has no sized disks. */
export function vmDataBytes(vm: KubeObject | undefined): number {
  const disks = vm && Array.isArray((vm.spec as { disks?: unknown })?.disks)
    ? (vm.spec as { disks: unknown[] }).disks
    : [];
  const total = disks.reduce<number>((sum, d) => sum + (sizeBytes(getString(d, ["size"])) ?? 0), 0);
  return total > 0 ? total : DEFAULT_SIZE;
}

function trimSlashes(s: string): string {
  return s.replace(/^\/+|\/+$/g, "");
}

/** Where a BackupJob's artefact goes, e.g. `s3://bucket/prefix/<ns>/<vm>/<job>.ovf`. */
export function backupOutputPath(job: KubeObject, namespace: string, name: string): string {
  const type = getString(job, ["spec", "destination", "type"]) ?? "local";
  const bucket = trimSlashes(getString(job, ["spec", "destination", "bucket"]) ?? "");
  const prefix = trimSlashes(getString(job, ["spec", "destination", "prefix"]) ?? "");
  const vm = getString(job, ["spec", "source", "vmName"]) ??
    getString(job, ["spec", "source", "vmID"]) ?? "vm";
  const vmNs = getString(job, ["spec", "source", "namespace"]) ?? namespace;
  const ext = getString(job, ["spec", "format", "type"]) ?? "ovf";
  const tail = [prefix, vmNs, vm, `${name}.${ext}`].filter((p) => p !== "").join("/");
  const scheme: Record<string, string> = { s3: "s3://", gcs: "gs://", "azure-blob": "azure://" };
  if (scheme[type]) return `${scheme[type]}${bucket}/${tail}`;
  // local and nfs: the reference uses destination.bucket as the output directory
  const dir = bucket === "" ? "var/lib/hypersdk/backups" : bucket;
  return `/${dir}/${tail}`;
}

/** The daemon job for a BackupJob (reference §3.2 startBackup, without its dropped fields). */
export function buildBackupJobDefinition(
  job: KubeObject,
  input: { now: number; totalBytes: number; fault?: "fail" | "hang"; faultMessage?: string },
): JobDefinition {
  const namespace = getString(job, ["metadata", "namespace"]) ?? "";
  const name = getString(job, ["metadata", "name"]) ?? "";
  const provider = getString(job, ["spec", "source", "provider"]) ?? "";
  const vmName = getString(job, ["spec", "source", "vmName"]) ?? "";
  const vmPath = provider === "kubevirt"
    ? `${getString(job, ["spec", "source", "namespace"]) ?? namespace}/${vmName}`
    : provider === "vsphere"
    ? getString(job, ["spec", "source", "vmPath"]) ?? vmName
    : vmName || (getString(job, ["spec", "source", "vmID"]) ?? "");
  const outputPath = backupOutputPath(job, namespace, name);
  const d = (field: string) => getString(job, ["spec", "destination", field]);
  const metadata: Record<string, string> = {
    ...getStringMap(job, ["spec", "metadata"]),
    backupJob: `${namespace}/${name}`,
    provider,
    destination_type: d("type") ?? "",
  };
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== "") metadata[key] = value;
  };
  put("bucket", d("bucket"));
  put("prefix", d("prefix"));
  put("region", d("region"));
  put("endpoint", d("endpoint"));
  put("storage_class", d("storageClass"));
  const secret = getString(job, ["spec", "destination", "credentials", "secretRef", "name"]);
  const secretNs = getString(job, ["spec", "destination", "credentials", "secretRef", "namespace"]);
  put("credentials_secret", secret && `${secretNs ?? namespace}/${secret}`);
  if (getBoolean(job, ["spec", "carbonAware", "enabled"])) {
    metadata.carbon_aware = "true";
    put("carbon_zone", getString(job, ["spec", "carbonAware", "zone"]));
    const max = getNumber(job, ["spec", "carbonAware", "maxIntensity"]);
    put("carbon_max_intensity", max === undefined ? undefined : String(max));
  }
  if (getBoolean(job, ["spec", "incremental", "enabled"])) {
    metadata.incremental = "true";
    put("base_backup_ref", getString(job, ["spec", "incremental", "baseBackupRef"]));
  }
  const compress = getBoolean(job, ["spec", "format", "compression"]) ?? false;
  if (compress) {
    metadata.compression_level = String(
      getNumber(job, ["spec", "format", "compressionLevel"]) ?? 6,
    );
  }
  return {
    id: `backup-${namespace}-${name}`,
    name,
    vm_path: vmPath,
    output_dir: outputPath.slice(0, outputPath.lastIndexOf("/")),
    output_path: outputPath,
    format: getString(job, ["spec", "format", "type"]) ?? "ovf",
    compress,
    created_at: rfc3339(input.now),
    metadata,
    sim: {
      operation: "backup",
      totalBytes: input.totalBytes,
      fault: input.fault,
      faultMessage: input.faultMessage,
    },
  };
}

/** The daemon job for a RestoreJob (reference §3.4, with datastore/network/folder kept). */
export function buildRestoreJobDefinition(
  job: KubeObject,
  input: {
    now: number;
    sourcePath: string;
    vmName: string;
    totalBytes: number;
    fault?: "fail" | "hang";
    faultMessage?: string;
  },
): JobDefinition {
  const namespace = getString(job, ["metadata", "namespace"]) ?? "";
  const name = getString(job, ["metadata", "name"]) ?? "";
  const dest = (field: string) => getString(job, ["spec", "destination", field]);
  const metadata: Record<string, string> = {
    ...getStringMap(job, ["spec", "metadata"]),
    restoreJob: `${namespace}/${name}`,
    provider: dest("provider") ?? "",
    vmName: input.vmName,
    operation: "restore",
  };
  for (
    const field of ["namespace", "datacenter", "resourcePool", "datastore", "network", "folder"]
  ) {
    const v = dest(field);
    if (v) metadata[field] = v;
  }
  const sc = dest("storageClass");
  if (sc) metadata.storageClass = sc;
  metadata.powerOn = String(getBoolean(job, ["spec", "options", "powerOnAfterRestore"]) ?? false);
  metadata.overwrite = String(getBoolean(job, ["spec", "options", "overwrite"]) ?? false);
  const mem = getString(job, ["spec", "options", "customization", "memory"]);
  if (mem) metadata.customMemory = mem;
  const cpu = getNumber(job, ["spec", "options", "customization", "cpu"]);
  if (cpu !== undefined) metadata.customCPU = String(cpu);
  const secret = getString(job, ["spec", "source", "credentials", "secretRef", "name"]);
  if (secret) metadata.credentials_secret = `${namespace}/${secret}`;
  return {
    id: `restore-${namespace}-${name}`,
    name,
    vm_path: input.sourcePath,
    output_dir: "/var/lib/hypersdk/restores",
    output_path: `${dest("namespace") ?? namespace}/${input.vmName}`,
    format: getString(job, ["spec", "options", "convertFormat"]) ?? "ovf",
    compress: false,
    created_at: rfc3339(input.now),
    metadata,
    sim: {
      operation: "restore",
      totalBytes: input.totalBytes,
      fault: input.fault,
      faultMessage: input.faultMessage,
    },
  };
}
