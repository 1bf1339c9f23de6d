/**
 * `KubeApi` over our own fetch transport: typed CRUD, patch flavours, `/status`, dry-run and one
 * watch request decoded incrementally.
 *
 * Reconnects, relists and backoff are not here on purpose: `watch$` composes them from this
 * single-request surface so they can be marble-tested without a network.
 * @module
 */

import type { KubeList, KubeObject, Status, WatchEvent } from "../core/types.ts";
import { isRecord } from "../core/types.ts";
import type {
  DeleteOptions,
  KubeApi,
  ListOptions,
  PatchOptions,
  PatchType,
  ResourceRef,
  WatchOptions,
  WatchStream,
  WriteOptions,
} from "./api.ts";
import { Credentials } from "./_credentials.ts";
import { decodeNdjson, NdjsonSyntaxError } from "./_ndjson.ts";
import { reusedChunks } from "./_body_chunks.ts";
import { listQuery, query, resourcePath, watchQuery } from "./_paths.ts";
import { listAccept, watchAccept } from "./_partial_metadata.ts";
import { tableItems } from "../core/server_rows.ts";
import { type ApiRequest, type OpenStream, Requester } from "./_requester.ts";
import { toTransportError } from "./_transport_error.ts";
import { TransportError } from "./errors.ts";
import type { ResolvedConfig } from "./kubeconfig.ts";

/** Options of `createKubeApi`. */
export interface KubeApiOptions {
  /**
   * Timeout of every single request, headers and body; a watch only waits this long for its
   * response headers — the stream itself is bounded by `timeoutSeconds` and idle detection.
   * 0 disables it. @default 30000
   */
  requestTimeoutMs?: number;
  /** Receives one line per request (`-v`); credentials never appear in it. */
  log?: (line: string) => void;
  /** @default "hyperctl" */
  userAgent?: string;
}

/** A KubeApi that also owns pooled connections; close it when done (tests check for leaks). */
export interface KubeClient extends KubeApi, Disposable {
  readonly config: ResolvedConfig;
  close(): void;
}

const CONTENT_TYPES: Record<PatchType, string> = {
  merge: "application/merge-patch+json",
  json: "application/json-patch+json",
  apply: "application/apply-patch+yaml",
};

/** Creates the client for one resolved kubeconfig. */
export function createKubeApi(config: ResolvedConfig, options: KubeApiOptions = {}): KubeClient {
  const credentials = new Credentials(config);
  const requester = new Requester({
    server: config.server,
    tls: {
      caData: config.caData,
      insecureSkipTlsVerify: config.insecureSkipTlsVerify,
      tlsServerName: config.tlsServerName,
      proxyUrl: config.proxyUrl,
      username: config.username,
    },
    credentials,
    username: config.username,
    requestTimeoutMs: options.requestTimeoutMs,
    log: options.log,
    userAgent: options.userAgent,
  });
  const info = (ref: ResourceRef, verb: string, name?: string) => ({
    verb,
    plural: ref.plural,
    group: ref.group,
    name,
    namespace: ref.namespace,
  });
  const writeQuery = (o: WriteOptions = {}, extra: Record<string, string | undefined> = {}) =>
    query({ dryRun: o.dryRun ? "All" : undefined, fieldManager: o.fieldManager, ...extra });

  const api: KubeClient = {
    config,
    server: config.server,

    list(ref: ResourceRef, opts?: ListOptions, signal?: AbortSignal): Promise<KubeList> {
      return requester.json<KubeList>({
        info: info(ref, "list"),
        method: "GET",
        path: resourcePath(ref),
        query: listQuery(opts),
        accept: listAccept(opts),
        signal,
      }).then(asList);
    },

    get(ref: ResourceRef, name: string, signal?: AbortSignal): Promise<KubeObject> {
      return requester.json({
        info: info(ref, "get", name),
        method: "GET",
        path: resourcePath(ref, name),
        signal,
      });
    },

    create(ref: ResourceRef, body: KubeObject, opts?: WriteOptions): Promise<KubeObject> {
      const ns = ref.namespace ?? body.metadata?.namespace;
      const target = { ...ref, namespace: ns };
      return requester.json({
        info: info(target, "create", body.metadata?.name),
        method: "POST",
        path: resourcePath(target),
        query: writeQuery(opts),
        body: JSON.stringify(body),
        contentType: "application/json",
      });
    },

    replace(ref, name, body, opts = {}): Promise<KubeObject> {
      return requester.json({
        info: info(ref, "update", name),
        method: "PUT",
        path: resourcePath(ref, name, opts.subresource),
        query: writeQuery(opts),
        body: JSON.stringify(body),
        contentType: "application/json",
      });
    },

    patch(ref: ResourceRef, name: string, body: unknown, opts: PatchOptions): Promise<KubeObject> {
      // Server-side apply requires a field manager; merge/JSON patches only send one when asked.
      const fieldManager = opts.type === "apply"
        ? opts.fieldManager ?? "hyperctl"
        : opts.fieldManager;
      return requester.json({
        info: info(ref, "patch", name),
        method: "PATCH",
        path: resourcePath(ref, name, opts.subresource),
        query: writeQuery({ ...opts, fieldManager }, {
          force: opts.type === "apply" && opts.force ? "true" : undefined,
        }),
        body: typeof body === "string" ? body : JSON.stringify(body),
        contentType: CONTENT_TYPES[opts.type],
      });
    },

    delete(ref: ResourceRef, name: string, opts: DeleteOptions = {}): Promise<KubeObject | Status> {
      const body: Record<string, unknown> = { kind: "DeleteOptions", apiVersion: "v1" };
      if (opts.propagationPolicy) body.propagationPolicy = opts.propagationPolicy;
      if (opts.preconditions) body.preconditions = opts.preconditions;
      if (opts.dryRun) body.dryRun = ["All"];
      return requester.json({
        info: info(ref, "delete", name),
        method: "DELETE",
        path: resourcePath(ref, name),
        query: writeQuery(opts),
        body: JSON.stringify(body),
        contentType: "application/json",
      });
    },

    async watch(ref: ResourceRef, opts?: WatchOptions): Promise<WatchStream> {
      const req: ApiRequest = {
        info: info(ref, "watch"),
        method: "GET",
        path: resourcePath(ref),
        query: watchQuery(opts),
        accept: watchAccept(opts),
      };
      return watchStream(await requester.stream(req));
    },

    getRaw(path: string, signal?: AbortSignal): Promise<unknown> {
      const [p, q] = path.split("?", 2);
      return requester.json({
        info: { verb: "get" },
        method: "GET",
        path: p.startsWith("/") ? p : `/${p}`,
        query: q ? new URLSearchParams(q) : undefined,
        signal,
      });
    },

    close() {
      requester.close();
    },
    [Symbol.dispose]() {
      requester.close();
    },
  };
  return api;
}

/** Wraps one open watch response as a WatchStream; `close()` ends iteration quietly. */
function watchStream(open: OpenStream): WatchStream {
  const { response, url, controller } = open;
  let closed = false;
  const stop = () => {
    if (closed) return;
    closed = true;
    controller.abort();
  };
  async function* events(): AsyncGenerator<WatchEvent> {
    if (!response.body) return;
    try {
      for await (const value of decodeNdjson(reusedChunks(response.body))) {
        if (closed) return;
        if (!isRecord(value) || typeof value.type !== "string" || !isRecord(value.object)) {
          throw new TransportError("protocol", url, "watch event without type and object");
        }
        yield value as unknown as WatchEvent;
      }
    } catch (e) {
      if (closed) return;
      if (e instanceof TransportError) throw e;
      if (e instanceof NdjsonSyntaxError) throw new TransportError("protocol", url, e.message);
      const err = toTransportError(e, url);
      throw new TransportError("stream", url, err.detail, { cause: e });
    } finally {
      stop();
    }
  }
  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: stop,
  };
}

/**
 * A list answer as a list: its items, or a Table's rows made items (whose own fields, the rows
 * with their objects and the column definitions, are not kept beside them).
 */
function asList(body: KubeList & { rows?: unknown; columnDefinitions?: unknown }): KubeList {
  const rows = tableItems(body);
  if (rows === undefined) return { ...body, items: Array.isArray(body.items) ? body.items : [] };
  const { rows: _rows, columnDefinitions: _columns, ...list } = body;
  return { ...list, items: rows };
}
