/**
 * HTTP translation for one resource: query parameters and bodies in, objects, lists, Tables and
 * watch streams out. Semantics live in ResourceOps, list_query and WatchHub.
 * @module
 */

import { readBodyText } from "./limits.ts";
import { parse as parseYaml } from "yaml";
import { isRecord, type KubeObject } from "../../core/types.ts";
import type { FieldValidation } from "./admission.ts";
import { jsonPatch, mergePatch, PatchConflictError } from "./patch.ts";
import { listPage, selectorMatcher } from "./list_query.ts";
import type { ResourceOps, WriteOpts, WriteResult } from "./resource_ops.ts";
import {
  ApiError,
  badRequest,
  methodNotAllowed,
  patchRejected,
  pathNotFound,
  unsupportedMediaType,
} from "./status.ts";
import { type IncludeObject, toTable, wantsTable } from "./table.ts";
import {
  toMetadataList,
  typedListMeta,
  wantsMetadataList,
  wantsMetadataObjects,
} from "./metadata_list.ts";
import { PARTIAL_METADATA, partialObjectMetadata } from "./_object_meta.ts";
import type { Store } from "./store.ts";
import type { WatchHub } from "./watch_hub.ts";

/** Where a request points inside one resource. */
export interface ResourceTarget {
  namespace?: string;
  name?: string;
  subresource?: "status";
}

/** Server-wide knobs the handler needs. */
export interface HandlerEnv {
  store: Store;
  hub: WatchHub;
  now: () => number;
  bookmarkIntervalMs: number;
  /** Watch lifetime when the client sends no timeoutSeconds. */
  defaultWatchTimeoutMs: () => number;
}

/** JSON response with the server's content type. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** The verb RBAC would see for this request. */
export function verbOf(method: string, t: ResourceTarget, url: URL): string {
  const watch = ["true", "1"].includes(url.searchParams.get("watch") ?? "");
  switch (method) {
    case "GET":
      return t.name ? (watch ? "watch" : "get") : (watch ? "watch" : "list");
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return t.name ? "delete" : "deletecollection";
    default:
      return method.toLowerCase();
  }
}

function writeOpts(url: URL): WriteOpts {
  const fv = url.searchParams.get("fieldValidation") ?? "Warn";
  if (!["Ignore", "Warn", "Strict"].includes(fv)) {
    throw badRequest(
      `fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Warn", "Strict"`,
    );
  }
  return {
    dryRun: url.searchParams.getAll("dryRun").includes("All"),
    fieldValidation: fv as FieldValidation,
  };
}

async function readBody(req: Request, yaml = false): Promise<unknown> {
  const text = await readBodyText(req);
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

function written(r: WriteResult): Response {
  const headers: Record<string, string> = {};
  if (r.warnings.length) {
    headers["warning"] = r.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(", ");
  }
  return json(r.body ?? r.object, r.code, headers);
}

/** Serve one request on a resource (authorization already done). */
export async function handleResource(
  ops: ResourceOps,
  env: HandlerEnv,
  req: Request,
  url: URL,
  t: ResourceTarget,
): Promise<Response> {
  const def = ops.a.def;
  const q = url.searchParams;
  const ns = t.namespace ?? "";
  const table = wantsTable(req.headers.get("accept"));
  const verb = verbOf(req.method, t, url);
  const metadataEvents = verb === "watch" && !table &&
    wantsMetadataObjects(req.headers.get("accept"));
  const include = (q.get("includeObject") ?? "Metadata") as IncludeObject;
  // like the real watch encoder, only the first Table of a watch carries column definitions
  let headers = true;
  const render = (o: KubeObject) => {
    if (metadataEvents) return partialObjectMetadata(o);
    if (!table) return o;
    const meta = { resourceVersion: o.metadata?.resourceVersion ?? "" };
    const out = toTable(def, [o], meta, { include, nowMs: env.now(), noHeaders: !headers });
    if (verb === "watch") headers = false;
    return out;
  };
  if (t.namespace === undefined && !["list", "watch"].includes(verb)) throw pathNotFound();

  switch (verb) {
    case "get":
      return json(render(ops.get(ns, t.name!)));
    case "list":
    case "watch": {
      let fieldSelector = q.get("fieldSelector");
      if (t.name) {
        fieldSelector = [fieldSelector, `metadata.name=${t.name}`].filter(Boolean).join(",");
      }
      const matches = selectorMatcher(def, q.get("labelSelector"), fieldSelector);
      if (verb === "watch") {
        const timeout = q.get("timeoutSeconds");
        const stream = env.hub.open({
          resource: def.plural,
          // A bookmark is the object kind the events carry, with a resourceVersion only.
          apiVersion: metadataEvents ? PARTIAL_METADATA.apiVersion : `${def.group}/${def.version}`,
          kind: metadataEvents ? PARTIAL_METADATA.kind : def.kind,
          namespace: t.namespace,
          matches,
          resourceVersion: q.get("resourceVersion") ?? undefined,
          sendInitialEvents: q.has("sendInitialEvents")
            ? q.get("sendInitialEvents") === "true"
            : undefined,
          allowBookmarks: q.get("allowWatchBookmarks") === "true",
          timeoutMs: timeout !== null && Number(timeout) > 0
            ? Number(timeout) * 1000
            : env.defaultWatchTimeoutMs(),
          bookmarkIntervalMs: env.bookmarkIntervalMs,
          render,
        });
        return new Response(stream, {
          headers: { "content-type": "application/json", "cache-control": "no-cache, private" },
        });
      }
      const limit = Number(q.get("limit") ?? "0");
      const page = listPage(
        env.store,
        def,
        t.namespace,
        matches,
        Number.isFinite(limit) ? limit : 0,
        q.get("continue"),
      );
      // the real server always sends `continue`, empty on the last page
      const meta: Record<string, unknown> = { continue: page.continue ?? "" };
      if (page.remainingItemCount !== undefined) meta.remainingItemCount = page.remainingItemCount;
      meta.resourceVersion = page.resourceVersion;
      if (table) {
        return json(toTable(def, page.items, typedListMeta(page), { include, nowMs: env.now() }));
      }
      if (wantsMetadataList(req.headers.get("accept"))) {
        return json(toMetadataList(page.items, page));
      }
      return json({
        apiVersion: `${def.group}/${def.version}`,
        items: page.items,
        kind: def.listKind,
        metadata: meta,
      });
    }
    case "create":
      return written(ops.create(ns, await readBody(req), writeOpts(url)));
    case "update":
      return written(ops.update(ns, t.name!, await readBody(req), writeOpts(url), t.subresource));
    case "patch":
      return written(await patch(ops, req, url, ns, t));
    case "delete": {
      const text = await readBodyText(req);
      let body: Record<string, unknown> = {};
      if (text.trim() !== "") {
        try {
          const parsed = JSON.parse(text);
          if (isRecord(parsed)) body = parsed;
        } catch (e) {
          throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
        }
      }
      const opts = writeOpts(url);
      if (Array.isArray(body.dryRun) && body.dryRun.includes("All")) opts.dryRun = true;
      return written(ops.delete(ns, t.name!, {
        ...opts,
        preconditions: isRecord(body.preconditions) ? body.preconditions as never : undefined,
        propagationPolicy: (q.get("propagationPolicy") ?? body.propagationPolicy) as
          | string
          | undefined,
      }));
    }
    case "deletecollection": {
      const matches = selectorMatcher(def, q.get("labelSelector"), q.get("fieldSelector"));
      const opts = writeOpts(url);
      const items = env.store.list(def.plural, ns).filter(matches).map((o) => {
        ops.delete(ns, o.metadata?.name ?? "", opts);
        return o;
      });
      return json({
        apiVersion: `${def.group}/${def.version}`,
        items,
        kind: def.listKind,
        metadata: { resourceVersion: String(env.store.resourceVersion) },
      });
    }
    default:
      throw methodNotAllowed(def);
  }
}

async function patch(
  ops: ResourceOps,
  req: Request,
  url: URL,
  ns: string,
  t: ResourceTarget,
): Promise<WriteResult> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim();
  const opts = writeOpts(url);
  const wrap = (f: (o: KubeObject) => unknown) => (o: KubeObject) => {
    try {
      return f(o);
    } catch (e) {
      if (e instanceof PatchConflictError) throw patchRejected();
      if (e instanceof SyntaxError) throw badRequest(e.message);
      throw e;
    }
  };
  switch (type) {
    case "application/merge-patch+json": {
      const p = await readBody(req);
      return ops.patch(ns, t.name!, wrap((o) => mergePatch(o, p)), opts, t.subresource);
    }
    case "application/json-patch+json": {
      const p = await readBody(req);
      return ops.patch(ns, t.name!, wrap((o) => jsonPatch(o, p)), opts, t.subresource);
    }
    case "application/apply-patch+yaml": {
      if (!url.searchParams.get("fieldManager")) {
        throw new ApiError({
          kind: "Status",
          apiVersion: "v1",
          metadata: {},
          status: "Failure",
          message:
            `PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch`,
          reason: "Invalid",
          details: {
            group: "meta.k8s.io",
            kind: "PatchOptions",
            causes: [{
              reason: "FieldValueRequired",
              message: "Required value: is required for apply patch",
              field: "fieldManager",
            }],
          },
          code: 422,
        });
      }
      const applied = await readBody(req, true);
      return ops.apply(ns, t.name!, applied, (live, a) => mergePatch(live, a), opts, t.subresource);
    }
    default:
      throw unsupportedMediaType();
  }
}
