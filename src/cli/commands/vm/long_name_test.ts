/**
 * VM operations on VMs with long (valid) names, through run() against the embedded API server,
 * which names objects from generateName as a real server does.
 */
import assert from "node:assert/strict";
import { parse } from "yaml";
import { API_VERSION } from "../../../core/kinds.ts";
import type { KubeObject } from "../../../core/types.ts";
import { withSimDeps } from "../../../testing/sim_deps.ts";
import { run } from "../../main.ts";

const VMS = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "ns1",
};

/** 100 characters: the server keeps 58 of the prefix; 250: `<vm>-stop-` is over 253. */
const LONG = "b".repeat(100);
const LONGEST = "a".repeat(250);

Deno.test("vm stop of a VM with a long name: the prefix sent is the 58 the server keeps", async () => {
  await withSimDeps(async (api) => {
    for (const name of [LONG, LONGEST]) {
      await api.create(VMS, {
        apiVersion: API_VERSION,
        kind: "VirtualMachine",
        metadata: { name },
        spec: { cpus: 1, memory: "1Gi" },
      });
    }
  }, async (sim) => {
    for (const vm of [LONG, LONGEST]) {
      const dry = sim.deps();
      assert.equal(await run(["vm", "stop", vm, "--dry-run=client", "-o", "yaml"], dry), 0);
      const manifest = parse(dry.stdout()) as KubeObject;
      // A client dry run names the object itself, as the server would.
      assert.match(manifest.metadata?.name ?? "", new RegExp(`^${vm.slice(0, 58)}[a-z0-9]{5}$`));

      const d = sim.deps();
      assert.equal(await run(["vm", "stop", vm, "-o", "name"], d), 0, d.stderr());
      assert.match(
        d.stdout(),
        new RegExp(`^vmoperation\\.hypersdk\\.io/${vm.slice(0, 58)}\\w{5}\\n$`),
      );
    }
    const d = sim.deps();
    assert.equal(await run(["op", "list", "-o", "name"], d), 0, d.stderr());
    assert.equal(d.stdout().trim().split("\n").length, 2);
  });
});
