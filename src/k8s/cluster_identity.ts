/**
 * What identifies a kind's history on a cluster: the UID of its CustomResourceDefinition.
 *
 * A checkpoint's resourceVersions only mean something on the cluster that issued them; a cluster
 * rebuilt at the same URL (kind, minikube, an etcd restore) issues new ones from scratch. The CRD's
 * UID changes with every such rebuild, and reading it needs one small GET.
 * @module
 */

import type { KubeApi, ResourceRef } from "./api.ts";
import { ApiError } from "./errors.ts";

const CRDS: ResourceRef = {
  group: "apiextensions.k8s.io",
  version: "v1",
  plural: "customresourcedefinitions",
  namespace: undefined,
};

/**
 * The UID of `ref`'s CustomResourceDefinition.
 *
 * @param api the client
 * @param ref the watched collection
 * @returns the UID, or undefined when the user may not read CRDs or the kind is not a CRD (the
 *   checkpoint then relies on its resourceVersion checks alone); other failures are thrown
 */
export async function clusterIdentity(
  api: Pick<KubeApi, "get">,
  ref: ResourceRef,
): Promise<string | undefined> {
  try {
    const crd = await api.get(CRDS, `${ref.plural}.${ref.group}`);
    const uid = crd.metadata?.uid;
    return typeof uid === "string" && uid !== "" ? uid : undefined;
  } catch (e) {
    if (e instanceof ApiError && (e.code === 403 || e.code === 404)) return undefined;
    throw e;
  }
}
