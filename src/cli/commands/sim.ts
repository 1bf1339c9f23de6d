/**
 * `hyperctl sim`: the embedded cluster — a Kubernetes-compatible HTTPS API server for the
 * hypersdk.io resources plus the simulated HyperSDK operator — so anyone can try hyperctl (and
 * kubectl) without a cluster.
 * @module
 */

import { writeFileAtomic } from "../atomic_file.ts";
import { API_VERSION } from "../../core/kinds.ts";
import type { KubeObject } from "../../core/types.ts";
import { createKubeApi, type KubeClient } from "../../k8s/client.ts";
import { loadKubeConfig } from "../../k8s/kubeconfig.ts";
import { type Operator, startOperator } from "../../sim/operator/mod.ts";
import { type SimServer, startSimServer } from "../../sim/server/mod.ts";
import { EMBEDDED_CRDS } from "../../sim/crds.ts";
import type { Deps } from "../deps.ts";
import { InputError } from "../outcomes.ts";
import { refFor } from "./common.ts";
import { kindByNoun } from "../../core/kinds.ts";
import { rfc3339 } from "../../sim/operator/time.ts";

/** Raw flags of `sim`. */
export interface SimFlags {
  port?: string;
  vms?: string;
  nodes?: string;
  kubeconfigOut?: string;
  pace?: string;
  seedNamespace?: string;
}

/** Parsed options of `sim`. */
export interface SimOptions {
  port: number;
  vms: number;
  nodes: string[];
  kubeconfigOut: string;
  pace: "fast" | "normal";
  namespace: string;
}

/** Check `sim`'s flags (exit 2 on bad input). */
export function parseSimOptions(flags: SimFlags, home: string | undefined): SimOptions {
  const int = (flag: string, v: string | undefined, dflt: number, max: number) => {
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v) || Number(v) > max) {
      throw new InputError(`${flag} must be a whole number from 0 to ${max}, got "${v}"`);
    }
    return Number(v);
  };
  const nodes = (flags.nodes ?? "node-1,node-2,node-3").split(",").map((n) => n.trim())
    .filter(Boolean);
  for (const n of nodes) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(n)) {
      throw new InputError(`--nodes: "${n}" is not a valid node name`);
    }
  }
  if (nodes.length === 0) throw new InputError("--nodes needs at least one node name");
  const pace = flags.pace ?? "normal";
  if (pace !== "fast" && pace !== "normal") {
    throw new InputError(`--pace must be fast or normal, got "${pace}"`);
  }
  return {
    port: int("--port", flags.port, 0, 65535),
    vms: int("--vms", flags.vms, 12, 100_000),
    nodes,
    kubeconfigOut: flags.kubeconfigOut ?? `${home ?? "."}/.kube/hyperctl-sim.yaml`,
    pace,
    namespace: flags.seedNamespace ?? "default",
  };
}

const TIERS = ["web", "db", "cache", "batch"];

/** Consoles served at once: one socket each, well below the usual file-descriptor limits. */
export const SIM_CONSOLES = 1000;
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
 * Create the seeded VMs before the operator starts, each running one already placed on the next
 * node in turn. The operator places new VMs on the least-loaded node in the order it reaches
 * them, which its step delays make random, so the same flags would give other nodes (and
 * addresses) on every run; seeded this way, `--vms N --nodes …` always gives the same cluster.
 */
async function seedVms(api: KubeClient, options: SimOptions): Promise<void> {
  const ref = refFor(kindByNoun("vm"), options.namespace);
  let placed = 0;
  for (let i = 0; i < options.vms; i++) {
    const vm = await api.create(ref, seedVm(i, options.namespace));
    if (!(vm.spec as { running?: boolean }).running || options.nodes.length === 0) continue;
    const node = options.nodes[placed++ % options.nodes.length];
    await api.patch(ref, vm.metadata!.name!, {
      status: { phase: "Creating", nodeName: node, creationTimestamp: rfc3339(Date.now()) },
    }, { type: "merge", subresource: "status" });
  }
}

/** A running sim, for the command and for the demo script. */
export interface RunningSim {
  server: SimServer;
  api: KubeClient;
  operator: Operator;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

/** Start server and operator, write the kubeconfig (mode 0600), seed the VMs. */
export async function startSim(options: SimOptions): Promise<RunningSim> {
  const server = await startSimServer({
    port: options.port,
    crdYaml: Object.values(EMBEDDED_CRDS),
    nodes: options.nodes,
  });
  const dir = options.kubeconfigOut.replace(/\/[^/]*$/, "");
  if (dir && dir !== options.kubeconfigOut) await Deno.mkdir(dir, { recursive: true });
  // Atomic and exclusive: a symlink planted at the path is replaced, its target left alone.
  await writeFileAtomic(
    options.kubeconfigOut,
    server.kubeconfigYaml("hyperctl-sim", options.namespace),
    { what: "kubeconfig", mode: 0o600, keepMode: false },
  );
  const api = createKubeApi(loadKubeConfig({ kubeconfig: options.kubeconfigOut }));
  await seedVms(api, options);
  const operator = startOperator(api, {
    pace: options.pace,
    nodes: options.nodes,
    consoles: SIM_CONSOLES,
  });
  return {
    server,
    api,
    operator,
    kubeconfigPath: options.kubeconfigOut,
    async stop() {
      await operator.stop();
      api.close();
      await server.stop();
    },
  };
}

/** Run `hyperctl sim` until SIGINT/SIGTERM. */
export async function runSimCommand(flags: SimFlags, deps: Deps): Promise<void> {
  const options = parseSimOptions(flags, deps.env("HOME"));
  const sim = await startSim(options);
  await deps.io.err.write(
    `hyperctl sim: API server on ${sim.server.url}, ${options.vms} VMs in namespace "${options.namespace}", ` +
      `nodes ${options.nodes.join(", ")}\n` +
      `kubeconfig written to ${sim.kubeconfigPath} (mode 0600). Try:\n` +
      `  export KUBECONFIG=${sim.kubeconfigPath}\n` +
      `  hyperctl vm list\n` +
      `  hyperctl vm clone ${
        seedVm(0, options.namespace).metadata?.name
      } --target my-clone --wait\n` +
      `  hyperctl vm vnc ${seedVm(0, options.namespace).metadata?.name} --web\n` +
      `  kubectl get virtualmachines.hypersdk.io\n` +
      `Press Ctrl+C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    if (deps.interrupt.aborted) resolve();
    deps.interrupt.addEventListener("abort", () => resolve(), { once: true });
  });
  await deps.io.err.write("hyperctl sim: stopping\n");
  await sim.stop();
}
