/**
 * ObjectMeta's fields in Go struct order, shared by pruning (which keeps only these) and the
 * Table's PartialObjectMetadata (which encodes them in this order).
 * @module
 */

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
