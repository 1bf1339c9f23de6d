/**
 * The flags of HyperSDK's `k8s` FlagSet, with its defaults (reference/hypersdk-reference.md §2.2),
 * and typed access to a parse result.
 * @module
 */

import type { GoFlagDef, GoFlagsResult } from "./go_flags.ts";

const s = (name: string, dflt: string, usage: string): GoFlagDef => ({
  name,
  type: "string",
  default: dflt,
  usage,
});
const i = (name: string, dflt: number, usage: string): GoFlagDef => ({
  name,
  type: "int",
  default: dflt,
  usage,
});
const b = (name: string, dflt: boolean, usage: string): GoFlagDef => ({
  name,
  type: "bool",
  default: dflt,
  usage,
});

/** Every flag HyperSDK's `hyperctl k8s` accepts; any other flag is a usage error, as in Go. */
export const K8S_FLAGS: readonly GoFlagDef[] = [
  s("op", "status", "operation to run (see the list below)"),
  s("kubeconfig", "", "path to the kubeconfig file"),
  s(
    "namespace",
    "default",
    "namespace (only passed on when given: the context's namespace applies otherwise)",
  ),
  s("name", "", "resource name (backup-get/-delete, schedule-create, backup-schedule-*)"),
  b("all-namespaces", false, "list across all namespaces"),
  b("json", false, "JSON output (backup-*, schedule-*, restore-*, status)"),
  s("vm", "", "VM name"),
  s("provider", "kubevirt", "provider (backup-create, schedule-create, restore-create)"),
  s("dest-type", "s3", "destination type: s3, azure-blob, gcs, local, nfs"),
  s("bucket", "", "destination bucket"),
  b("carbon-aware", false, "carbon-aware backup scheduling"),
  b("force", false, "do not ask for confirmation (deletes)"),
  s("schedule", "", 'cron schedule, e.g. "0 2 * * *"'),
  s("backup", "", "BackupJob to restore from"),
  b("power-on", false, "power the VM on after the restore"),
  i("keep-last", 7, "backup-schedule-create: finished backups to keep"),
  b("include-memory-backup", false, "backup-schedule-create: include memory (not supported)"),
  b("quiesce-backup", true, "backup-schedule-create: quiesce (BackupJobs cannot turn it off)"),
  i("cpus", 2, "virtual CPUs (vm-create, vm-resize)"),
  s("memory", "4Gi", "memory (vm-create, vm-resize)"),
  i("gpus", 0, "GPUs (not supported: the VirtualMachine CRD has no GPU fields)"),
  s("gpu-vendor", "nvidia", "GPU vendor (not supported)"),
  s("gpu-model", "", "GPU model (not supported)"),
  b("gpu-passthrough", true, "GPU passthrough (not supported)"),
  s("usb-vendor-id", "", "USB vendor ID (not supported)"),
  s("usb-product-id", "", "USB product ID (not supported)"),
  b("usb-hotplug", true, "USB hot-plug (not supported)"),
  s("image", "", "boot image URL (vm-create)"),
  s("template", "", "VMTemplate name (vm-create, template-get)"),
  s("target", "", "name of the new VM (vm-clone, vm-clone-from-snapshot)"),
  s("target-node", "", "destination node (vm-migrate)"),
  s("snapshot", "", "VMSnapshot name"),
  b("include-memory", false, "vm-snapshot-create: include the memory state"),
  s("output", "yaml", "output format: json, yaml, wide, name or table"),
  b("watch", false, "watch for changes (vm-list, vm-get)"),
  s("status", "", "vm-list: only these phases (comma-separated, any case, prefixes allowed)"),
  s("node", "", "vm-list: only VMs on this node"),
  s("selector", "", "vm-list: label selector"),
  i("min-cpus", 0, "vm-list: only VMs with at least this many CPUs"),
  s("min-memory", "", "vm-list: only VMs with at least this much memory"),
  b("wait", false, "wait for the operation to finish"),
  b("show-progress", false, "with -wait: show a progress bar"),
  i("timeout", 300, "with -wait: give up after this many seconds"),
  b("interactive", false, "vm-create: prompt for values (not supported)"),
];

/** Typed reads of a parse result; `given` tells a user's value from a default. */
export class K8sFlags {
  constructor(private readonly result: GoFlagsResult) {}

  /** The string value ("" when unset and without default). */
  str(name: string): string {
    return String(this.result.values.get(name) ?? "");
  }

  /** The integer value. */
  int(name: string): number {
    return Number(this.result.values.get(name) ?? 0);
  }

  /** The bool value. */
  bool(name: string): boolean {
    return this.result.values.get(name) === true;
  }

  /** Whether the user set the flag (even to its default). */
  given(name: string): boolean {
    return this.result.set.has(name);
  }

  /** A string flag the user set to something non-empty (HyperSDK treats "" as unset). */
  present(name: string): boolean {
    return this.given(name) && this.str(name) !== "";
  }
}
