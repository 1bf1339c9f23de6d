/**
 * What reconcilers may look at: cached objects of every kind, the node list, the clock, the job
 * runner's jobs and the fault rules. Read-only, so a reconcile is a pure function of it.
 * @module
 */

import { type KubeObject, nameOf, namespaceOf, resourceVersionOf } from "../../core/types.ts";
import { type Fault, faultFor, type FaultRules } from "./faults.ts";
import type { RunnerJob } from "./job_runner.ts";
import type { KindName } from "./resources.ts";

/** The read-only view a reconcile function gets. */
export interface World {
  /** Current time, epoch ms (injected clock). */
  readonly now: number;
  /** Node names VMs can run on. */
  readonly nodes: readonly string[];
  get(kind: KindName, namespace: string, name: string): KubeObject | undefined;
  /** Objects of a kind, in one namespace or all; sorted by namespace/name for determinism. */
  list(kind: KindName, namespace?: string): KubeObject[];
  /** A job of the in-process runner. */
  job(id: string): RunnerJob | undefined;
  /** The fault injected into an object, if any. */
  fault(obj: KubeObject, kind: KindName): Fault | undefined;
  /** The VNC consoles this operator serves; absent when it serves none. */
  readonly consoles?: ConsoleView;
}

/** What reconcilers see of the served consoles. */
export interface ConsoleView {
  /** The port of a VM's console (`namespace/name`), undefined while none is served. */
  port(key: string): number | undefined;
  /** How many more consoles may be opened. */
  readonly left: number;
}

/** Numeric resourceVersions compare by age; opaque ones are taken as newer. */
function isOlder(candidate: KubeObject, current: KubeObject): boolean {
  const a = resourceVersionOf(candidate);
  const b = resourceVersionOf(current);
  if (!a || !b || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return false;
  return BigInt(a) < BigInt(b);
}

/** The operator's object cache, fed by watches and by the responses of its own writes. */
export class ObjectStore {
  #kinds = new Map<KindName, Map<string, KubeObject>>();

  #of(kind: KindName): Map<string, KubeObject> {
    let m = this.#kinds.get(kind);
    if (!m) this.#kinds.set(kind, m = new Map());
    return m;
  }

  /**
   * Store an object unless the cache already has a newer version: a watch event can arrive after
   * the response of a later write, and must not roll the cache back.
   */
  put(kind: KindName, obj: KubeObject): boolean {
    const key = `${namespaceOf(obj)}/${nameOf(obj)}`;
    const m = this.#of(kind);
    const cur = m.get(key);
    if (cur && isOlder(obj, cur)) return false;
    m.set(key, obj);
    return true;
  }

  remove(kind: KindName, namespace: string, name: string): void {
    this.#of(kind).delete(`${namespace}/${name}`);
  }

  get(kind: KindName, namespace: string, name: string): KubeObject | undefined {
    return this.#of(kind).get(`${namespace}/${name}`);
  }

  list(kind: KindName, namespace?: string): KubeObject[] {
    return [...this.#of(kind).entries()]
      .filter(([, o]) => namespace === undefined || namespaceOf(o) === namespace)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => o);
  }
}

/** A World over a store; the driver builds one per reconcile. */
export function worldFromStore(
  store: ObjectStore,
  input: {
    now: number;
    nodes: readonly string[];
    jobs: (id: string) => RunnerJob | undefined;
    faults: FaultRules;
    consoles?: ConsoleView;
  },
): World {
  return {
    ...(input.consoles ? { consoles: input.consoles } : {}),
    now: input.now,
    nodes: input.nodes,
    get: (kind, ns, name) => store.get(kind, ns, name),
    list: (kind, ns) => store.list(kind, ns),
    job: input.jobs,
    fault: (obj, kind) => faultFor(obj, kind, input.faults),
  };
}

/** Build a World from plain data (objects carry their `kind`); for tests and tools. */
export function worldOf(input: {
  now: number;
  nodes?: readonly string[];
  objects?: KubeObject[];
  jobs?: RunnerJob[];
  faults?: FaultRules;
  consoles?: ConsoleView;
}): World {
  const store = new ObjectStore();
  for (const o of input.objects ?? []) store.put(o.kind as KindName, o);
  const jobs = new Map((input.jobs ?? []).map((j) => [j.id, j]));
  return worldFromStore(store, {
    now: input.now,
    nodes: input.nodes ?? ["node-1", "node-2", "node-3"],
    jobs: (id) => jobs.get(id),
    faults: input.faults ?? [],
    consoles: input.consoles,
  });
}
