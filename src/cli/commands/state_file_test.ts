/**
 * `list -w --state-file` through run() against the embedded API server: which saved queries a run
 * may resume, and what a file held by another run means for the exit code.
 */
import assert from "node:assert/strict";
import { API_VERSION } from "../../core/kinds.ts";
import type { KubeClient } from "../../k8s/client.ts";
import { withSimDeps } from "../../testing/sim_deps.ts";
import { run } from "../main.ts";

const VM_REF = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "ns1",
};

async function seed(api: KubeClient): Promise<void> {
  for (const [name, phase] of [["up", "Running"], ["down", "Stopped"]]) {
    await api.create(VM_REF, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name },
      spec: { cpus: 2, memory: "4Gi" },
    });
    await api.patch(VM_REF, name, { status: { phase } }, { type: "merge", subresource: "status" });
  }
}

async function withState(fn: (state: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-state-" });
  try {
    await fn(`${dir}/vms.state`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const slice = (state: string, ...more: string[]) => [
  "vm",
  "list",
  "-w",
  "--for",
  "0",
  "-o",
  "name",
  "--state-file",
  state,
  ...more,
];

Deno.test("a state file in use by another run exits 2 with one line, and is left alone", async () => {
  await withSimDeps(seed, (sim) =>
    withState(async (state) => {
      // This test's own process is alive: the lock is held.
      await Deno.writeTextFile(`${state}.lock`, `${Deno.pid}\n`);
      const d = sim.deps();
      assert.equal(await run(slice(state), d), 2, d.stderr());
      assert.equal(d.stdout(), "");
      assert.equal(
        d.stderr(),
        `error: state file "${state}" is in use by another hyperctl run (pid ${Deno.pid}); ` +
          `if that is wrong, remove ${state}.lock\n`,
      );
      assert.equal(await Deno.readTextFile(`${state}.lock`), `${Deno.pid}\n`);
    }));
});
