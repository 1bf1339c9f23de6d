/**
 * The fleet `hyperctl sim --vms N` starts with: varied VMs, each already in the state the
 * simulated operator would bring it to (Running on a node, or Stopped), seeded straight into the
 * server's store.
 *
 * Why settled: at 100 000 VMs the operator walking each one through Pending → Creating → Running
 * would be 300 000 status writes after start; the user asked for a fleet, not its boot storm.
 * The status comes from the operator's own `reconcileVm`, stepped until it has nothing to do.
 * @module
 */

import { API_VERSION, GROUP, kindByNoun, VERSION } from "../core/kinds.ts";
import type { KubeObject } from "../core/types.ts";
import { reconcileVm } from "./operator/reconcile_vm.ts";
import { worldOf } from "./operator/world.ts";
import type { SeedItem, SimServer } from "./server/mod.ts";
import { mergePatch } from "./server/patch.ts";

const TIERS = ["web", "db", "cache", "batch"];
const MEMORY = ["2Gi", "4Gi", "8Gi", "16Gi", "1536Mi", "32Gi"];

/** The i-th seeded VM: varied CPUs, memory, tiers and power states, so filters have work to do. */
export function seedVm(i: number, namespace: string): KubeObject {
  const tier = TIERS[i % TIERS.length];
  return {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: {
      name: `${tier}-${String(i + 1).padStart(3, "0")}`,
      namespace,
      labels: { tier, env: i % 3 === 0 ? "prod" : "dev" },
    },
    spec: {
      cpus: [1, 2, 4, 8][i % 4],
      memory: MEMORY[i % MEMORY.length],
      running: i % 5 !== 4,
      image: { source: `https://images.example/${tier}.qcow2` },
    },
  };
}

/**
 * The status the operator settles `vm` in: its reconcile steps applied until it plans nothing.
 * Placement sees no other VM, so VMs spread over the nodes by the hash of their name.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const status = settledStatus(seedVm(0, "default"), { nodes: ["n1"], now: 0 });
 * equal(status.phase, "Running");
 * equal(status.nodeName, "n1");
 * ```
 */
export function settledStatus(
  vm: KubeObject,
  at: { nodes: readonly string[]; now: number },
): Record<string, unknown> {
  const world = worldOf({ now: at.now, nodes: at.nodes });
  let current = vm;
  // Pending, then Creating or Stopped, then Running: a handful of steps; the bound is a guard.
  for (let step = 0; step < 10; step++) {
    const patch = reconcileVm(current, world).actions.find((a) => a.type === "patchStatus");
    if (patch?.type !== "patchStatus") break;
    current = { ...current, status: mergePatch(current.status ?? {}, patch.status) as never };
  }
  return (current.status ?? {}) as Record<string, unknown>;
}

/**
 * Seed `count` VMs into `namespace` of a running sim server, settled on `nodes`.
 * @returns how many were created
 */
export function seedFleet(
  server: Pick<SimServer, "seed">,
  options: { count: number; namespace: string; nodes: readonly string[]; now: number },
): number {
  const plural = kindByNoun("vm").plural;
  function* items(): Generator<SeedItem> {
    for (let i = 0; i < options.count; i++) {
      const object = seedVm(i, options.namespace);
      yield { object, status: settledStatus(object, options) };
    }
  }
  return server.seed(
    { group: GROUP, version: VERSION, plural, namespace: options.namespace },
    items(),
  );
}
