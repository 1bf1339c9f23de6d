/**
 * Fill the server with VirtualMachines through the project's own client, a few requests in
 * flight at a time, and drive status updates the way an operator would (status subresource).
 *
 * Why concurrent: 10 000 sequential creates over one connection take minutes; a handful of
 * workers keep the server busy without turning the seeding itself into a load test.
 * @module
 */

import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import type { KubeObject } from "../../src/core/types.ts";
import type { KubeApi, ResourceRef } from "../../src/k8s/api.ts";
import { refFor } from "../../src/cli/commands/common.ts";

/** The VirtualMachine collection in `namespace`. */
export function vmRef(namespace: string): ResourceRef {
  return refFor(kindByNoun("vm"), namespace);
}

/** The VMOperation collection in `namespace`. */
export function opRef(namespace: string): ResourceRef {
  return refFor(kindByNoun("op"), namespace);
}

/** Run `task(i)` for i in [0, count) with at most `workers` in flight; rejects on the first error. */
export async function pool(
  count: number,
  workers: number,
  task: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, count) }, worker));
}

/** A VM that looks like a running one: a realistic spec and, after seeding, a status. */
export function vmManifest(name: string, i: number): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: { name, labels: { app: `app-${i % 20}`, tier: i % 3 === 0 ? "db" : "web" } },
    spec: {
      cpus: 1 + (i % 8),
      memory: `${2 ** (1 + (i % 5))}Gi`,
      disks: [{ name: "root", size: "40Gi" }],
      networks: [{ name: "default" }],
    },
  } as KubeObject;
}

/** The status a running VM has; `marker` lands in guestAgent.hostname so each update differs. */
export function runningStatus(i: number, marker: string): Record<string, unknown> {
  return {
    status: {
      phase: "Running",
      nodeName: `node-${i % 16}`,
      ipAddresses: [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
      guestAgent: { connected: true, version: "1.4.2", hostname: marker },
    },
  };
}

/** Names of the seeded VMs: `vm-00000` … */
export function vmName(i: number): string {
  return `vm-${String(i).padStart(5, "0")}`;
}

/**
 * Create `count` running VMs in `namespace` (create + status patch each); returns the elapsed
 * milliseconds. Idempotent across re-runs only for fresh namespaces.
 */
export async function seedVms(
  api: KubeApi,
  namespace: string,
  count: number,
  workers = 8,
  from = 0,
): Promise<number> {
  const ref = vmRef(namespace);
  const started = performance.now();
  await pool(count - from, workers, async (k) => {
    const i = from + k;
    const name = vmName(i);
    await api.create(ref, vmManifest(name, i));
    await api.patch(ref, name, runningStatus(i, name), { type: "merge", subresource: "status" });
  });
  return performance.now() - started;
}

/** The marker written by update number `n`, counted in watch output. */
export const UPDATE_MARKER = "bench-update-";

/**
 * Issue `count` status updates round-robin over `vmCount` VMs, as fast as the server accepts
 * them with `workers` in flight. Resolves with the time the last update was acknowledged.
 */
export async function burstUpdates(
  api: KubeApi,
  namespace: string,
  vmCount: number,
  count: number,
  tag: string,
  workers = 8,
  nameOf: (i: number) => string = vmName,
): Promise<number> {
  const ref = vmRef(namespace);
  await pool(count, workers, async (n) => {
    const i = n % vmCount;
    await api.patch(ref, nameOf(i), runningStatus(i, `${UPDATE_MARKER}${tag}-${n}`), {
      type: "merge",
      subresource: "status",
    });
  });
  return performance.now();
}
