/**
 * The CustomResourceDefinitions the sim serves, as GET
 * `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/NAME` returns them.
 *
 * Why: a client tells a cluster rebuilt at the same URL by its CRD's uid (`--state-file`); each sim
 * start is a new cluster, so each start mints new uids, as a real server does on creating a CRD.
 * @module
 */

import type { ResourceDef } from "./resource_defs.ts";
import type { Qualified } from "./status.ts";

/** The CRD resource itself, for authorization and 404s. */
export const CRD_RESOURCE: Qualified = {
  group: "apiextensions.k8s.io",
  plural: "customresourcedefinitions",
  kind: "CustomResourceDefinition",
};

/**
 * One CRD object per def, by name (`plural.group`): metadata as the real server fills it (a uid
 * new at every start), and the spec's names, scope and versions.
 */
export function crdObjects(
  defs: readonly ResourceDef[],
  createdAt: string,
): ReadonlyMap<string, Record<string, unknown>> {
  const crds = new Map<string, Record<string, unknown>>();
  for (const d of defs) {
    const name = `${d.plural}.${d.group}`;
    crds.set(name, {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: {
        creationTimestamp: createdAt,
        generation: 1,
        name,
        resourceVersion: "1",
        uid: crypto.randomUUID(),
      },
      spec: {
        conversion: { strategy: "None" },
        group: d.group,
        names: {
          ...(d.categories.length > 0 ? { categories: d.categories } : {}),
          kind: d.kind,
          listKind: d.listKind,
          plural: d.plural,
          ...(d.shortNames.length > 0 ? { shortNames: d.shortNames } : {}),
          singular: d.singular,
        },
        scope: d.namespaced ? "Namespaced" : "Cluster",
        versions: [{
          name: d.version,
          schema: { openAPIV3Schema: d.schema },
          served: true,
          storage: true,
          ...(d.hasStatus ? { subresources: { status: {} } } : {}),
        }],
      },
    });
  }
  return crds;
}
