/**
 * The core API's Nodes, read-only: one per simulated node, each with the address `127.0.0.1`,
 * because every simulated VM's console listens on this machine. With them, `vm vnc` resolves a
 * VM's endpoint on the embedded cluster exactly as on a real one (`status.nodeName` → Node →
 * `status.addresses`).
 * @module
 */

import { authorizeResource, type Role } from "./auth.ts";
import { json } from "./resource_handler.ts";
import { notFound, type Qualified } from "./status.ts";
import { pathNotFound } from "./status.ts";

const NODES: Qualified = { group: "", plural: "nodes", kind: "Node" };

/** `/api`: the core API versions. */
const API_VERSIONS = {
  kind: "APIVersions",
  versions: ["v1"],
  serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1" }],
};

/** `/api/v1`: only Nodes are served. */
const CORE_RESOURCES = {
  kind: "APIResourceList",
  groupVersion: "v1",
  resources: [{
    name: "nodes",
    singularName: "node",
    namespaced: false,
    kind: "Node",
    verbs: ["get", "list"],
    shortNames: ["no"],
  }],
};

/** A simulated Node object. */
export function simNode(name: string, created: string): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      uid: `sim-node-${name}`,
      resourceVersion: "1",
      creationTimestamp: created,
      labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux" },
    },
    status: {
      addresses: [{ type: "InternalIP", address: "127.0.0.1" }, {
        type: "Hostname",
        address: name,
      }],
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady" }],
    },
  };
}

/**
 * Answer a request under `/api`, or throw the API's error (404, 403).
 *
 * @param parts the path's segments, starting with "api"
 */
export function handleCoreApi(
  nodes: readonly string[],
  created: string,
  role: Role,
  method: string,
  parts: readonly string[],
): Response {
  if (method !== "GET") throw pathNotFound();
  if (parts.length === 1) return json(API_VERSIONS);
  if (parts[1] !== "v1") throw pathNotFound();
  if (parts.length === 2) return json(CORE_RESOURCES);
  if (parts[2] !== "nodes" || parts.length > 4) throw pathNotFound();
  const name = parts[3];
  authorizeResource(role, name === undefined ? "list" : "get", NODES, undefined, name);
  if (name === undefined) {
    return json({
      kind: "NodeList",
      apiVersion: "v1",
      metadata: { resourceVersion: "1" },
      items: nodes.map((n) => simNode(n, created)),
    });
  }
  if (!nodes.includes(name)) throw notFound(NODES, name);
  return json(simNode(name, created));
}
