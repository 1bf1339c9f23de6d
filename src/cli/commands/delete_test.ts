/**
 * `delete --wait` through run() against the embedded API server: it waits until the objects are
 * really gone (finalizers done), and its `--timeout` runs in virtual time.
 */
import assert from "node:assert/strict";
import { API_VERSION } from "../../core/kinds.ts";
import type { KubeClient } from "../../k8s/client.ts";
import { type SimDeps, withSimDeps } from "../../testing/sim_deps.ts";
import { run } from "../main.ts";

const REF = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "ns1",
};

/** A sim with VM "held" (a finalizer keeps it after delete) and VM "free" (none). */
async function withHeldAndFree(fn: (sim: SimDeps, admin: KubeClient) => Promise<void>) {
  let admin: KubeClient | undefined;
  await withSimDeps(async (api) => {
    admin = api;
    for (const [name, finalizers] of [["held", ["example.com/hold"]], ["free", []]] as const) {
      await api.create(REF, {
        apiVersion: API_VERSION,
        kind: "VirtualMachine",
        metadata: { name, finalizers: [...finalizers] },
        spec: { cpus: 1, memory: "1Gi" },
      });
    }
  }, (sim) => fn(sim, admin!));
}

Deno.test("delete --wait returns once the finalizers are done", async () => {
  await withHeldAndFree(async (sim, admin) => {
    const d = sim.deps();
    const exit = run(["vm", "delete", "held", "free", "--yes", "--wait", "--timeout", "1h"], d);
    await d.written(/"held" deleted\n.*"free" deleted\n/s);
    await d.timerSet();
    assert.ok((await admin.get(REF, "held")).metadata?.deletionTimestamp, "held is still there");
    await admin.patch(REF, "held", { metadata: { finalizers: null } }, { type: "merge" });
    assert.equal(await exit, 0, d.stderr());
    assert.equal(d.stderr(), "");
  });
});

Deno.test("delete --wait times out with what is still there, in virtual time", async () => {
  await withHeldAndFree(async (sim) => {
    const d = sim.deps();
    const exit = run(["vm", "delete", "held", "--yes", "--wait", "--timeout", "1h"], d);
    await d.written(/"held" deleted\n/);
    await d.timerSet();
    // The hour must pass after the watch's first answer: before it, the cluster never answered.
    await new Promise((r) => setTimeout(r, 500));
    d.advance(3_600_000);
    assert.equal(await exit, 3);
    assert.equal(d.stderr(), "error: still present after 1h0m0s: held\n");
  });
});
