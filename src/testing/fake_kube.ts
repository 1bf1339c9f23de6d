/**
 * A scripted `RxKube` for marble tests: each list or watch request takes the next Observable from
 * its queue (usually a cold observable), and every request's options are recorded, so tests can
 * assert which resourceVersion each reconnect asked for.
 * @module
 */

import { NEVER, type Observable } from "../rx.ts";
import type { KubeList, KubeObject, WatchEvent } from "../core/types.ts";
import type { ListOptions, ResourceRef, WatchOptions } from "../k8s/api.ts";
import type { RxKube } from "../k8s/watch.ts";

/** The fake and what it was asked. */
export interface FakeKube extends RxKube {
  readonly listCalls: ListOptions[];
  readonly watchCalls: WatchOptions[];
}

/** A fake whose n-th list/watch request gets `lists[n]`/`watches[n]`, then NEVER. */
export function fakeKube(
  lists: Observable<KubeList>[],
  watches: Observable<WatchEvent>[] = [],
): FakeKube {
  const listCalls: ListOptions[] = [];
  const watchCalls: WatchOptions[] = [];
  return {
    listCalls,
    watchCalls,
    list$: (_ref: ResourceRef, options: ListOptions) => {
      listCalls.push(options);
      return lists.shift() ?? NEVER;
    },
    watch$: (_ref: ResourceRef, options: WatchOptions) => {
      watchCalls.push(options);
      return watches.shift() ?? NEVER;
    },
  };
}

/** A list response. */
export function kubeList(items: KubeObject[], resourceVersion: string, cont?: string): KubeList {
  return {
    kind: "VirtualMachineList",
    apiVersion: "hypersdk.io/v1alpha1",
    metadata: { resourceVersion, ...(cont ? { continue: cont } : {}) },
    items,
  };
}

/** A VirtualMachine-shaped object in namespace "ns" with a stable uid. */
export function vm(name: string, resourceVersion: string, phase = "Running"): KubeObject {
  return {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name, namespace: "ns", uid: `uid-${name}`, resourceVersion },
    status: { phase },
  };
}

/** The collection the tests watch. */
export const VM_REF: ResourceRef = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "ns",
};
