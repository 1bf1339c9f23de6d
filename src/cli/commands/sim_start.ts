/**
 * The embedded cluster of `hyperctl sim` (and of the demo script): a Kubernetes-compatible HTTPS
 * API server for the hypersdk.io resources plus the simulated HyperSDK operator.
 * @module
 */

import { writeFileAtomic } from "../atomic_file.ts";
import { createKubeApi, type KubeClient } from "../../k8s/client.ts";
import { loadKubeConfig } from "../../k8s/kubeconfig.ts";
import { type Operator, startOperator } from "../../sim/operator/mod.ts";
import { type SimServer, startSimServer } from "../../sim/server/mod.ts";
import { EMBEDDED_CRDS } from "../../sim/crds.ts";
import { seedFleet, seedVm } from "../../sim/seed_fleet.ts";
import type { Deps } from "../deps.ts";

/** Checked options of `sim`. */
export interface SimOptions {
  port: number;
  vms: number;
  nodes: string[];
  /** Where the kubeconfig goes; undefined: ~/.kube/hyperctl-sim.yaml. */
  kubeconfigOut?: string;
  pace: "fast" | "normal";
  namespace: string;
  /** `--ready-file`: written (atomically) once the fleet is seeded and the kubeconfig written. */
  readyFile?: string;
}

/** Consoles served at once: one socket each, well below the usual file-descriptor limits. */
export const SIM_CONSOLES = 1000;

/** A running sim, for the command and for the demo script. */
export interface RunningSim {
  server: SimServer;
  api: KubeClient;
  operator: Operator;
  kubeconfigPath: string;
  /** How many VMs were seeded. */
  seeded: number;
  stop(): Promise<void>;
}

/**
 * Start the server, seed the VMs straight into its store, then write the kubeconfig (mode 0600)
 * and start the operator: a client that finds the kubeconfig finds the whole fleet.
 */
export async function startSim(
  options: SimOptions & { kubeconfigOut: string },
): Promise<RunningSim> {
  const server = await startSimServer({
    port: options.port,
    crdYaml: Object.values(EMBEDDED_CRDS),
    nodes: options.nodes,
  });
  const seeded = seedFleet(server, {
    count: options.vms,
    namespace: options.namespace,
    nodes: options.nodes,
    now: Date.now(),
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
    seeded,
    async stop() {
      await operator.stop();
      api.close();
      await server.stop();
    },
  };
}

/** Run `hyperctl sim` until SIGINT/SIGTERM. */
export async function runSim(checked: SimOptions, deps: Deps): Promise<void> {
  const options = {
    ...checked,
    kubeconfigOut: checked.kubeconfigOut ?? `${deps.env("HOME") ?? "."}/.kube/hyperctl-sim.yaml`,
  };
  const started = performance.now();
  const sim = await startSim(options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (options.readyFile !== undefined) {
    await writeFileAtomic(
      options.readyFile,
      JSON.stringify({
        server: sim.server.url,
        kubeconfig: sim.kubeconfigPath,
        namespace: options.namespace,
        vms: sim.seeded,
      }) + "\n",
      { what: "ready file", mode: 0o600, keepMode: false },
    );
  }
  // The ready line: printed only now, with the fleet seeded and the kubeconfig in place.
  await deps.io.err.write(
    `hyperctl sim: API server on ${sim.server.url}, ${sim.seeded} VMs in namespace ` +
      `"${options.namespace}" (ready in ${seconds} s), ` +
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
