/**
 * ObjectMeta's fields in Go struct order, shared by pruning (which keeps only these) and
 * PartialObjectMetadata (Table rows, metadata-only lists), which encodes them in this order.
 * @module
 */

import type { KubeObject } from "../../core/types.ts";

/** The typed ObjectMeta fields, in the order Go's encoder writes them. */
export const OBJECT_META_FIELDS: readonly string[] = [
  "name",
  "generateName",
  "namespace",
  "selfLink",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "ownerReferences",
  "finalizers",
  "managedFields",
];

/** The kind and apiVersion of a `PartialObjectMetadata`. */
export const PARTIAL_METADATA = { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1" };

/** An object as kube-apiserver's `PartialObjectMetadata`: its typed metadata, nothing else. */
export function partialObjectMetadata(obj: KubeObject): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  for (const k of OBJECT_META_FIELDS) {
    if (obj.metadata?.[k] !== undefined) metadata[k] = obj.metadata[k];
  }
  return { ...PARTIAL_METADATA, metadata };
}
