/**
 * Where to reach a VM: its VNC endpoint (node address + `status.vnc.nodePort`) and its SSH
 * address (`status.ipAddresses`), or a typed failure that says what is missing and what to do.
 *
 * Pure: the command reads the VM and the Node and hands them in, so every failure is a table
 * case (vm_endpoint_test.ts) instead of a cluster setup.
 * @module
 */

import { getBoolean, getNumber, getPath, getString, getStrings, type KubeObject } from "./types.ts";

/** Node address kinds (`status.addresses[].type`) a user may choose. */
export const ADDRESS_TYPES = ["InternalIP", "ExternalIP", "Hostname"] as const;

/** One of {@link ADDRESS_TYPES}. */
export type AddressType = typeof ADDRESS_TYPES[number];

/** Why a VM cannot be reached; `message` is the one line the user sees (exit 1). */
export interface EndpointFailure {
  failure:
    | "notRunning"
    | "vncDisabled"
    | "noVncPort"
    | "noNode"
    | "nodeForbidden"
    | "nodeMissing"
    | "nodesNotServed"
    | "noNodeAddress"
    | "noAddress"
    | "unknownAddress"
    | "badAddress";
  message: string;
}

/** Where the VM's VNC server listens, before the node's address is known. */
export interface VncPlacement {
  node: string;
  port: number;
}

/** What the command learnt about the VM's node. */
export type NodeFacts =
  /** `--node-address ADDR`: the Node is not read. */
  | { address: string }
  | { node: KubeObject }
  /** Reading the Node failed: 403, 404, or the cluster has no core API (`nodes` not served). */
  | { readError: "forbidden" | "notFound" | "notServed"; detail?: string };

/** A VNC endpoint on a node. */
export interface VncEndpoint {
  host: string;
  port: number;
  node: string;
}

const fail = (failure: EndpointFailure["failure"], message: string): EndpointFailure => ({
  failure,
  message,
});

/** Whether a value is a failure rather than a result. */
export function isEndpointFailure(value: unknown): value is EndpointFailure {
  return typeof value === "object" && value !== null && "failure" in value;
}

function notRunning(vm: KubeObject, name: string, program: string): EndpointFailure | undefined {
  const phase = getString(vm, ["status", "phase"]);
  if (phase === "Running") return undefined;
  const hint = phase === "Stopped" ? `: start it with "${program} vm start ${name}"` : "";
  return fail("notRunning", `VM "${name}" is not running (phase ${phase ?? "unknown"})${hint}`);
}

/**
 * The node and port of a VM's VNC server: the VM must be Running with `status.vnc.enabled`.
 *
 * @param program how hints name the program (`kubectl hyperctl` as a kubectl plugin)
 * @example
 * ```ts
 * import { deepStrictEqual } from "node:assert/strict";
 * import { vncPlacement } from "./vm_endpoint.ts";
 * const vm = {
 *   metadata: { name: "web-1" },
 *   status: { phase: "Running", nodeName: "node-1", vnc: { enabled: true, port: 5900, nodePort: 30001 } },
 * };
 * deepStrictEqual(vncPlacement(vm), { node: "node-1", port: 30001 });
 * ```
 */
export function vncPlacement(
  vm: KubeObject,
  program = "hyperctl",
): VncPlacement | EndpointFailure {
  const name = vm.metadata?.name ?? "";
  const stopped = notRunning(vm, name, program);
  if (stopped) return stopped;
  if (getBoolean(vm, ["status", "vnc", "enabled"]) !== true) {
    // HyperSDK's CRD has no spec field for the display: the operator decides and publishes it.
    return fail(
      "vncDisabled",
      `VNC is not enabled for VM "${name}" (status.vnc.enabled is not true): the operator ` +
        `publishes it for VMs with a display (on "hyperctl sim": running VMs, up to its ` +
        `limit, unless annotated sim.hypersdk.io/vnc=disabled)`,
    );
  }
  const port = getNumber(vm, ["status", "vnc", "nodePort"]);
  if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) {
    return fail(
      "noVncPort",
      `VM "${name}" has VNC enabled but no status.vnc.nodePort yet: try again in a moment`,
    );
  }
  const node = getString(vm, ["status", "nodeName"]);
  if (!node) return fail("noNode", `VM "${name}" is Running but has no status.nodeName`);
  return { node, port };
}

/**
 * The address of a Node: the first `status.addresses` entry of `type`, else (without a chosen
 * type) the first InternalIP, ExternalIP, then Hostname.
 */
export function nodeAddress(node: KubeObject, type?: AddressType): string | undefined {
  const raw = getPath(node, ["status", "addresses"]);
  const addresses = Array.isArray(raw) ? raw : [];
  const of = (t: string) =>
    addresses.map((a) => getString(a, ["type"]) === t ? getString(a, ["address"]) : undefined)
      .find((a) => a);
  if (type) return of(type);
  for (const t of ADDRESS_TYPES) {
    const found = of(t);
    if (found) return found;
  }
  return undefined;
}

/** The VNC endpoint from the placement and what is known about the node. */
export function vncEndpoint(
  placement: VncPlacement,
  facts: NodeFacts,
  type?: AddressType,
): VncEndpoint | EndpointFailure {
  const { node, port } = placement;
  const offer = `; give the node's address with --node-address ADDR`;
  if ("address" in facts) return { host: facts.address, port, node };
  if ("readError" in facts) {
    switch (facts.readError) {
      case "forbidden":
        return fail(
          "nodeForbidden",
          `cannot read Node "${node}": "get" on "nodes" (core API, cluster scope) is not ` +
            `allowed for this user${offer}`,
        );
      case "notFound":
        return fail("nodeMissing", `Node "${node}" does not exist${offer}`);
      case "notServed":
        return fail("nodesNotServed", `this cluster does not serve Nodes (core API v1)${offer}`);
    }
  }
  const host = nodeAddress(facts.node, type);
  if (!host) {
    const which = type ?? "InternalIP, ExternalIP or Hostname";
    return fail("noNodeAddress", `Node "${node}" has no ${which} address${offer}`);
  }
  return { host, port, node };
}

/**
 * The address to SSH to: `status.ipAddresses[0]`, or `wanted` when the VM has that address.
 * With none, the failure names the phase and whether the guest agent is connected.
 */
export function sshAddress(vm: KubeObject, wanted?: string): string | EndpointFailure {
  const name = vm.metadata?.name ?? "";
  const addresses = getStrings(vm, ["status", "ipAddresses"]).filter((a) => a !== "");
  if (addresses.length === 0) {
    const phase = getString(vm, ["status", "phase"]) ?? "unknown";
    const agent = getBoolean(vm, ["status", "guestAgent", "connected"]) === true
      ? "connected"
      : "not connected";
    return fail(
      "noAddress",
      `VM "${name}" has no IP address (phase ${phase}, guest agent ${agent})`,
    );
  }
  const chosen = wanted === undefined ? addresses[0] : addresses.find((a) => a === wanted);
  if (chosen !== undefined) {
    // The address becomes a word of ssh's command line: only an IP address or a host name.
    if (/^[A-Za-z0-9_][A-Za-z0-9.:%_-]*$/.test(chosen)) return chosen;
    return fail(
      "badAddress",
      `VM "${name}" has the address ${
        JSON.stringify(chosen)
      }, which is not an IP address or host name`,
    );
  }
  return fail(
    "unknownAddress",
    `VM "${name}" has no address ${wanted} (it has ${addresses.join(", ")})`,
  );
}
