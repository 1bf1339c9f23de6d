/**
 * The client-certificate user through the CLI, and several clusters at once: the real API server
 * and the sim merged through KUBECONFIG, with a CONTEXT column / field, and one failing context
 * reported while the others go on (exit 1).
 */
import assert from "node:assert/strict";
import { API_VERSION } from "../../src/core/kinds.ts";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { startSimServer } from "../../src/sim/server/mod.ts";
import { apiServerTest, freshNamespace } from "../support/apiserver.ts";
import { hyperctl } from "../support/cli.ts";

const CRDS = new URL("../../deploy/crds", import.meta.url).pathname;
const vm = (name: string) => ({
  apiVersion: API_VERSION,
  kind: "VirtualMachine",
  metadata: { name },
  spec: { cpus: 1, memory: "1Gi" },
});

apiServerTest("the client-certificate user lists and watches through the CLI", async (server) => {
  const ns = freshNamespace("cert");
  const api = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath, namespace: ns }));
  try {
    await api.create({
      group: "hypersdk.io",
      version: "v1alpha1",
      plural: "virtualmachines",
      namespace: ns,
    }, vm("c1"));
    const args = ["--kubeconfig", server.kubeconfigPath, "--context", "cert-admin", "-n", ns];
    const list = await hyperctl(["vm", "list", "-o", "name", ...args]);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(list.stdout, "virtualmachine.hypersdk.io/c1\n");
    const watch = await hyperctl(["vm", "list", "-w", "-o", "json", "--for", "2s", ...args]);
    assert.equal(watch.code, 0, watch.stderr);
    assert.equal(JSON.parse(watch.stdout.trim()).object.metadata.name, "c1");
  } finally {
    api.close();
  }
});

apiServerTest(
  "--context a,b merges the real server and the sim; a failing one exits 1",
  async (server) => {
    const ns = freshNamespace("multi");
    const sim = await startSimServer({ crdDir: CRDS });
    const simConfig = await Deno.makeTempFile({ suffix: ".yaml" });
    await Deno.writeTextFile(simConfig, sim.kubeconfigYaml("sim", ns));
    const ref = {
      group: "hypersdk.io",
      version: "v1alpha1",
      plural: "virtualmachines",
      namespace: ns,
    };
    const real = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
    const fake = createKubeApi(loadKubeConfig({ kubeconfig: simConfig }));
    try {
      await real.create(ref, vm("on-real"));
      await fake.create(ref, vm("on-sim"));
      const env = { KUBECONFIG: `${server.kubeconfigPath}:${simConfig}` };
      const both = await hyperctl(["vm", "list", "--context", "admin,sim", "-n", ns], { env });
      assert.equal(both.code, 0, both.stderr);
      assert.match(both.stdout, /^CONTEXT\s+NAME\s+STATUS/);
      assert.match(both.stdout, /\nadmin\s+on-real\s/);
      assert.match(both.stdout, /\nsim\s+on-sim\s/);

      const lines = await hyperctl(
        ["vm", "list", "-w", "-o", "json", "--for", "2s", "--context", "admin,sim", "-n", ns],
        { env },
      );
      const events = lines.stdout.trim().split("\n").map((l) => JSON.parse(l));
      assert.deepEqual(
        events.map((e) => `${e.context}/${e.object.metadata.name}`).sort(),
        ["admin/on-real", "sim/on-sim"],
      );

      const partly = await hyperctl(["vm", "list", "--context", "admin,nobody,sim", "-n", ns], {
        env,
      });
      assert.equal(partly.code, 1);
      assert.match(partly.stderr, /^error: context "nobody": .*forbidden/im);
      assert.match(partly.stdout, /on-real/);
      assert.match(partly.stdout, /on-sim/);
    } finally {
      real.close();
      fake.close();
      await sim.stop();
      await Deno.remove(simConfig);
    }
  },
);
