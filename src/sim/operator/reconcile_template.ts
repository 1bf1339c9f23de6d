/**
 * VMTemplate validation (reference §3.8): ready, size, lastUpdated and conditions, written only
 * when they change so an unchanged template causes no writes.
 * @module
 */

import {
  getBoolean,
  getNumber,
  getPath,
  getString,
  type KubeObject,
  nameOf,
  namespaceOf,
} from "../../core/types.ts";
import { findCondition, setCondition } from "./conditions.ts";
import { NOTHING, patchStatus, type Plan } from "./plan.ts";
import { rfc3339 } from "./time.ts";
import type { World } from "./world.ts";

/** Why a template is invalid, or undefined. */
export function validateTemplate(t: KubeObject): string | undefined {
  if (!getString(t, ["spec", "displayName"])) return "displayName is required";
  if (!getString(t, ["spec", "image", "source"])) return "image.source is required";
  if (getPath(t, ["spec", "defaultSpec"]) !== undefined) {
    const cpus = getNumber(t, ["spec", "defaultSpec", "cpus"]);
    if (cpus !== undefined && cpus < 1) return "defaultSpec.cpus must be at least 1";
    if (getPath(t, ["spec", "defaultSpec", "memory"]) === "") {
      return "defaultSpec.memory is required";
    }
  }
  return undefined;
}

/** VMs in the template's namespace that use it through spec.image.templateRef. */
export function templateUsage(t: KubeObject, world: World): number {
  return world.list("VirtualMachine", namespaceOf(t)).filter((vm) =>
    getString(vm, ["spec", "image", "templateRef", "name"]) === nameOf(t)
  ).length;
}

/** One step of a VMTemplate. */
export function reconcileTemplate(t: KubeObject, world: World): Plan {
  if (getString(t, ["metadata", "deletionTimestamp"])) return NOTHING;
  const ref = { kind: "VMTemplate" as const, namespace: namespaceOf(t), name: nameOf(t) };
  const invalid = validateTemplate(t);
  const ready = invalid === undefined;
  const size = getString(t, ["spec", "image", "size"]) ?? "2.3Gi";
  const usageCount = templateUsage(t, world);
  const valid = findCondition(t.status, "Valid");
  const wantValid = ready
    ? { status: "True", reason: "ValidationPassed", message: "Template spec is valid" }
    : { status: "False", reason: "ValidationFailed", message: invalid };
  const same = getBoolean(t, ["status", "ready"]) === ready &&
    (!ready || getString(t, ["status", "size"]) === size) &&
    getNumber(t, ["status", "usageCount"]) === usageCount &&
    valid?.status === wantValid.status && valid?.message === wantValid.message;
  if (same) return NOTHING;
  let conditions = setCondition(getPath(t, ["status", "conditions"]), {
    type: "Valid",
    status: wantValid.status as "True" | "False",
    reason: wantValid.reason,
    message: wantValid.message ?? "",
  }, world.now);
  conditions = setCondition(
    conditions,
    ready
      ? {
        type: "Ready",
        status: "True",
        reason: "TemplateReady",
        message: "Template is ready for use",
      }
      : { type: "Ready", status: "False", reason: "ValidationFailed", message: invalid ?? "" },
    world.now,
  );
  return {
    actions: [patchStatus(ref, {
      ready,
      ...(ready ? { size } : {}),
      usageCount,
      lastUpdated: rfc3339(world.now),
      conditions,
    })],
  };
}
