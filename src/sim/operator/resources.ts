/**
 * The kinds the simulated operator drives and how to address them through a `KubeApi`.
 * @module
 */

import type { ResourceRef } from "../../k8s/api.ts";
import { API_VERSION, GROUP, KINDS, VERSION } from "../../core/kinds.ts";

/** The seven HyperSDK kinds, by `kind`. */
export type KindName =
  | "VirtualMachine"
  | "VMOperation"
  | "VMSnapshot"
  | "VMTemplate"
  | "BackupJob"
  | "BackupSchedule"
  | "RestoreJob";

/** Every kind the operator watches, in the order the watches are opened. */
export const KIND_NAMES: readonly KindName[] = [
  "VirtualMachine",
  "VMSnapshot",
  "VMTemplate",
  "BackupJob",
  "RestoreJob",
  "BackupSchedule",
  "VMOperation",
];

/** `apiVersion` written on objects the operator creates. */
export { API_VERSION };

/** The collection of `kind` in `namespace` (undefined = all namespaces). */
export function refFor(kind: KindName, namespace?: string): ResourceRef {
  const info = KINDS.find((k) => k.kind === kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return { group: GROUP, version: VERSION, plural: info.plural, namespace };
}

/** `virtualmachines.hypersdk.io`, as the API server names a resource in its messages. */
export function resourceName(kind: KindName): string {
  return `${refFor(kind).plural}.${GROUP}`;
}
