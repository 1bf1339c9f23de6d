/**
 * Test helpers: apply plans to plain objects in memory (JSON merge patch semantics, like the API
 * server's), so multi-step flows of pure reconcilers can be checked without a server.
 * @module
 */

import { isRecord, type KubeObject, nameOf, namespaceOf } from "../core/types.ts";
import type { Action, Plan } from "../sim/operator/plan.ts";
import type { KindName } from "../sim/operator/resources.ts";
import { reconcileVm } from "../sim/operator/reconcile_vm.ts";
import { reconcileVmOperation } from "../sim/operator/reconcile_vmoperation.ts";
import { reconcileSnapshot } from "../sim/operator/reconcile_snapshot.ts";
import type { RunnerJob } from "../sim/operator/job_runner.ts";
import type { FaultRules } from "../sim/operator/faults.ts";
import { type World, worldOf } from "../sim/operator/world.ts";

/** 2026-01-01T00:00:00Z, the clock of the unit tests. */
export const T0 = Date.parse("2026-01-01T00:00:00Z");

/** RFC 7386 merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** A VM object. */
export function vm(
  name: string,
  spec: Record<string, unknown>,
  status?: Record<string, unknown>,
  ns = "default",
): KubeObject {
  return {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name, namespace: ns, uid: `uid-${name}` },
    spec,
    ...(status ? { status } : {}),
  };
}

/** Any object of `kind`. */
export function obj(
  kind: KindName,
  name: string,
  spec: unknown,
  status?: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: "hypersdk.io/v1alpha1",
    kind,
    metadata: {
      name,
      namespace: "default",
      uid: `uid-${name}`,
      creationTimestamp: "2026-01-01T00:00:00Z",
      ...metadata,
    },
    spec,
    ...(status ? { status } : {}),
  };
}

/** An in-memory cluster of plain objects that applies actions like the API server would. */
export class MemoryCluster {
  objects = new Map<string, KubeObject>();
  jobs: RunnerJob[] = [];
  submitted: string[] = [];
  /** Served consoles by `namespace/name`, when the test turns consoles on. */
  consoles?: Map<string, number>;
  /** How many consoles may be served at once. */
  consoleLimit = 100;
  constructor(objects: KubeObject[], public now = T0, public faults: FaultRules = []) {
    for (const o of objects) {
      this.objects.set(this.#key(o.kind as string, namespaceOf(o), nameOf(o)), structuredClone(o));
    }
  }
  #key(kind: string, ns: string, name: string) {
    return `${kind}/${ns}/${name}`;
  }
  get(kind: KindName, name: string, ns = "default"): KubeObject | undefined {
    return this.objects.get(this.#key(kind, ns, name));
  }
  world(): World {
    return worldOf({
      now: this.now,
      objects: [...this.objects.values()],
      jobs: this.jobs,
      faults: this.faults,
      consoles: this.consoles && {
        port: (key) => this.consoles?.get(key),
        left: this.consoleLimit - this.consoles.size,
      },
    });
  }
  apply(actions: Action[]): void {
    for (const a of actions) {
      if (a.type === "patchStatus" || a.type === "patchSpec") {
        const k = this.#key(a.ref.kind, a.ref.namespace, a.ref.name);
        const cur = this.objects.get(k);
        if (!cur) throw Object.assign(new Error(`${a.ref.name} not found`), { code: 404 });
        const patch = a.type === "patchStatus" ? { status: a.status } : a.patch;
        this.objects.set(k, mergePatch(cur, patch) as KubeObject);
      } else if (a.type === "create") {
        const k = this.#key(a.kind, namespaceOf(a.object), nameOf(a.object));
        if (this.objects.has(k)) {
          throw Object.assign(new Error(`"${nameOf(a.object)}" already exists`), { code: 409 });
        }
        this.objects.set(k, {
          ...structuredClone(a.object),
          metadata: { ...a.object.metadata, uid: `uid-${nameOf(a.object)}` },
        });
      } else if (a.type === "delete") {
        this.objects.delete(this.#key(a.ref.kind, a.ref.namespace, a.ref.name));
      } else if (a.type === "openConsole") {
        const key = `${a.ref.namespace}/${a.ref.name}`;
        const consoles = this.consoles ??= new Map();
        const port = consoles.get(key) ?? 5900 + consoles.size;
        consoles.set(key, port);
        this.apply([{
          type: "patchStatus",
          ref: a.ref,
          status: { vnc: { enabled: true, port, nodePort: port } },
        }]);
      } else if (a.type === "closeConsole") {
        this.consoles?.delete(`${a.ref.namespace}/${a.ref.name}`);
      } else if (a.type === "submitJob") {
        this.submitted.push(a.definition.id);
      }
    }
  }
  /** Reconcile one object once and apply its plan (its `fail` actions on error). */
  step(
    kind: KindName,
    name: string,
    reconcile: (o: KubeObject, w: World) => Plan,
    ns = "default",
  ): Plan {
    const o = this.get(kind, name, ns);
    if (!o) return { actions: [] };
    const plan = reconcile(o, this.world());
    for (const action of plan.actions) {
      try {
        this.apply([action]);
      } catch (e) {
        if (!plan.fail) throw e;
        const prefix = "errorPrefix" in action ? action.errorPrefix ?? "" : "";
        this.apply(plan.fail(prefix + (e as Error).message));
        break;
      }
    }
    return plan;
  }
  /**
   * Drive one VMOperation to a terminal phase, reconciling VMs and snapshots in between as the
   * operator would. Returns the op's (progress, message) trace.
   */
  runOperation(name: string, maxSteps = 60): string[] {
    const trace: string[] = [];
    for (let i = 0; i < maxSteps; i++) {
      this.step("VMOperation", name, reconcileVmOperation);
      const op = this.get("VMOperation", name);
      const s = (op?.status ?? {}) as Record<string, unknown>;
      const line = `${s.phase} ${s.progress ?? ""} ${s.message ?? ""}`.trim();
      if (trace.at(-1) !== line) trace.push(line);
      for (const o of [...this.objects.values()]) {
        if (o.kind === "VirtualMachine") {
          this.step("VirtualMachine", nameOf(o), reconcileVm, namespaceOf(o));
        }
        if (o.kind === "VMSnapshot") {
          this.step("VMSnapshot", nameOf(o), reconcileSnapshot, namespaceOf(o));
        }
      }
      if (["Succeeded", "Failed"].includes(String(s.phase))) break;
      this.now += 1000;
    }
    return trace;
  }
}
