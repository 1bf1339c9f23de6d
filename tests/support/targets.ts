/**
 * The two clusters every end-to-end test runs against: the real API server (with the simulated
 * operator driving it) and `hyperctl sim`'s embedded server. Same tests, same expectations —
 * a difference is a bug in the sim.
 * @module
 */

import { createKubeApi, type KubeClient } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { type Operator, startOperator } from "../../src/sim/operator/mod.ts";
import { startSimServer } from "../../src/sim/server/mod.ts";
import { freshNamespace, realServerAvailable, sharedApiServer } from "./apiserver.ts";

/** A cluster under test, with a namespace of its own and an operator on it. */
export interface Target {
  name: "real" | "sim";
  /** kubeconfig whose current context is the admin user in `namespace`. */
  kubeconfig: string;
  namespace: string;
  /** Admin client, for setting up and checking state directly. */
  api: KubeClient;
  /** Contexts of the other users, for permission tests (viewer: read-only). */
  viewerContext: string;
  /** Sim only: close every open watch stream, as a server timeout would. */
  dropWatches?: () => void;
}

async function withNamespace(kubeconfig: string, context: string, ns: string): Promise<string> {
  // A copy whose current context points at the test namespace, so `hyperctl` needs no -n.
  const { parse, stringify } = await import("yaml");
  const doc = parse(await Deno.readTextFile(kubeconfig));
  doc["current-context"] = context;
  for (const c of doc.contexts ?? []) c.context.namespace = ns;
  const path = await Deno.makeTempFile({ prefix: "hyperctl-e2e-", suffix: ".yaml" });
  await Deno.writeTextFile(path, stringify(doc), { mode: 0o600 });
  return path;
}

async function realTarget(ns: string): Promise<{ target: Target; stop: () => Promise<void> }> {
  const server = await sharedApiServer();
  const kubeconfig = await withNamespace(server.kubeconfigPath, "admin", ns);
  const api = createKubeApi(loadKubeConfig({ kubeconfig }));
  const operator = startOperator(api, { namespace: ns, pace: "fast" });
  return {
    target: { name: "real", kubeconfig, namespace: ns, api, viewerContext: "viewer" },
    stop: () => stopAll(operator, api, kubeconfig),
  };
}

async function simTarget(ns: string): Promise<{ target: Target; stop: () => Promise<void> }> {
  const sim = await startSimServer({
    crdDir: new URL("../../deploy/crds", import.meta.url).pathname,
  });
  const raw = await Deno.makeTempFile({ prefix: "hyperctl-sim-", suffix: ".yaml" });
  await Deno.writeTextFile(raw, sim.kubeconfigYaml("admin", ns));
  const kubeconfig = await withNamespace(raw, "admin", ns);
  await Deno.remove(raw);
  const api = createKubeApi(loadKubeConfig({ kubeconfig }));
  const operator = startOperator(api, { namespace: ns, pace: "fast" });
  return {
    target: {
      name: "sim",
      kubeconfig,
      namespace: ns,
      api,
      viewerContext: "admin-viewer",
      dropWatches: () => sim.dropWatches(),
    },
    stop: async () => {
      await stopAll(operator, api, kubeconfig);
      await sim.stop();
    },
  };
}

async function stopAll(operator: Operator, api: KubeClient, kubeconfig: string): Promise<void> {
  await operator.stop();
  api.close();
  await Deno.remove(kubeconfig).catch(() => {});
}

/**
 * Register `fn` as one Deno test per target. The real-server variant is ignored (with a message)
 * only where the server cannot be built; in CI it always runs.
 */
export function e2eTest(name: string, fn: (target: Target, t: Deno.TestContext) => Promise<void>) {
  for (const which of ["real", "sim"] as const) {
    Deno.test({
      name: `[${which}] ${name}`,
      ignore: which === "real" && !realServerAvailable(),
      sanitizeOps: false,
      sanitizeResources: false,
      async fn(t) {
        const ns = freshNamespace("e2e");
        const { target, stop } = which === "real" ? await realTarget(ns) : await simTarget(ns);
        try {
          await fn(target, t);
        } finally {
          await stop();
        }
      },
    });
  }
}
