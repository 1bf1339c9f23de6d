/**
 * The embedded cluster as `hyperctl sim` runs it (server with Nodes, operator serving each
 * Running VM's console), in-process, with a kubeconfig for the CLI under test.
 * @module
 */

import { createKubeApi, type KubeClient } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { startOperator } from "../../src/sim/operator/mod.ts";
import { startSimServer } from "../../src/sim/server/mod.ts";

/** A running embedded cluster. */
export interface SimCluster {
  kubeconfig: string;
  namespace: string;
  api: KubeClient;
  stop(): Promise<void>;
}

/** Start server and operator with consoles on, in namespace `namespace`. */
export async function startSimCluster(namespace: string): Promise<SimCluster> {
  const server = await startSimServer({
    crdDir: new URL("../../deploy/crds", import.meta.url).pathname,
    nodes: ["node-1", "node-2", "node-3"],
  });
  const kubeconfig = await Deno.makeTempFile({ prefix: "hyperctl-sim-", suffix: ".yaml" });
  await Deno.writeTextFile(kubeconfig, server.kubeconfigYaml("admin", namespace), { mode: 0o600 });
  const api = createKubeApi(loadKubeConfig({ kubeconfig }));
  const operator = startOperator(api, { namespace, pace: "fast", consoles: 16 });
  return {
    kubeconfig,
    namespace,
    api,
    async stop() {
      await operator.stop();
      api.close();
      await server.stop();
      await Deno.remove(kubeconfig).catch(() => {});
    },
  };
}
