/**
 * Typed errors of the connection layer, each able to say what went wrong in one line.
 *
 * src/cli/exit_code.ts maps each class to its exit code (1; 5 for a lost watch) and prints
 * `userMessage()`; the messages never contain credentials.
 * @module
 */

import { isRecord, type Status } from "../core/types.ts";

/** What a request was doing, so errors can name the action and the object. */
export interface RequestInfo {
  /** Kubernetes verb: get, list, watch, create, update, patch, delete. */
  verb: string;
  /** HTTP method and URL, for logs. */
  method: string;
  url: string;
  /** `virtualmachines`, absent for raw paths. */
  plural?: string;
  group?: string;
  name?: string;
  namespace?: string;
}

/** The kubeconfig user a request ran as (for 401/403 messages); never a secret. */
export interface RequestIdentity {
  username?: string;
  hasCredentials: boolean;
}

/** The server answered with an error status. */
export class ApiError extends Error {
  readonly kind = "api" as const;
  override name = "ApiError";
  /** Server's `Status.reason` (NotFound, Forbidden, AlreadyExists, Conflict, Invalid, …). */
  readonly reason: string;
  /** Server's `Status.message`, or the raw body when it was not a Status. */
  readonly serverMessage: string;

  constructor(
    readonly code: number,
    readonly request: RequestInfo,
    readonly status: Status | undefined,
    readonly identity: RequestIdentity = { hasCredentials: true },
    rawBody = "",
  ) {
    const reason = status?.reason ?? "";
    const serverMessage = status?.message ?? rawBody.trim().slice(0, 300);
    super(`${request.method} ${request.url}: ${code} ${reason} ${serverMessage}`.trim());
    this.reason = reason;
    this.serverMessage = serverMessage;
  }

  /** `virtualmachines.hypersdk.io` (or just the plural for the core group). */
  get resource(): string {
    const { plural, group } = this.request;
    if (!plural) return this.request.url;
    return group ? `${plural}.${group}` : plural;
  }

  /**
   * One line for the user, e.g. `virtualmachines.hypersdk.io "web-1" not found in namespace "prod"`.
   *
   * @param program how a suggested command names the program (`kubectl hyperctl` as a plugin)
   */
  userMessage(program = "hyperctl"): string {
    const { verb, name, namespace } = this.request;
    const inNs = namespace ? ` in namespace "${namespace}"` : "";
    const obj = name ? `${this.resource} "${name}"` : this.resource;
    const server = this.serverMessage ? ` (server: ${this.serverMessage})` : "";
    const detailsName = this.status?.details?.name;
    switch (this.code) {
      case 401: {
        const user = this.identity.username ? ` for user "${this.identity.username}"` : "";
        return this.identity.hasCredentials
          ? `unauthorized: the server rejected the credentials${user}`
          : `unauthorized: the server requires credentials and the kubeconfig has none${user}`;
      }
      case 403:
        return `forbidden: user cannot ${verb} ${obj}${inNs}${server}`;
      case 404:
        if (!this.request.plural) return `not found: ${this.request.url}${server}`;
        // The server names the object only when the collection exists; a bare 404 means the
        // group/version/resource is not served at all.
        if (
          name && (detailsName || this.reason === "NotFound" && this.serverMessage.includes(name))
        ) {
          return `${obj} not found${inNs}`;
        }
        return `the server does not serve ${this.resource} — are the HyperSDK CRDs installed? (try "${program} status")`;
      case 409:
        if (this.reason === "AlreadyExists") {
          return `${this.resource} "${name ?? detailsName ?? ""}" already exists${inNs}`;
        }
        if (this.serverMessage.startsWith("Apply failed")) {
          // Server-side apply: another field manager owns fields; re-reading would not help.
          return `conflict: cannot apply ${obj}${inNs}: ${this.serverMessage} (force the apply to take over these fields)`;
        }
        return `conflict: cannot ${verb} ${obj}${inNs}: it was changed by someone else; read it again and retry${server}`;
      case 410:
        return `expired: ${this.serverMessage || "the resource version is too old"}`;
      case 422:
        return `invalid ${obj}${inNs}: ${invalidCauses(this.status) || this.serverMessage}`;
      case 400:
        return `bad request to ${verb} ${obj}${inNs}: ${this.serverMessage}`;
      case 415:
        return `the server does not accept this patch type for ${this.resource}${server}`;
      case 429:
        return `the server is throttling requests (429)${server}`;
      default:
        return `the server failed to ${verb} ${obj}${inNs}: ${this.code} ${
          this.reason || "error"
        }${server}`
          .trim();
    }
  }
}

/** Field causes of a 422, `spec.cpus: Invalid value: 0: must be >= 1; …`. */
function invalidCauses(status: Status | undefined): string {
  const causes = status?.details?.causes ?? [];
  return causes
    .filter(isRecord)
    .map((c) => (c.field ? `${c.field}: ${c.message ?? c.reason ?? ""}` : `${c.message ?? ""}`))
    .filter((s) => s.trim() !== "")
    .join("; ");
}

/** Why a request never produced an HTTP response (or its body broke off). */
export type TransportFailure =
  | "refused"
  | "dns"
  | "tls"
  | "timeout"
  | "reset"
  | "blocked-port"
  | "stream"
  | "protocol"
  | "other";

/** The cluster could not be reached, TLS failed, the request timed out, or a stream broke. */
export class TransportError extends Error {
  readonly kind = "transport" as const;
  override name = "TransportError";

  constructor(
    readonly failure: TransportFailure,
    /** The URL (or server) the request went to; never carries credentials. */
    readonly url: string,
    /** Short human reason: `connection refused`, `certificate signed by unknown authority`. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(transportMessage(failure, url, detail), options);
  }

  /** Same as `message`; present so commands can call `userMessage()` on every error kind. */
  userMessage(): string {
    return this.message;
  }
}

function transportMessage(failure: TransportFailure, url: string, detail: string): string {
  // Connection-level failures concern the server, not the path; per-request ones name the URL.
  const server = originOf(url);
  switch (failure) {
    case "tls":
      return `TLS handshake with ${server} failed: ${detail}`;
    case "timeout":
      return `request to ${url} timed out after ${detail}`;
    case "stream":
      return `the connection to ${url} broke off: ${detail}`;
    case "protocol":
      return `unexpected response from ${url}: ${detail}`;
    default:
      return `cannot reach the cluster at ${server}: ${detail}`;
  }
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return u.origin === "null" ? url : u.origin;
  } catch {
    return url;
  }
}

/** The kubeconfig (or in-cluster setup) is missing, malformed or inconsistent; nothing was sent. */
export class KubeConfigError extends Error {
  readonly kind = "config" as const;
  override name = "KubeConfigError";

  /** Same as `message`. */
  userMessage(): string {
    return this.message;
  }
}

/** An exec credential plugin could not be run or printed something unusable. */
export class ExecCredentialError extends Error {
  readonly kind = "exec" as const;
  override name = "ExecCredentialError";

  /** Same as `message`. */
  userMessage(): string {
    return this.message;
  }
}

/** The watch could not be re-established within the retry budget; the CLI maps it to exit 5. */
export class WatchLostError extends Error {
  /** Discriminant shared with the connection layer's errors; exit code 5. */
  readonly kind = "watch-lost" as const;
  override name = "WatchLostError";
  /** Failed attempts in the final streak. */
  readonly attempts: number;

  constructor(message: string, options: { cause: unknown; attempts: number }) {
    super(message, { cause: options.cause });
    this.attempts = options.attempts;
  }

  /** Same as `message`; present so commands can call `userMessage()` on every error kind. */
  userMessage(): string {
    return this.message;
  }
}

/** Every error the connection layer throws on purpose. */
export type KubeError = ApiError | TransportError | KubeConfigError | ExecCredentialError;

/** True for any of the connection layer's typed errors. */
export function isKubeError(e: unknown): e is KubeError {
  return e instanceof ApiError || e instanceof TransportError || e instanceof KubeConfigError ||
    e instanceof ExecCredentialError;
}
