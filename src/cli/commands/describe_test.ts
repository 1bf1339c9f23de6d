/**
 * `describe` through run() with fake io (TTY switch, buffers) against the embedded API server:
 * the same text on a terminal and piped, cluster text escaped, bad input never connects.
 */
import assert from "node:assert/strict";
import { API_VERSION } from "../../core/kinds.ts";
import { assertRefusedUnsent, type SimDeps, withSimDeps } from "../../testing/sim_deps.ts";
import { run } from "../main.ts";

const VMS = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "ns1",
};

function withSim(fn: (deps: SimDeps["deps"], connects: () => number) => Promise<void>) {
  return withSimDeps(async (api) => {
    for (const name of ["a", "b"]) {
      await api.create(VMS, {
        apiVersion: API_VERSION,
        kind: "VirtualMachine",
        // a crafted annotation: the terminal must never receive the raw escape
        metadata: { name, annotations: { note: "x\x1b]0;owned\x07" } },
        spec: { cpus: 2, memory: "4Gi" },
      });
    }
  }, (sim) => fn(sim.deps, sim.connects));
}

Deno.test("describe prints the same escaped text on a terminal and piped", async () => {
  await withSim(async (deps) => {
    // One instant for both runs, so the AGE they print cannot straddle a second.
    const now = Date.now();
    const tty = deps({ tty: true, now });
    assert.equal(await run(["vm", "describe", "a"], tty), 0, tty.stderr());
    const piped = deps({ tty: false, now });
    assert.equal(await run(["vm", "describe", "a"], piped), 0, piped.stderr());
    assert.equal(tty.stdout(), piped.stdout());
    assert.ok(!tty.stdout().includes("\x1b"), tty.stdout());
    assert.match(tty.stdout(), /^Annotations:\s+note: x\^\[\]0;owned\^G$/m);
    // the sim serves Events: none recorded yet (no operator runs here)
    assert.match(tty.stdout(), /^Events:\s+<none>$/m);
    assert.equal(tty.stderr(), "");
  });
});

Deno.test("describe: bad input exits 2 with one line and never connects", async () => {
  await withSimDeps(() => Promise.resolve(), (sim) =>
    assertRefusedUnsent(sim, [
      ["vm", "describe", "Not_A_Name"],
      ["vm", "describe", "a", "-l", "x=y"],
      ["vm", "describe", "a", "-o", "name"],
      ["vm", "describe", "a", "-A"],
      ["op", "describe", "-l", "a in b"],
    ]));
});

Deno.test("describe ends quietly when stdout closes after the first object", async () => {
  await withSim(async (deps) => {
    const d = deps({ closeStdoutAfter: 1 });
    assert.equal(await run(["vm", "describe"], d), 0);
    assert.equal(d.stdout().match(/^Name:/gm)?.length, 1);
    assert.equal(d.stderr(), "");
  });
});
