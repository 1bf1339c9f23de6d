/**
 * `hyperctl status` as data: what the discovery and CRD documents say, reduced to one report.
 *
 * Pure, so the judgement ("installed", "which versions", "healthy") is tested without a server.
 * @module
 */

import { GROUP, KINDS, VERSION } from "./kinds.ts";
import { getPath, getString, isRecord } from "./types.ts";

/** One CRD's state. */
export interface CrdStatus {
  name: string;
  kind: string;
  /** Served in discovery under hypersdk.io/v1alpha1. */
  installed: boolean;
  /** Versions the CRD declares (served ones), when the CRD object could be read. */
  versions: string[];
  established?: boolean;
}

/** Operator state as far as the cluster lets us see it. */
export interface OperatorStatus {
  state: "running" | "not-running" | "unknown";
  detail: string;
}

/** The whole report. */
export interface ClusterStatus {
  server: string;
  serverVersion: string;
  crds: CrdStatus[];
  operator: OperatorStatus;
  /** All seven CRDs installed. */
  healthy: boolean;
}

/** Resources named in an APIResourceList (undefined or malformed → none). */
export function servedResources(discovery: unknown): Set<string> {
  const list = getPath(discovery, ["resources"]);
  const names = Array.isArray(list)
    ? list.map((r) => (isRecord(r) && typeof r.name === "string" ? r.name : "")).filter(Boolean)
    : [];
  return new Set(names);
}

/** Served versions and Established condition from a CRD object (undefined → unknown). */
export function crdDetails(crd: unknown): { versions: string[]; established?: boolean } {
  const versions = getPath(crd, ["spec", "versions"]);
  const served = Array.isArray(versions)
    ? versions.filter((v) => isRecord(v) && v.served !== false).map((v) => getString(v, ["name"]))
      .filter((v): v is string => v !== undefined)
    : [];
  const conditions = getPath(crd, ["status", "conditions"]);
  const est = Array.isArray(conditions)
    ? conditions.find((c) => isRecord(c) && c.type === "Established")
    : undefined;
  return {
    versions: served,
    established: isRecord(est) ? est.status === "True" : undefined,
  };
}

/** Pods of the operator → its state; `undefined` pods means the core API could not be read. */
export function operatorFromPods(pods: unknown, why?: string): OperatorStatus {
  if (pods === undefined) return { state: "unknown", detail: why ?? "pods cannot be listed" };
  const items = getPath(pods, ["items"]);
  const list = Array.isArray(items) ? items : [];
  const running = list.filter((p) => getString(p, ["status", "phase"]) === "Running").length;
  if (list.length === 0) {
    return { state: "not-running", detail: "no pod app=hypersdk-operator in hypersdk-system" };
  }
  return running > 0
    ? { state: "running", detail: `${running}/${list.length} pods running` }
    : { state: "not-running", detail: `0/${list.length} pods running` };
}

/** Assemble the report from what was fetched. */
export function clusterStatus(input: {
  server: string;
  version: unknown;
  discovery: unknown;
  crds: Record<string, unknown>;
  operator: OperatorStatus;
}): ClusterStatus {
  const served = servedResources(input.discovery);
  const crds = KINDS.map((k): CrdStatus => {
    const name = `${k.plural}.${GROUP}`;
    const details = input.crds[name] === undefined ? undefined : crdDetails(input.crds[name]);
    const installed = served.has(k.plural);
    return {
      name,
      kind: k.kind,
      installed,
      versions: details?.versions.length ? details.versions : installed ? [VERSION] : [],
      established: details?.established,
    };
  });
  return {
    server: input.server,
    serverVersion: getString(input.version, ["gitVersion"]) ?? "unknown",
    crds,
    operator: input.operator,
    healthy: crds.every((c) => c.installed),
  };
}
