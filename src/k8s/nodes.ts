/**
 * Read one Node (core API v1) for the VNC endpoint, turning the answers that only mean "no
 * address from here" (403, 404, no core API at all) into facts the endpoint resolution explains.
 * @module
 */

import type { NodeFacts } from "../core/vm_endpoint.ts";
import type { KubeApi, ResourceRef } from "./api.ts";
import { ApiError } from "./errors.ts";

/** The cluster-scoped Node collection. */
export const NODES: ResourceRef = { group: "", version: "v1", plural: "nodes" };

/**
 * Read Node `name`; other errors (401, 5xx, transport) are thrown as they are.
 *
 * Why: a CRD-only API server (and the HyperSDK test server) answers `/api/v1/nodes` with a plain
 * 404 page, while a real cluster names the missing Node in a NotFound Status.
 */
export async function readNode(api: KubeApi, name: string): Promise<NodeFacts> {
  try {
    return { node: await api.get(NODES, name) };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code === 403) return { readError: "forbidden", detail: e.serverMessage };
    if (e.code === 404) {
      const named = e.status?.details?.name === name || e.reason === "NotFound";
      return { readError: named ? "notFound" : "notServed" };
    }
    throw e;
  }
}
