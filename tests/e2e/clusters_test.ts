/**
 * The client-certificate user through the CLI, and several clusters at once: the real API server
 * and the sim merged through KUBECONFIG, with a CONTEXT column / field / annotation / `--context=`
 * prefix, and one failing context reported while the others go on (exit 1).
 */
import assert from "node:assert/strict";
import { API_VERSION } from "../../src/core/kinds.ts";
import type { KubeObject } from "../../src/core/types.ts";
import { CONTEXT_ANNOTATION } from "../../src/render/context_marker.ts";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { startSimServer } from "../../src/sim/server/mod.ts";
import { apiServerTest, freshNamespace } from "../support/apiserver.ts";
import { hyperctl, kubectl } from "../support/cli.ts";

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

      // json/yaml: an annotation on the printed copy says where each object came from, and the
      // manifest stays one that kubectl apply accepts (strict field validation on the server).
      const json = await hyperctl(
        ["vm", "list", "-o", "json", "--context", "admin,sim", "-n", ns],
        {
          env,
        },
      );
      const items = JSON.parse(json.stdout).items as KubeObject[];
      const marked = (o: KubeObject) =>
        `${o.metadata?.annotations?.[CONTEXT_ANNOTATION]}/${o.metadata?.name}`;
      assert.deepEqual(items.map(marked).sort(), ["admin/on-real", "sim/on-sim"]);
      const onReal = items.find((o) => o.metadata?.name === "on-real")!;
      const applied = await kubectl(
        ["apply", "--dry-run=server", "--validate=strict", "-f", "-"],
        server.kubeconfigPath,
        JSON.stringify(onReal),
      );
      assert.equal(applied.code, 0, applied.stderr);
      const yaml = await hyperctl(
        ["vm", "list", "-o", "yaml", "--context", "admin,sim", "-n", ns],
        {
          env,
        },
      );
      const { parse } = await import("yaml");
      assert.deepEqual(parse(yaml.stdout).items.map(marked).sort(), [
        "admin/on-real",
        "sim/on-sim",
      ]);
      const watched = await hyperctl(
        ["vm", "list", "-w", "-o", "yaml", "--for", "2s", "--context", "admin,sim", "-n", ns],
        { env },
      );
      assert.match(watched.stdout, /hyperctl\.hypersdk\.io\/context: sim\n/);
      // -o name: each line is an argument list both kubectl and hyperctl take.
      const names = await hyperctl(
        ["vm", "list", "-o", "name", "--context", "admin,sim", "-n", ns],
        {
          env,
        },
      );
      assert.deepEqual(names.stdout.trim().split("\n").sort(), [
        "--context=admin virtualmachine.hypersdk.io/on-real",
        "--context=sim virtualmachine.hypersdk.io/on-sim",
      ]);
      for (const line of names.stdout.trim().split("\n")) {
        const args = ["get", ...line.split(" "), "-n", ns, "-o", "name"];
        const again = await hyperctl(args, { env });
        assert.equal(again.code, 0, again.stderr);
        assert.equal(again.stdout, `${line.split(" ")[1]}\n`);
      }
      const byKubectl = await kubectl(
        ["get", ...names.stdout.split("\n").find((l) => l.includes("admin"))!.split(" "), "-n", ns],
        server.kubeconfigPath,
      );
      assert.equal(byKubectl.code, 0, byKubectl.stderr);

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
