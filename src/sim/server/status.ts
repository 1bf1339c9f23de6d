/**
 * `meta/v1 Status` errors shaped byte-for-byte like the real API server's.
 *
 * Clients (kubectl, client-go, hyperctl) branch on `reason` and `code` and print `message`, so the
 * sim builds them with the same formats as apimachinery's `errors.New*` helpers.
 * @module
 */

import type { Status } from "../../core/types.ts";

/** One field-level cause inside an Invalid (422) Status. */
export interface Cause {
  reason: string;
  message: string;
  field: string;
}

/** An error carrying the Status the server answers with. */
export class ApiError extends Error {
  constructor(readonly status: Status & { code: number }) {
    super(status.message);
    this.name = "ApiError";
  }
}

/** Group-qualified resource as the real server prints it: `virtualmachines.hypersdk.io`. */
export interface Qualified {
  group: string;
  plural: string;
  kind: string;
}

function status(
  code: number,
  reason: string,
  message: string,
  details?: Status["details"],
): ApiError {
  const s: Status & { code: number } = {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details === undefined ? {} : { details }),
    code,
  };
  return new ApiError(s);
}

const qualified = (r: Qualified) => r.group === "" ? r.plural : `${r.plural}.${r.group}`;

/** 404 `virtualmachines.hypersdk.io "x" not found`. */
export function notFound(r: Qualified, name: string): ApiError {
  return status(404, "NotFound", `${qualified(r)} "${name}" not found`, {
    name,
    group: r.group,
    kind: r.plural,
  });
}

/** 409 `virtualmachines.hypersdk.io "x" already exists`. */
export function alreadyExists(r: Qualified, name: string): ApiError {
  return status(409, "AlreadyExists", `${qualified(r)} "${name}" already exists`, {
    name,
    group: r.group,
    kind: r.plural,
  });
}

/**
 * 409 Conflict. Update conflicts name the resource (`virtualmachines.hypersdk.io`); delete
 * precondition conflicts name the kind (`VirtualMachine.hypersdk.io`), as the real server does.
 */
export function conflict(r: Qualified, name: string, why: string, byKind = false): ApiError {
  const what = byKind ? { ...r, plural: r.kind } : r;
  return status(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualified(what)} "${name}": ${why}`,
    { name, group: r.group, kind: what.plural },
  );
}

/** 200 Success Status the real server returns for an immediate delete of a custom resource. */
export function deleted(r: Qualified, name: string, uid: string | undefined): Status {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    details: { name, group: r.group, kind: r.plural, ...(uid ? { uid } : {}) },
  };
}

/** 422 for a JSON patch that does not apply; the real server hides the cause. */
export function patchRejected(): ApiError {
  return status(
    422,
    "Invalid",
    "the server rejected our request due to an error in our request",
    {},
  );
}

/** 422 Invalid with one cause per field error, message `Kind.group "x" is invalid: …`. */
export function invalid(r: Qualified, name: string, causes: Cause[]): ApiError {
  const rendered = causes.map((c) => c.field === "" ? c.message : `${c.field}: ${c.message}`);
  const joined = rendered.length === 1 ? rendered[0] : `[${rendered.join(", ")}]`;
  return status(422, "Invalid", `${r.kind}.${r.group} "${name}" is invalid: ${joined}`, {
    ...(name === "" ? {} : { name }),
    group: r.group,
    kind: r.kind,
    causes,
  });
}

/** 400 BadRequest with a free-form message. */
export function badRequest(message: string): ApiError {
  return status(400, "BadRequest", message);
}

/** 401 as the real server sends it for a missing or unknown token. */
export function unauthorized(): ApiError {
  return status(401, "Unauthorized", "Unauthorized");
}

/** The RBAC-style Forbidden message for a verb on a resource. */
export function forbidden(
  user: string,
  verb: string,
  r: Qualified,
  namespace: string | undefined,
  name?: string,
  subresource?: string,
): ApiError {
  const resource = subresource ? `${r.plural}/${subresource}` : r.plural;
  const where = namespace ? ` in the namespace "${namespace}"` : " at the cluster scope";
  const target = name ? `${qualified(r)} "${name}"` : qualified(r);
  return status(
    403,
    "Forbidden",
    `${target} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${r.group}"${where}`,
    { ...(name ? { name } : {}), group: r.group, kind: r.plural },
  );
}

/** 403 for a non-resource URL (discovery) the user may not read. */
export function forbiddenPath(user: string, verb: string, path: string): ApiError {
  return status(
    403,
    "Forbidden",
    `forbidden: User "${user}" cannot ${verb} path "${path}"`,
    {},
  );
}

/** An error whose response is not a Status (the real server's plain-text 404 for unknown paths). */
export class PlainError extends Error {
  constructor(readonly code: number, readonly body: string) {
    super(body.trim());
    this.name = "PlainError";
  }
}

/** 404 for a path no route serves: Go's `http.NotFound` text, as the real server sends it. */
export function pathNotFound(): PlainError {
  return new PlainError(404, "404 page not found\n");
}

/** 405 for a verb a route does not support. */
export function methodNotAllowed(r: Qualified): ApiError {
  return status(
    405,
    "MethodNotAllowed",
    `the server does not allow this method on the requested resource`,
    { group: r.group, kind: r.plural },
  );
}

/** 415 for a patch content type CRs do not support (strategic merge). */
export function unsupportedMediaType(): ApiError {
  return status(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
  );
}

/** 410 Expired, used for too-old watch resourceVersions and continue tokens. */
export function expired(message: string): ApiError {
  return status(410, "Expired", message);
}

/** 500 for a bug in the sim; never expected. */
export function internalError(message: string): ApiError {
  return status(500, "InternalError", `Internal error occurred: ${message}`, {
    causes: [{ message }],
  });
}
