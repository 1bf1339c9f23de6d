/**
 * Lists of metadata only: kube-apiserver's `PartialObjectMetadataList`.
 *
 * A client that needs nothing of each object but its metadata (`-o name`) asks for this media
 * type; the server then leaves out every item's spec and status. A watch asks for its events'
 * objects the same way. The plain `application/json`
 * after it lets a server that does not serve the conversion answer with the full list instead,
 * whose items carry the same metadata, so a caller reads either answer the same way.
 * @module
 */

import type { IncludeObject } from "../core/server_rows.ts";

/** The Accept header of a list request that wants each item's metadata only. */
export const METADATA_LIST_ACCEPT =
  "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1, application/json";

/**
 * The Accept header of a watch request that wants each event's object as metadata only: a
 * `PartialObjectMetadata` per event (kube-apiserver answers a watch asking for the list form with
 * nothing). The fallback is the same as a list's.
 */
export const METADATA_WATCH_ACCEPT =
  "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1, application/json";

/**
 * The Accept header of a list request that wants server-side table rows (`kubectl get`'s table);
 * the plain fallback brings the list itself from a server that does not print tables.
 */
export const TABLE_LIST_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io, application/json";

/**
 * The Accept header of a list request: table rows or the metadata-only media type when asked
 * for, else the requester's default (undefined).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(listAccept({ metadataOnly: false }), undefined);
 * equal(listAccept({ metadataOnly: true }), METADATA_LIST_ACCEPT);
 * equal(listAccept({ rows: "None" }), TABLE_LIST_ACCEPT);
 * ```
 */
export function listAccept(
  options: { metadataOnly?: boolean; rows?: IncludeObject } = {},
): string | undefined {
  if (options.rows !== undefined) return TABLE_LIST_ACCEPT;
  return options.metadataOnly ? METADATA_LIST_ACCEPT : undefined;
}

/**
 * The Accept header of a watch request: metadata-only objects when asked for, else the
 * requester's default (undefined).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(watchAccept({}), undefined);
 * equal(watchAccept({ metadataOnly: true }), METADATA_WATCH_ACCEPT);
 * ```
 */
export function watchAccept(options: { metadataOnly?: boolean } = {}): string | undefined {
  return options.metadataOnly ? METADATA_WATCH_ACCEPT : undefined;
}
