/**
 * Bulk creation for `SimServer.seed`: the verbs of a POST and a PUT of `/status`, called
 * directly, so seeding 100 000 objects costs their admission, not 200 000 HTTP round trips.
 * @module
 */

import { type KubeObject, nameOf } from "../../core/types.ts";
import type { ResourceOps, WriteOpts } from "./resource_ops.ts";

/** Which collection `SimServer.seed` fills. */
export interface SeedTarget {
  group: string;
  version: string;
  plural: string;
  namespace: string;
}

/** One object to seed, with the status an operator would have written. */
export interface SeedItem {
  object: KubeObject;
  status?: Record<string, unknown>;
}

/** As a client's create without options: strict field validation, not a dry run. */
const WRITE: WriteOpts = { dryRun: false, fieldValidation: "Strict" };

/**
 * Create every item in `namespace` and write its status, in order.
 * @returns how many objects were created
 */
export function seedStore(ops: ResourceOps, namespace: string, items: Iterable<SeedItem>): number {
  let count = 0;
  for (const { object, status } of items) {
    const created = ops.create(namespace, object, WRITE).object;
    if (status !== undefined) {
      ops.update(namespace, nameOf(created), { ...created, status }, WRITE, "status");
    }
    count++;
  }
  return count;
}
