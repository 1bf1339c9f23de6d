/**
 * Lists printed page by page, end to end: the output over many small pages equals the output of
 * one page, byte for byte, for the data formats, on the real API server and the sim.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const COUNT = 7;

/** Stopped VMs, once the operator has given each its status, so repeated lists agree. */
async function seedStopped(t: Target): Promise<void> {
  const ref = refFor(kindByNoun("vm"), t.namespace);
  for (let i = 0; i < COUNT; i++) {
    await t.api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name: `vm-${i}`, labels: { half: i % 2 === 0 ? "even" : "odd" } },
      spec: { cpus: 1 + i, memory: "1Gi", running: false },
    });
  }
  for (let i = 0; i < 600; i++) { // up to 30 s: suites share 2 cores
    const list = await t.api.list(ref);
    const stopped = list.items.filter((o) =>
      (o.status as { phase?: string } | undefined)?.phase === "Stopped"
    );
    if (stopped.length === COUNT) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("VMs did not settle");
}

e2eTest(
  "a list over several pages prints the same bytes as one page (-o json, yaml, name)",
  async (t) => {
    await seedStopped(t);
    for (const format of ["json", "yaml", "name"]) {
      const list = (chunk: string, ...more: string[]) =>
        hyperctl(["vm", "list", "-o", format, "--chunk-size", chunk, ...more], {
          kubeconfig: t.kubeconfig,
        });
      const one = await list("0");
      assert.equal(one.code, 0, one.stderr);
      for (const chunk of ["1", "2", "3"]) {
        const paged = await list(chunk);
        assert.equal(paged.code, 0, paged.stderr);
        assert.equal(paged.stdout, one.stdout, `-o ${format} --chunk-size ${chunk}`);
      }
      // A client-side filter applies per page: pages of 2 keep 1 or 2 of their items each.
      const filtered = await list("2", "--where", "cpus >= 4");
      const filteredOne = await list("0", "--where", "cpus >= 4");
      assert.equal(filtered.code, 0, filtered.stderr);
      assert.equal(filtered.stdout.split("vm-").length - 1, 4); // cpus 4 to 7
      assert.equal(filtered.stdout, filteredOne.stdout, `-o ${format} --where`);
    }
    // kubectl pages the same objects into the same names, byte for byte.
    const names = await hyperctl(["vm", "list", "-o", "name", "--chunk-size", "2"], {
      kubeconfig: t.kubeconfig,
    });
    const kubectlNames = await kubectl(
      ["get", "virtualmachines.hypersdk.io", "-o", "name", "--chunk-size", "2"],
      t.kubeconfig,
    );
    assert.equal(kubectlNames.code, 0, kubectlNames.stderr);
    assert.equal(names.stdout, kubectlNames.stdout);
    const json = JSON.parse(
      (await hyperctl(["vm", "list", "-o", "json", "--chunk-size", "2"], {
        kubeconfig: t.kubeconfig,
      })).stdout,
    );
    assert.equal(json.items.length, COUNT);
  },
);

e2eTest(
  "a filter that keeps nothing over several pages prints an empty List or the message",
  async (t) => {
    await seedStopped(t);
    const json = await hyperctl(
      ["vm", "list", "-o", "json", "--chunk-size", "2", "-l", "half=none"],
      { kubeconfig: t.kubeconfig },
    );
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), {
      apiVersion: "v1",
      items: [],
      kind: "List",
      metadata: { resourceVersion: "" },
    });
    const table = await hyperctl(["vm", "list", "--chunk-size", "2", "--where", "cpus > 99"], {
      kubeconfig: t.kubeconfig,
    });
    assert.equal(table.code, 0, table.stderr);
    assert.equal(table.stdout, "");
    assert.equal(table.stderr, `No resources found in ${t.namespace} namespace.\n`);
  },
);
