/**
 * The op table of `hyperctl k8s -op …`: all 30 HyperSDK operations (reference §2.3), each mapped
 * to a real hyperctl command. The per-op decisions are commented in ops_vm.ts and ops_backup.ts.
 * @module
 */

import type { OpGroup, OpSpec } from "./_mapping.ts";
import { BACKUP_OPS } from "./ops_backup.ts";
import { VM_OPS } from "./ops_vm.ts";

export type { OpGroup, OpSpec } from "./_mapping.ts";

/** Every op, VM ops first, as HyperSDK lists them. */
export const OPS: readonly OpSpec[] = [...VM_OPS, ...BACKUP_OPS];

/** The op named `op`, or undefined. */
export function opByName(op: string): OpSpec | undefined {
  return OPS.find((o) => o.op === op);
}

/** Op names by group, in table order (for `-help` and the unknown-op error). */
export function opsByGroup(): Map<OpGroup, string[]> {
  const groups = new Map<OpGroup, string[]>();
  for (const o of OPS) groups.set(o.group, [...groups.get(o.group) ?? [], o.op]);
  return groups;
}
