/**
 * Which objects are related to the one being described, as queries the k8s layer runs: server
 * side by field or label selector where the CRDs declare one, else a client-side match.
 * @module
 */

import type { Noun } from "../kinds.ts";
import { getString, getStringMap, type KubeObject, nameOf, namespaceOf } from "../types.ts";

/** One kind of related object to fetch and show. */
export interface RelatedQuery {
  /** Key in `describe -o json` (`related.operations`). */
  key: string;
  /** Section title in the text view. */
  title: string;
  noun: Noun;
  namespace: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** Decides what no server-side selector can (references in nested spec fields). */
  match?: (candidate: KubeObject) => boolean;
}

/** The label the operator puts on the backups a schedule creates. */
export const SCHEDULE_LABEL = "hypersdk.io/schedule";

/** A field selector value with `\`, `,` and `=` escaped, as apimachinery's `EscapeValue`. */
function escapeValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

const byName = (name: string) => `metadata.name=${escapeValue(name)}`;

/** A query for the one object `name` names, or none when the reference is empty. */
function one(
  key: string,
  title: string,
  noun: Noun,
  namespace: string,
  name: string | undefined,
): RelatedQuery[] {
  return name ? [{ key, title, noun, namespace, fieldSelector: byName(name) }] : [];
}

function vmQueries(vm: KubeObject): RelatedQuery[] {
  const ns = namespaceOf(vm);
  const name = nameOf(vm);
  const s = (o: KubeObject, path: string[]) => getString(o, path);
  const inNs = (o: KubeObject, path: string[]) => (s(o, path) || namespaceOf(o)) === ns;
  /** Objects whose `ref` names this VM (selected by the server) and whose `refNs` is its namespace. */
  const referring = (key: string, title: string, noun: Noun, ref: string, refNs: string) => ({
    key,
    title,
    noun,
    namespace: ns,
    fieldSelector: `${ref}=${escapeValue(name)}`,
    match: (o: KubeObject) => inNs(o, refNs.split(".")),
  });
  return [
    referring("operations", "Operations", "op", "spec.vmRef.name", "spec.vmRef.namespace"),
    referring("snapshots", "Snapshots", "snapshot", "spec.vmRef.name", "spec.vmRef.namespace"),
    referring("backups", "Backups", "backup", "spec.source.vmName", "spec.source.namespace"),
    {
      key: "restores",
      title: "Restores",
      noun: "restore",
      namespace: ns,
      match: (o) => restoredVm(o) === name && inNs(o, ["spec", "destination", "namespace"]),
    },
    {
      key: "schedules",
      title: "Schedules",
      noun: "schedule",
      namespace: ns,
      match: (o) =>
        s(o, ["spec", "jobTemplate", "spec", "source", "vmName"]) === name &&
        inNs(o, ["spec", "jobTemplate", "spec", "source", "namespace"]),
    },
  ];
}

/** The VM a restore writes: `renameVM` wins over `destination.vmName`, as the operator does. */
function restoredVm(restore: KubeObject): string | undefined {
  return getString(restore, ["status", "restoredVMName"]) ||
    getString(restore, ["spec", "options", "renameVM"]) ||
    getString(restore, ["spec", "destination", "vmName"]);
}

function operationQueries(op: KubeObject): RelatedQuery[] {
  const ns = namespaceOf(op);
  const s = (path: string[]) => getString(op, path);
  const vmNs = s(["spec", "vmRef", "namespace"]) || ns;
  const produced = (): RelatedQuery[] => {
    switch (s(["spec", "operation"])) {
      case "clone":
        return one(
          "produced",
          "Produced",
          "vm",
          s(["spec", "cloneSpec", "targetNamespace"]) || ns,
          s(["status", "result", "targetVM"]) || s(["spec", "cloneSpec", "targetName"]),
        );
      case "snapshot":
        return one(
          "produced",
          "Produced",
          "snapshot",
          vmNs,
          s(["status", "result", "snapshotName"]) || s(["spec", "snapshotSpec", "name"]),
        );
      default:
        return [];
    }
  };
  return [...one("vm", "VM", "vm", vmNs, s(["spec", "vmRef", "name"])), ...produced()];
}

/**
 * The queries for the objects related to `obj` of kind `noun`, in the order they are shown.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { relatedQueries } from "./related_queries.ts";
 * const op = {
 *   metadata: { name: "web-1-start-x", namespace: "prod" },
 *   spec: { vmRef: { name: "web-1" }, operation: "start" },
 * };
 * equal(relatedQueries("op", op)[0].fieldSelector, "metadata.name=web-1");
 * ```
 */
export function relatedQueries(noun: Noun, obj: KubeObject): RelatedQuery[] {
  const ns = namespaceOf(obj);
  const name = nameOf(obj);
  const s = (path: string[]) => getString(obj, path);
  switch (noun) {
    case "vm":
      return vmQueries(obj);
    case "op":
      return operationQueries(obj);
    case "snapshot":
      return one(
        "vm",
        "VM",
        "vm",
        s(["spec", "vmRef", "namespace"]) || ns,
        s(["spec", "vmRef", "name"]),
      );
    case "template":
      return [{
        key: "vms",
        title: "VMs",
        noun: "vm",
        namespace: ns,
        match: (o) =>
          getString(o, ["spec", "image", "templateRef", "name"]) === name &&
          (getString(o, ["spec", "image", "templateRef", "namespace"]) || namespaceOf(o)) === ns,
      }];
    case "backup":
      return [
        ...one(
          "vm",
          "VM",
          "vm",
          s(["spec", "source", "namespace"]) || ns,
          s(["spec", "source", "vmName"]),
        ),
        ...one(
          "schedule",
          "Schedule",
          "schedule",
          ns,
          getStringMap(obj, ["metadata", "labels"])[SCHEDULE_LABEL],
        ),
        {
          key: "restores",
          title: "Restores",
          noun: "restore",
          namespace: ns,
          match: (o) =>
            getString(o, ["spec", "source", "backupJobRef", "name"]) === name &&
            (getString(o, ["spec", "source", "backupJobRef", "namespace"]) || namespaceOf(o)) ===
              ns,
        },
      ];
    case "restore":
      return [
        ...one(
          "backup",
          "Backup",
          "backup",
          s(["spec", "source", "backupJobRef", "namespace"]) || ns,
          s(["spec", "source", "backupJobRef", "name"]),
        ),
        ...one("vm", "VM", "vm", s(["spec", "destination", "namespace"]) || ns, restoredVm(obj)),
      ];
    case "schedule":
      return [
        ...one(
          "vm",
          "VM",
          "vm",
          s(["spec", "jobTemplate", "spec", "source", "namespace"]) || ns,
          s(["spec", "jobTemplate", "spec", "source", "vmName"]),
        ),
        {
          key: "backups",
          title: "Backups",
          noun: "backup",
          namespace: ns,
          labelSelector: `${SCHEDULE_LABEL}=${name}`,
        },
      ];
  }
}
