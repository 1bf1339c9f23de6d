/**
 * readNode() against both servers: the sim serves Nodes (found, missing, forbidden for a user
 * without read rights); the real test server serves only the CRDs, so Nodes are "not served".
 */
import assert from "node:assert/strict";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { nodeAddress } from "../../src/core/vm_endpoint.ts";
import { readNode } from "../../src/k8s/nodes.ts";
import { startSimServer } from "../../src/sim/server/mod.ts";
import { apiServerTest } from "../support/apiserver.ts";

Deno.test("readNode() on the sim: a Node with 127.0.0.1, NotFound, and Forbidden", async () => {
  const sim = await startSimServer({
    crdDir: new URL("../../deploy/crds", import.meta.url).pathname,
    nodes: ["node-1", "node-2"],
  });
  const kubeconfig = await Deno.makeTempFile({ suffix: ".yaml" });
  await Deno.writeTextFile(kubeconfig, sim.kubeconfigYaml("sim"));
  const as = (context: string) => createKubeApi(loadKubeConfig({ kubeconfig, context }));
  const [admin, viewer, nobody] = [as("sim"), as("sim-viewer"), as("sim-nobody")];
  try {
    const found = await readNode(admin, "node-2");
    assert.ok("node" in found);
    assert.equal(nodeAddress(found.node), "127.0.0.1");
    assert.equal(nodeAddress(found.node, "Hostname"), "node-2");
    assert.ok("node" in await readNode(viewer, "node-1"));
    assert.deepEqual(await readNode(admin, "node-9"), { readError: "notFound" });
    const denied = await readNode(nobody, "node-1");
    assert.ok("readError" in denied && denied.readError === "forbidden");
    assert.match(denied.detail ?? "", /cannot get resource "nodes"/);
  } finally {
    for (const api of [admin, viewer, nobody]) api.close();
    await sim.stop();
    await Deno.remove(kubeconfig);
  }
});

apiServerTest("readNode() on a CRD-only API server: Nodes are not served", async (server) => {
  const api = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
  try {
    assert.deepEqual(await readNode(api, "node-1"), { readError: "notServed" });
  } finally {
    api.close();
  }
});
