/**
 * Where a simulated VM runs and which address it gets.
 * @module
 */

import { getString, getStringMap, type KubeObject, nameOf, namespaceOf } from "../../core/types.ts";
import type { World } from "./world.ts";

/** The nodeSelector key the simulator honours. */
export const HOSTNAME_LABEL = "kubernetes.io/hostname";

/** FNV-1a, for stable spreading and addresses (same name → same answer on every run). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const ACTIVE = new Set(["Creating", "Running", "Migrating", "Paused"]);

/** VMs currently placed on each node (the VM being placed excluded). */
export function nodeLoads(world: World, except?: KubeObject): Map<string, number> {
  const loads = new Map(world.nodes.map((n) => [n, 0]));
  for (const vm of world.list("VirtualMachine")) {
    if (except && nameOf(vm) === nameOf(except) && namespaceOf(vm) === namespaceOf(except)) {
      continue;
    }
    const node = getString(vm, ["status", "nodeName"]);
    const phase = getString(vm, ["status", "phase"]) ?? "";
    if (node !== undefined && loads.has(node) && ACTIVE.has(phase)) {
      loads.set(node, (loads.get(node) ?? 0) + 1);
    }
  }
  return loads;
}

/**
 * Pick a node: the `kubernetes.io/hostname` nodeSelector if given, else the least-loaded node;
 * ties are broken by a hash of the VM's name so simultaneous creations spread out.
 */
export function chooseNode(vm: KubeObject, world: World): { node: string } | { error: string } {
  const wanted = getStringMap(vm, ["spec", "nodeSelector"])[HOSTNAME_LABEL];
  if (wanted !== undefined) {
    return world.nodes.includes(wanted)
      ? { node: wanted }
      : { error: `no node matches nodeSelector ${HOSTNAME_LABEL}=${wanted}` };
  }
  if (world.nodes.length === 0) return { error: "no nodes available" };
  const loads = nodeLoads(world, vm);
  const min = Math.min(...loads.values());
  const least = world.nodes.filter((n) => loads.get(n) === min);
  return { node: least[hash32(`${namespaceOf(vm)}/${nameOf(vm)}`) % least.length] };
}

/** A deterministic pod-network address: 10.244.<node index + 1>.<2..251>. */
export function ipFor(vm: KubeObject, node: string, nodes: readonly string[]): string {
  const subnet = Math.max(0, nodes.indexOf(node)) + 1;
  const host = hash32(`${namespaceOf(vm)}/${nameOf(vm)}`) % 250 + 2;
  return `10.244.${subnet}.${host}`;
}
