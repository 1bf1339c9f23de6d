/**
 * `metadata.managedFields`: the server-side-apply bookkeeping a real API server puts on every
 * object, often the largest part of it. hyperctl never prints it (kubectl prints it only with
 * `--show-managed-fields`) and no filter, diff or checkpoint reads it.
 * @module
 */

import { isRecord, type KubeObject } from "./types.ts";

/**
 * A shallow copy of the object without `metadata.managedFields`; the input is not modified, so
 * a cache holding the object is not changed by printing it.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(stripManagedFields({ metadata: { name: "a", managedFields: [] } }), { metadata: { name: "a" } });
 * ```
 */
export function stripManagedFields(obj: KubeObject): KubeObject {
  if (!isRecord(obj.metadata) || !("managedFields" in obj.metadata)) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
