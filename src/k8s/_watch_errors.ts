/**
 * Errors of the watch machinery, and how an error from the transport is classified.
 *
 * Recovery is decided on typed values: 410 means relist, a transport failure or 5xx/429 means
 * retry with backoff, anything else (401, 403, 404, 400…) is the user's to see at once.
 * @module
 */

import type { ResourceRef } from "./api.ts";
import { getString, isRecord } from "../core/types.ts";
import { isGoneStatus } from "../core/watch_state.ts";
import { WatchLostError } from "./errors.ts";

// Defined with the connection layer's errors, so the CLI's exit-code table can import it without
// loading the watch machinery.
export { WatchLostError };

/** No event arrived for `idleMs`: the connection is treated as dead (half-open TCP, client-node#596). */
export class WatchIdleError extends Error {
  override name = "WatchIdleError";
  readonly idleMs: number;

  constructor(idleMs: number) {
    super(`no data from the server for ${idleMs / 1000}s (frozen server or dead connection)`);
    this.idleMs = idleMs;
  }
}

/** An in-stream `ERROR` event other than 410, e.g. a 500 from the watch cache. */
export class WatchStatusError extends Error {
  override name = "WatchStatusError";
  /** The Status code, when the server sent one. */
  readonly code: number | undefined;
  readonly reason: string | undefined;

  constructor(status: { code?: number; reason?: string; message?: string }) {
    super(
      `watch stream reported an error: ${status.message ?? "no message"}` +
        ` (code ${status.code ?? "unknown"}, reason ${status.reason ?? "unknown"})`,
    );
    this.code = status.code;
    this.reason = status.reason;
  }
}

/**
 * The HTTP status an error carries, read defensively.
 *
 * Why: the fetch transport, client-node's `ApiException` (`code`) and our own errors spell it
 * differently; a string `code` such as `"ECONNRESET"` is not a status.
 *
 * @param error anything thrown by a transport
 * @returns the status code, or undefined for transport failures
 */
export function httpStatusOf(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  for (const key of ["status", "statusCode", "code"]) {
    const value = error[key];
    if (typeof value === "number" && value >= 100 && value <= 599) return value;
    if (isRecord(value) && typeof value.code === "number") return value.code;
  }
  const body = error.body;
  if (isRecord(body) && typeof body.code === "number") return body.code;
  return undefined;
}

/**
 * True when an error says the resourceVersion or continue token is too old (410 Gone / Expired).
 *
 * @param error anything thrown by a transport
 */
export function isGone(error: unknown): boolean {
  return isGoneStatus({ code: httpStatusOf(error), reason: getString(error, ["reason"]) });
}

/**
 * True when retrying may help: no status (network, abort on timeout), 408, 410, 429, 5xx, an idle
 * stream or an in-stream error without a client-error code.
 *
 * @param error anything thrown by a transport or the watch shell
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof WatchLostError) return false;
  if (error instanceof WatchIdleError) return true;
  const status = httpStatusOf(error);
  if (status === undefined) return error instanceof Error;
  return status === 408 || status === 410 || status === 429 || status >= 500;
}

/**
 * True for a watch event line that could not be decoded (the transport's "protocol" failure).
 *
 * @param error anything thrown by a transport
 */
export function isMalformed(error: unknown): boolean {
  return isRecord(error) && error.kind === "transport" && error.failure === "protocol";
}

/** `virtualmachines.hypersdk.io in namespace "ns"`, for messages. */
export function describeRef(ref: ResourceRef): string {
  const resource = ref.group === "" ? ref.plural : `${ref.plural}.${ref.group}`;
  return ref.namespace === undefined
    ? `${resource} in all namespaces`
    : `${resource} in namespace "${ref.namespace}"`;
}
