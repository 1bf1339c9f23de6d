/**
 * The contract between hyperctl and a Kubernetes API server.
 *
 * Commands, the watch machinery and the simulated operator depend on this interface, never on a
 * concrete transport, so tests can hand in cold observables or a client bound to any server.
 * @module
 */

import type { IncludeObject } from "../core/server_rows.ts";
import type { KubeList, KubeObject, Status, WatchEvent } from "../core/types.ts";

/** Which collection a request addresses. `namespace: undefined` means all namespaces. */
export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
}

/** Query parameters of a list request. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Page size; 0 or undefined = no limit. */
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: "Exact" | "NotOlderThan";
  /**
   * Ask for each item's metadata only (a `PartialObjectMetadataList`); a server that does not
   * serve it answers with the full list. Not a query parameter: it sets the Accept header.
   */
  metadataOnly?: boolean;
  /**
   * Ask for a server-side table instead of objects: the cells the server prints for each object,
   * each row with its object's metadata or nothing (`includeObject`). The items are then made
   * from the rows (core/server_rows.ts); a server that does not print tables answers with the
   * list itself. Sets the Accept header and `includeObject`.
   */
  rows?: IncludeObject;
}

/** Query parameters of a watch request. */
export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  /** Server-side lifetime of this watch request, in seconds. */
  timeoutSeconds?: number;
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
  resourceVersionMatch?: "NotOlderThan";
  /**
   * Ask for each event's object as metadata only (a `PartialObjectMetadata`); a server that does
   * not serve it sends whole objects. Not a query parameter: it sets the Accept header.
   */
  metadataOnly?: boolean;
}

/** Options shared by writes. */
export interface WriteOptions {
  /** Server-side dry run (`dryRun=All`). */
  dryRun?: boolean;
  fieldManager?: string;
}

/** Patch flavours CRs support (strategic merge is not one of them). */
export type PatchType = "merge" | "json" | "apply";

/** Options of a patch. */
export interface PatchOptions extends WriteOptions {
  type: PatchType;
  /** Patch the status subresource instead of the main resource. */
  subresource?: "status";
  /** Server-side apply: take over conflicting fields. */
  force?: boolean;
}

/** Options of a delete. */
export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  /** Only delete if the object still has this UID / resourceVersion. */
  preconditions?: { uid?: string; resourceVersion?: string };
}

/**
 * One watch request as an async stream of decoded events; it ends when the server closes the
 * stream normally and throws on transport errors. In-stream `ERROR` events (410 Gone) are
 * delivered as events, not thrown, so callers can decide to relist.
 */
export interface WatchStream extends AsyncIterable<WatchEvent> {
  /** Close the underlying request; the iterator then ends without error. */
  close(): void;
}

/** Typed access to one API server, for any resource. */
export interface KubeApi {
  /** Server URL, for messages (`cannot reach https://…`). */
  readonly server: string;
  list(ref: ResourceRef, options?: ListOptions, signal?: AbortSignal): Promise<KubeList>;
  get(ref: ResourceRef, name: string, signal?: AbortSignal): Promise<KubeObject>;
  create(ref: ResourceRef, body: KubeObject, options?: WriteOptions): Promise<KubeObject>;
  /** Full update (PUT); fails with 409 Conflict when metadata.resourceVersion is stale. */
  replace(
    ref: ResourceRef,
    name: string,
    body: KubeObject,
    options?: WriteOptions & { subresource?: "status" },
  ): Promise<KubeObject>;
  patch(ref: ResourceRef, name: string, body: unknown, options: PatchOptions): Promise<KubeObject>;
  delete(ref: ResourceRef, name: string, options?: DeleteOptions): Promise<KubeObject | Status>;
  /** Opens one watch request; never reconnects by itself (see watch$ for that). */
  watch(ref: ResourceRef, options?: WatchOptions): Promise<WatchStream>;
  /** GET an arbitrary path (discovery, /version); returns parsed JSON. */
  getRaw(path: string, signal?: AbortSignal): Promise<unknown>;
}
