/**
 * The request entry point: authentication, path routing, authorization and error rendering.
 *
 * Paths follow the real apiextensions server: `/apis/<g>/<v>/namespaces/<ns>/<plural>[/<name>
 * [/status]]`, the all-namespaces `/apis/<g>/<v>/<plural>`, discovery, OpenAPI v3, health.
 * @module
 */

import { discardBody } from "./limits.ts";
import {
  authenticate,
  authorizePath,
  authorizeResource,
  type Role,
  type SimTokens,
} from "./auth.ts";
import {
  apiGroupDoc,
  apiGroupList,
  apiResourceList,
  openApiGroupVersion,
  openApiIndex,
  rootPaths,
  SIM_VERSION,
} from "./discovery.ts";
import { handleCoreApi } from "./nodes.ts";
import { listCoreEvents } from "./core_events.ts";
import { EVENT_RESOURCE } from "./event_resource.ts";
import type { ResourceDef } from "./resource_defs.ts";
import {
  type HandlerEnv,
  handleResource,
  json,
  type ResourceTarget,
  verbOf,
} from "./resource_handler.ts";
import type { ResourceOps } from "./resource_ops.ts";
import { ApiError, internalError, notFound, pathNotFound, PlainError } from "./status.ts";
import { CRD_RESOURCE } from "./crd_objects.ts";

/** Everything the router dispatches to. */
export interface RouterEnv extends HandlerEnv {
  tokens: SimTokens;
  defs: readonly ResourceDef[];
  /** `group/version/plural` -> verbs. */
  ops: Map<string, ResourceOps>;
  /** plural -> discovery storageVersionHash. */
  hashes: Map<string, string>;
  /** Names of the Nodes served under /api/v1, and when they were created (RFC 3339). */
  nodes: readonly string[];
  nodesCreated: string;
  /** The CRDs served, by name (`plural.group`), as the apiextensions API returns them. */
  crds: ReadonlyMap<string, Record<string, unknown>>;
}

const HEALTH = new Set(["/healthz", "/readyz", "/livez"]);

/** Build the `Deno.serve` handler. */
export function createRouter(env: RouterEnv): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      return await route(env, req);
    } catch (e) {
      await discardBody(req);
      if (e instanceof ApiError) return json(e.status, e.status.code);
      if (e instanceof PlainError) {
        return new Response(e.body, {
          status: e.code,
          headers: {
            "content-type": "text/plain; charset=utf-8",
            "x-content-type-options": "nosniff",
          },
        });
      }
      console.error("hyperctl sim: internal error:", e);
      const err = internalError(e instanceof Error ? e.message : String(e));
      return json(err.status, 500);
    }
  };
}

async function route(env: RouterEnv, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const role = authenticate(env.tokens, req.headers.get("authorization"));
  const parts = path.split("/").filter((p) => p !== "").map(decodeURIComponent);

  if (parts[0] === "apis" && parts.length >= 4) {
    const [, group, version] = parts;
    let rest = parts.slice(3);
    const t: ResourceTarget = {};
    if (rest[0] === "namespaces" && rest.length >= 3) {
      t.namespace = rest[1];
      rest = rest.slice(2);
    }
    if (group === CRD_RESOURCE.group && version === "v1" && rest[0] === CRD_RESOURCE.plural) {
      return getCrd(env, role, req, rest);
    }
    const ops = env.ops.get(`${group}/${version}/${rest[0]}`);
    if (ops && rest.length <= 3 && (rest.length < 3 || rest[2] === "status")) {
      t.name = rest[1];
      if (rest.length === 3) t.subresource = "status";
      if (ops.a.def.hasStatus === false && t.subresource) throw pathNotFound();
      authorizeResource(
        role,
        verbOf(req.method, t, url),
        ops.a.def,
        t.namespace,
        t.name,
        t.subresource,
      );
      return await handleResource(ops, env, req, url, t);
    }
    throw pathNotFound();
  }

  // Core v1 Events, read-only: the events.k8s.io objects as kubectl describe reads them.
  const coreEvents = parts[0] === "api" && parts[1] === "v1" &&
    (parts.length === 3 ? parts[2] === "events" : parts.length === 5 &&
      parts[2] === "namespaces" && parts[4] === "events");
  if (coreEvents && req.method === "GET" && !url.searchParams.has("watch")) {
    const namespace = parts.length === 5 ? parts[3] : undefined;
    authorizeResource(role, "list", { ...EVENT_RESOURCE, group: "" }, namespace);
    return json(listCoreEvents(env.store, namespace, url.searchParams.get("fieldSelector")));
  }

  if (parts[0] === "api" && env.nodes.length > 0) {
    return handleCoreApi(env.nodes, env.nodesCreated, role, req.method, parts);
  }
  const verb = req.method === "GET" || req.method === "HEAD" ? "get" : req.method.toLowerCase();
  if (HEALTH.has(path)) {
    return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  authorizePath(role, verb, path);
  if (req.method !== "GET") throw pathNotFound();
  let doc: unknown;
  if (path === "/version") doc = SIM_VERSION;
  else if (path === "/apis") doc = apiGroupList(env.defs);
  else if (parts[0] === "apis" && parts.length === 2) doc = apiGroupDoc(env.defs, parts[1]);
  else if (parts[0] === "apis" && parts.length === 3) {
    doc = apiResourceList(env.defs, parts[1], parts[2], env.hashes);
  } else if (path === "/openapi/v3") doc = openApiIndex(env.defs);
  else if (
    parts[0] === "openapi" && parts[1] === "v3" && parts[2] === "apis" && parts.length === 5
  ) {
    doc = openApiGroupVersion(env.defs, parts[3], parts[4]);
  }
  if (doc !== undefined) return json(doc);
  if (parts[0] === "apis" || parts[0] === "openapi") throw pathNotFound();
  // like the real server: the root lists the served paths; other unknown paths 404 with it
  return json(rootPaths(env.defs), path === "/" ? 200 : 404);
}

/** GET of one CRD by name, the only apiextensions request the sim answers (see crd_objects.ts). */
function getCrd(env: RouterEnv, role: Role, req: Request, rest: string[]): Response {
  if (rest.length !== 2 || req.method !== "GET") throw pathNotFound();
  authorizeResource(role, "get", CRD_RESOURCE, undefined, rest[1]);
  const crd = env.crds.get(rest[1]);
  if (crd === undefined) throw notFound(CRD_RESOURCE, rest[1]);
  return json(crd);
}
