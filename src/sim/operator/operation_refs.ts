/**
 * How a VMOperation names the objects it acts on, and the API server's wording when one is missing.
 * @module
 */

import { getPath, getString, isRecord, type KubeObject, namespaceOf } from "../../core/types.ts";
import type { ObjectRef } from "./plan.ts";
import { type KindName, resourceName } from "./resources.ts";
import type { World } from "./world.ts";

/** The operation's own ref. */
export function opRef(op: KubeObject): ObjectRef {
  return {
    kind: "VMOperation",
    namespace: namespaceOf(op),
    name: getString(op, ["metadata", "name"]) ?? "",
  };
}

/** The target VM: spec.vmRef.name in vmRef.namespace or the operation's namespace. */
export function targetVmRef(op: KubeObject): ObjectRef {
  return {
    kind: "VirtualMachine",
    namespace: getString(op, ["spec", "vmRef", "namespace"]) || namespaceOf(op),
    name: getString(op, ["spec", "vmRef", "name"]) ?? "",
  };
}

/**
 * `cloneSpec.snapshotRef`: the Go type is a name in the operation's namespace; an object
 * `{name, namespace}` is accepted too, for CRDs that model it as a reference.
 */
export function snapshotRefOf(op: KubeObject): ObjectRef | undefined {
  const raw = getPath(op, ["spec", "cloneSpec", "snapshotRef"]);
  if (typeof raw === "string" && raw !== "") {
    return { kind: "VMSnapshot", namespace: namespaceOf(op), name: raw };
  }
  if (isRecord(raw) && typeof raw.name === "string" && raw.name !== "") {
    const ns = typeof raw.namespace === "string" && raw.namespace !== ""
      ? raw.namespace
      : namespaceOf(op);
    return { kind: "VMSnapshot", namespace: ns, name: raw.name };
  }
  return undefined;
}

/** `virtualmachines.hypersdk.io "web-1" not found`, as the API server words a 404. */
export function notFound(ref: ObjectRef): string {
  return `${resourceName(ref.kind)} "${ref.name}" not found`;
}

/** Look an object up by ref. */
export function lookup(world: World, ref: ObjectRef): KubeObject | undefined {
  return world.get(ref.kind as KindName, ref.namespace, ref.name);
}
