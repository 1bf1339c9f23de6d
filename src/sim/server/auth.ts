/**
 * Bearer-token identities and their rights: admin may do anything, viewer may only read,
 * nobody may do nothing — the same three roles the real test server's harness configures — and
 * namespaced may do anything inside a namespace but nothing cluster-scoped (no Nodes, no lists
 * across all namespaces), as a user granted an RBAC Role rather than a ClusterRole.
 * @module
 */

import { forbidden, forbiddenPath, type Qualified, unauthorized } from "./status.ts";

/** Tokens for the three built-in identities. */
export interface SimTokens {
  admin: string;
  viewer: string;
  nobody: string;
  namespaced: string;
}

/** A role, named after the user the Forbidden messages print. */
export type Role = "admin" | "viewer" | "nobody" | "namespaced";

/** User names, identical to the real test server's. */
export const USER_NAMES: Record<Role, string> = {
  admin: "hyperctl-admin",
  viewer: "hyperctl-viewer",
  nobody: "hyperctl-nobody",
  namespaced: "hyperctl-namespaced",
};

/** Every role, in the order the kubeconfig lists their contexts. */
export const ROLES: readonly Role[] = ["admin", "viewer", "nobody", "namespaced"];

/** A random opaque token (32 hex chars). */
export function randomToken(): string {
  return Array.from(
    crypto.getRandomValues(new Uint8Array(16)),
    (b) => b.toString(16).padStart(2, "0"),
  )
    .join("");
}

/** Resolve the `Authorization` header to a role; throws 401 for missing or unknown tokens. */
export function authenticate(tokens: SimTokens, header: string | null): Role {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (m) {
    for (const role of ROLES) {
      if (tokens[role] === m[1]) return role;
    }
  }
  throw unauthorized();
}

const READ_VERBS = new Set(["get", "list", "watch"]);

/** Throw 403 unless the role may perform the verb on the resource. */
export function authorizeResource(
  role: Role,
  verb: string,
  r: Qualified,
  namespace: string | undefined,
  name?: string,
  subresource?: string,
): void {
  if (role === "admin" || (role === "viewer" && READ_VERBS.has(verb))) return;
  if (role === "namespaced" && namespace !== undefined) return;
  throw forbidden(USER_NAMES[role], verb, r, namespace, name, subresource);
}

/** Throw 403 unless the role may read a non-resource path (discovery, OpenAPI, version). */
export function authorizePath(role: Role, verb: string, path: string): void {
  if (role === "admin" || (role !== "nobody" && verb === "get")) return;
  throw forbiddenPath(USER_NAMES[role], verb, path);
}
