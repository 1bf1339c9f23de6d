/**
 * Shapes of Kubernetes objects as hyperctl reads them.
 *
 * Clusters may run CRDs that differ from ours (fields missing, extra, or of another type), so every
 * field is optional and every reader below checks the runtime type instead of trusting the shape.
 * @module
 */

/** Object metadata; only the fields hyperctl reads are named. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** Any Kubernetes object: typed metadata, everything else unknown until read defensively. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

/** A test on one object: a client-side filter, a query, a watch's view. */
export type ObjectPredicate = (object: KubeObject) => boolean;

/** The event types the API server sends on a watch stream. */
export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

/** One decoded watch event. `ERROR` events carry a `Status` object. */
export interface WatchEvent<T = KubeObject> {
  type: WatchEventType;
  object: T;
}

/** A `meta/v1 Status` as the API server returns it for errors. */
export interface Status {
  kind?: "Status";
  apiVersion?: string;
  status?: "Success" | "Failure" | string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason?: string; message?: string; field?: string }[];
    [key: string]: unknown;
  };
  metadata?: Record<string, unknown>;
}

/** A list response (`kind: XList`). */
export interface KubeList<T = KubeObject> {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** True for a plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Read a nested field by path without throwing on any shape.
 *
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * import { getPath } from "./types.ts";
 * assertEquals(getPath({ spec: { cpus: 4 } }, ["spec", "cpus"]), 4);
 * assertEquals(getPath({ spec: "oops" }, ["spec", "cpus"]), undefined);
 * ```
 */
export function getPath(value: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (typeof key === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[key];
    } else {
      if (!isRecord(cur)) return undefined;
      cur = cur[key];
    }
  }
  return cur;
}

/** Read a string field; anything else (including numbers) gives undefined. */
export function getString(value: unknown, path: readonly (string | number)[]): string | undefined {
  const v = getPath(value, path);
  return typeof v === "string" ? v : undefined;
}

/** Read a finite number field; numeric strings such as "4" are accepted because some CRDs store them so. */
export function getNumber(value: unknown, path: readonly (string | number)[]): number | undefined {
  const v = getPath(value, path);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** Read a boolean field; anything else gives undefined. */
export function getBoolean(
  value: unknown,
  path: readonly (string | number)[],
): boolean | undefined {
  const v = getPath(value, path);
  return typeof v === "boolean" ? v : undefined;
}

/** Read an array of strings, dropping non-string entries. */
export function getStrings(value: unknown, path: readonly (string | number)[]): string[] {
  const v = getPath(value, path);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Read a string→string map (labels, annotations, nodeSelector), dropping non-string values. */
export function getStringMap(
  value: unknown,
  path: readonly (string | number)[],
): Record<string, string> {
  const v = getPath(value, path);
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

/** The object's name, or "" when missing. */
export function nameOf(obj: KubeObject): string {
  return getString(obj, ["metadata", "name"]) ?? "";
}

/** The object's namespace, or "" when missing (cluster-scoped or not yet set). */
export function namespaceOf(obj: KubeObject): string {
  return getString(obj, ["metadata", "namespace"]) ?? "";
}

/** The object's labels (always an object). */
export function labelsOf(obj: KubeObject): Record<string, string> {
  return getStringMap(obj, ["metadata", "labels"]);
}

/** The object's resourceVersion, or undefined. */
export function resourceVersionOf(obj: KubeObject): string | undefined {
  return getString(obj, ["metadata", "resourceVersion"]);
}

/** The object's status.phase, or undefined. */
export function phaseOf(obj: KubeObject): string | undefined {
  return getString(obj, ["status", "phase"]);
}

/** Key identifying an object inside one resource type: `namespace/name`. */
export function objectKey(obj: KubeObject): string {
  return `${namespaceOf(obj)}/${nameOf(obj)}`;
}

/** True when the value looks like a `meta/v1 Status`. */
export function isStatus(value: unknown): value is Status {
  return isRecord(value) && value.kind === "Status";
}
