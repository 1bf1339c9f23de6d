/**
 * Discovery documents (`/apis`, `/apis/<group>`, `/apis/<group>/<version>`, `/version`) and the
 * OpenAPI v3 documents kubectl reads before `apply`.
 *
 * kubectl resolves `vm` to `virtualmachines.hypersdk.io` from these documents and checks the
 * OpenAPI v3 operations for `fieldValidation` support, so their shapes follow the real server.
 * @module
 */

import type { ResourceDef } from "./resource_defs.ts";

/** Version info the sim reports on `/version`. */
export const SIM_VERSION = {
  major: "1",
  minor: "33",
  emulationMajor: "1",
  emulationMinor: "33",
  minCompatibilityMajor: "1",
  minCompatibilityMinor: "32",
  gitVersion: "v1.33.0-hyperctl-sim",
  gitCommit: "0000000000000000000000000000000000000000",
  gitTreeState: "clean",
  buildDate: "2026-01-01T00:00:00Z",
  goVersion: "go1.24",
  compiler: "gc",
  platform: "linux/amd64",
};

function groups(defs: readonly ResourceDef[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of defs) {
    const vs = out.get(d.group) ?? [];
    if (!vs.includes(d.version)) vs.push(d.version);
    out.set(d.group, vs);
  }
  return out;
}

function apiGroup(name: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

/** `/apis`: the legacy (non-aggregated) APIGroupList. */
export function apiGroupList(defs: readonly ResourceDef[]) {
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: [...groups(defs)].map(([name, vs]) => apiGroup(name, vs)),
  };
}

/** `/apis/<group>`, or undefined for an unknown group. */
export function apiGroupDoc(defs: readonly ResourceDef[], group: string) {
  const vs = groups(defs).get(group);
  return vs ? { kind: "APIGroup", apiVersion: "v1", ...apiGroup(group, vs) } : undefined;
}

/** `/apis/<group>/<version>`: resources with verbs, short names and the status subresource. */
export function apiResourceList(
  defs: readonly ResourceDef[],
  group: string,
  version: string,
  hashes: ReadonlyMap<string, string> = new Map(),
) {
  const ds = defs.filter((d) => d.group === group && d.version === version);
  if (ds.length === 0) return undefined;
  const resources = ds.flatMap((d) => [
    {
      name: d.plural,
      singularName: d.singular,
      namespaced: d.namespaced,
      kind: d.kind,
      verbs: ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"],
      ...(d.shortNames.length ? { shortNames: d.shortNames } : {}),
      ...(d.categories.length ? { categories: d.categories } : {}),
      ...(hashes.has(d.plural) ? { storageVersionHash: hashes.get(d.plural) } : {}),
    },
    ...(d.hasStatus
      ? [{
        name: `${d.plural}/status`,
        singularName: "",
        namespaced: d.namespaced,
        kind: d.kind,
        verbs: ["get", "patch", "update"],
      }]
      : []),
  ]);
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: `${group}/${version}`,
    resources,
  };
}

/**
 * Discovery's storageVersionHash: base64 of the first 8 bytes of sha256("group/version/Kind"),
 * as the real server computes it (clients use it to detect storage migrations).
 */
export async function storageVersionHash(d: ResourceDef): Promise<string> {
  const data = new TextEncoder().encode(`${d.group}/${d.version}/${d.kind}`);
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return btoa(String.fromCharCode(...sum.slice(0, 8)));
}

/** `/`: the served paths (also the body of the real server's 404 for unknown top-level paths). */
export function rootPaths(defs: readonly ResourceDef[]) {
  const gvs = [...groups(defs)].flatMap((
    [g, vs],
  ) => [`/apis/${g}`, ...vs.map((v) => `/apis/${g}/${v}`)]);
  return {
    paths: [
      "/apis",
      "/apis/",
      ...gvs,
      "/healthz",
      "/livez",
      "/openapi/v3",
      "/openapi/v3/",
      "/readyz",
      "/version",
    ],
  };
}

/** `/openapi/v3`: the index of group-version documents. */
export function openApiIndex(defs: readonly ResourceDef[]) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [g, vs] of groups(defs)) {
    for (const v of vs) {
      paths[`apis/${g}/${v}`] = { serverRelativeURL: `/openapi/v3/apis/${g}/${v}` };
    }
  }
  return { paths };
}

const param = (name: string, description: string) => ({
  name,
  in: "query",
  description,
  schema: { type: "string", uniqueItems: true },
});

/** `/openapi/v3/apis/<group>/<version>`: component schemas and the write operations. */
export function openApiGroupVersion(defs: readonly ResourceDef[], group: string, version: string) {
  const ds = defs.filter((d) => d.group === group && d.version === version);
  if (ds.length === 0) return undefined;
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  const writeParams = [
    param("dryRun", "When present, indicates that modifications should not be persisted."),
    param(
      "fieldManager",
      "fieldManager is a name associated with the actor or entity that is making these changes.",
    ),
    param(
      "fieldValidation",
      "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields.",
    ),
  ];
  for (const d of ds) {
    const ref = `io.${d.group.split(".").reverse().join(".")}.${d.version}.${d.kind}`;
    schemas[ref] = {
      ...d.schema,
      "x-kubernetes-group-version-kind": [{ group: d.group, kind: d.kind, version: d.version }],
    };
    const body = { content: { "*/*": { schema: { $ref: `#/components/schemas/${ref}` } } } };
    const ok = {
      "200": { description: "OK", content: { "application/json": body.content["*/*"] } },
    };
    const base = `/apis/${d.group}/${d.version}/namespaces/{namespace}/${d.plural}`;
    paths[base] = {
      get: { operationId: `list${d.kind}`, responses: ok },
      post: {
        operationId: `create${d.kind}`,
        "x-kubernetes-group-version-kind": { group: d.group, kind: d.kind, version: d.version },
        requestBody: body,
        responses: ok,
        parameters: writeParams,
      },
    };
    const gvk = { group: d.group, kind: d.kind, version: d.version };
    const item = {
      get: { operationId: `read${d.kind}`, responses: ok },
      put: {
        operationId: `replace${d.kind}`,
        requestBody: body,
        responses: ok,
        parameters: writeParams,
      },
      patch: {
        operationId: `patch${d.kind}`,
        "x-kubernetes-group-version-kind": gvk,
        requestBody: {
          content: { "application/merge-patch+json": { schema: { type: "object" } } },
        },
        responses: ok,
        parameters: writeParams,
      },
      delete: { operationId: `delete${d.kind}`, responses: ok },
    };
    paths[`${base}/{name}`] = item;
    if (d.hasStatus) paths[`${base}/{name}/status`] = item;
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes CRD Swagger", version: "v0.1.0" },
    paths,
    components: { schemas },
  };
}
