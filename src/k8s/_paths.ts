/**
 * REST paths and query strings of the Kubernetes API, in one place so the client stays readable.
 * @module
 */

import type { ListOptions, ResourceRef, WatchOptions } from "./api.ts";

/**
 * `/apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{sub}]]`; the core group uses
 * `/api/{version}`. An undefined namespace addresses all namespaces (or a cluster-scoped kind).
 */
export function resourcePath(ref: ResourceRef, name?: string, subresource?: string): string {
  const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  const ns = ref.namespace !== undefined ? `/namespaces/${encodeURIComponent(ref.namespace)}` : "";
  let path = `${base}${ns}/${ref.plural}`;
  if (name !== undefined) path += `/${encodeURIComponent(name)}`;
  if (subresource) path += `/${subresource}`;
  return path;
}

/** Query of a list request; undefined and empty values are left out. */
export function listQuery(o: ListOptions = {}): URLSearchParams {
  return query({
    labelSelector: o.labelSelector,
    fieldSelector: o.fieldSelector,
    limit: o.limit ? String(o.limit) : undefined,
    continue: o.continue,
    resourceVersion: o.resourceVersion,
    resourceVersionMatch: o.resourceVersionMatch,
    includeObject: o.rows,
  });
}

/** Query of a watch request (`watch=true` first, as kubectl sends it). */
export function watchQuery(o: WatchOptions = {}): URLSearchParams {
  return query({
    watch: "true",
    labelSelector: o.labelSelector,
    fieldSelector: o.fieldSelector,
    resourceVersion: o.resourceVersion,
    resourceVersionMatch: o.resourceVersionMatch,
    timeoutSeconds: o.timeoutSeconds !== undefined ? String(o.timeoutSeconds) : undefined,
    allowWatchBookmarks: o.allowWatchBookmarks ? "true" : undefined,
    sendInitialEvents: o.sendInitialEvents !== undefined ? String(o.sendInitialEvents) : undefined,
  });
}

/** Builds a query from defined, non-empty values. */
export function query(values: Record<string, string | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "") q.set(k, v);
  return q;
}
