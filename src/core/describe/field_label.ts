/**
 * Human labels for CRD field names, as kubectl's describers print them (`ipAddresses` → `IP
 * Addresses`), with the abbreviations of this domain in capitals.
 * @module
 */

/** Words that read as abbreviations; kubectl's `smartLabelFor` keeps a similar list. */
const ACRONYMS: Record<string, string> = {
  api: "API",
  cpu: "CPU",
  cpus: "CPUs",
  gpu: "GPU",
  gpus: "GPUs",
  id: "ID",
  ip: "IP",
  mac: "MAC",
  os: "OS",
  pci: "PCI",
  pid: "PID",
  qemu: "QEMU",
  uid: "UID",
  url: "URL",
  usb: "USB",
  uuid: "UUID",
  vgpu: "vGPU",
  vm: "VM",
  vnc: "VNC",
  s3: "S3",
  pvc: "PVC",
};

/**
 * The label of a field name: camelCase split into capitalised words.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { fieldLabel } from "./field_label.ts";
 * equal(fieldLabel("ipAddresses"), "IP Addresses");
 * equal(fieldLabel("vmID"), "VM ID");
 * equal(fieldLabel("startingDeadlineSeconds"), "Starting Deadline Seconds");
 * ```
 */
export function fieldLabel(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter((w) => w !== "")
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w[0].toUpperCase() + w.slice(1))
    .join(" ");
}
