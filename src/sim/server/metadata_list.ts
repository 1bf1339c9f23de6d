/**
 * Metadata-only lists: `Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1`
 * answered as kube-apiserver answers it for a custom resource — a `PartialObjectMetadataList` of
 * `PartialObjectMetadata` items (each object's metadata, no spec or status), paged like the full
 * list, with the typed ListMeta (an empty `continue` left out); and metadata-only watches
 * (`as=PartialObjectMetadata`), whose events, bookmarks included, carry `PartialObjectMetadata`.
 * @module
 */

import type { KubeObject } from "../../core/types.ts";
import { partialObjectMetadata } from "./_object_meta.ts";

/**
 * True when the Accept header's first media type asks for a `meta.k8s.io/v1` `as` kind (the
 * server serves the first type it can; a plain `application/json` after it is the client's
 * fallback).
 */
function wantsMeta(accept: string | null, as: string): boolean {
  if (accept === null) return false;
  const params = new Map(
    accept.split(",")[0].split(";").slice(1).map((p) => {
      const [key, value = ""] = p.split("=");
      return [key.trim(), value.trim()] as const;
    }),
  );
  return params.get("as") === as && params.get("g") === "meta.k8s.io" && params.get("v") === "v1";
}

/**
 * True when a list request asks for a PartialObjectMetadataList.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(wantsMetadataList("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"), true);
 * equal(wantsMetadataList("application/json"), false);
 * ```
 */
export function wantsMetadataList(accept: string | null): boolean {
  return wantsMeta(accept, "PartialObjectMetadataList");
}

/**
 * True when a watch request asks for each event's object as a PartialObjectMetadata (what
 * client-go's metadata client sends; a watch asking for the list kind gets whole objects here).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(wantsMetadataObjects("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"), true);
 * equal(wantsMetadataObjects("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"), false);
 * ```
 */
export function wantsMetadataObjects(accept: string | null): boolean {
  return wantsMeta(accept, "PartialObjectMetadata");
}

/** Where a page of a list stands: what its ListMeta says. */
export interface PagePosition {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/**
 * A typed ListMeta (Table, PartialObjectMetadataList): resourceVersion first, an empty continue
 * left out — unlike a custom resource's own list, which always carries `continue`.
 */
export function typedListMeta(page: PagePosition): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continue) metadata.continue = page.continue;
  if (page.remainingItemCount !== undefined) {
    metadata.remainingItemCount = page.remainingItemCount;
  }
  return metadata;
}

/** One page of a list as a PartialObjectMetadataList. */
export function toMetadataList(
  items: readonly KubeObject[],
  page: PagePosition,
): Record<string, unknown> {
  return {
    kind: "PartialObjectMetadataList",
    apiVersion: "meta.k8s.io/v1",
    metadata: typedListMeta(page),
    items: items.map(partialObjectMetadata),
  };
}
