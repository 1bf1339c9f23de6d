/**
 * The size limits of the real API server, so the sim does not accept what a cluster rejects.
 *
 * Measured against kube-apiserver 1.36 with etcd: a body over 3 MiB is answered 413 before it is
 * decoded, annotations over 256 KiB in total are 422 FieldValueTooLong, and an object etcd cannot
 * store (over its 1.5 MiB request limit) is a 500 "etcdserver: request is too large".
 * @module
 */

import { utf8Length } from "../../core/code_points.ts";
import type { KubeObject } from "../../core/types.ts";
import { isRecord } from "../../core/types.ts";
import { ApiError, type Cause } from "./status.ts";

/** Largest request body the real server reads (`MaxRequestBodyBytes`). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
/** Largest total of annotation keys and values (`TotalAnnotationSizeLimitB`). */
export const MAX_ANNOTATION_BYTES = 256 * 1024;
/** Largest object etcd stores with its default `--max-request-bytes`. */
export const MAX_STORED_BYTES = 1.5 * 1024 * 1024;

/**
 * Read a request body as text, refusing one over {@link MAX_BODY_BYTES} with 413.
 *
 * @param req the request
 * @returns the body
 */
export async function readBodyText(req: Request): Promise<string> {
  if (req.body === null) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: `Request entity too large: limit is ${MAX_BODY_BYTES}`,
        reason: "RequestEntityTooLarge",
        code: 413,
      });
    }
    chunks.push(chunk);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * Read and drop what is left of a request body before answering early (401, 403, 404, 415, …).
 *
 * Why: answering an HTTP/2 request whose body was never read makes the server reset the stream,
 * and curl then reports no response at all (exit 92) where the real server answers with a Status.
 * Reading stops after {@link MAX_BODY_BYTES}, as the real server's limit does.
 *
 * @param req the request being refused
 */
export async function discardBody(req: Request): Promise<void> {
  if (req.body === null || req.bodyUsed) return;
  let size = 0;
  try {
    for await (const chunk of req.body) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) break;
    }
  } catch {
    // The client went away; there is nobody left to answer.
  }
}

/**
 * The 422 cause for annotations over {@link MAX_ANNOTATION_BYTES} in total, if any.
 *
 * @param obj the object being admitted
 */
export function annotationCauses(obj: KubeObject): Cause[] {
  const annotations = obj.metadata?.annotations;
  if (!isRecord(annotations)) return [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += utf8Length(k) + utf8Length(String(v));
  if (total <= MAX_ANNOTATION_BYTES) return [];
  return [{
    reason: "FieldValueTooLong",
    message: `Too long: may not be more than ${MAX_ANNOTATION_BYTES} bytes`,
    field: "metadata.annotations",
  }];
}

/**
 * Refuse an object etcd would not store, with the real server's 500.
 *
 * @param obj the object about to be stored
 */
export function checkStoredSize(obj: KubeObject): void {
  if (utf8Length(JSON.stringify(obj)) <= MAX_STORED_BYTES) return;
  throw new ApiError({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: "etcdserver: request is too large",
    code: 500,
  });
}
