/**
 * `list` through run() with fake io (TTY switch, buffers) against the embedded API server, so
 * stdout, stderr and the exit code are checked on a terminal and piped.
 */
import assert from "node:assert/strict";
import { API_VERSION } from "../../core/kinds.ts";
import type { KubeObject } from "../../core/types.ts";
import type { KubeClient } from "../../k8s/client.ts";
import type { fakeDeps, FakeDepsOptions } from "../../testing/fake_deps.ts";
import { assertRefusedUnsent, withSimDeps } from "../../testing/sim_deps.ts";
import { run } from "../main.ts";

const ESC = "\x1b";

const VM_REF = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "ns1",
};

async function withSim(
  fn: (
    deps: (o?: FakeDepsOptions) => ReturnType<typeof fakeDeps>,
    connects: () => number,
    admin: KubeClient,
  ) => Promise<void>,
) {
  let admin: KubeClient | undefined;
  await withSimDeps(async (api) => {
    admin = api;
    const ref = VM_REF;
    await api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name: "a" },
      spec: { cpus: 2, memory: "4Gi" },
    });
    await api.patch(ref, "a", { status: { phase: "Running" } }, {
      type: "merge",
      subresource: "status",
    });
  }, (sim) => fn(sim.deps, sim.connects, admin!));
}

Deno.test("list colours STATUS on a terminal only, and honours NO_COLOR", async () => {
  await withSim(async (deps) => {
    const tty = deps({ tty: true });
    assert.equal(await run(["vm", "list"], tty), 0);
    assert.ok(tty.stdout().includes(`${ESC}[32mRunning${ESC}[39m`), tty.stdout());

    const piped = deps({ tty: false });
    assert.equal(await run(["vm", "list"], piped), 0);
    assert.ok(!piped.stdout().includes(ESC));
    assert.match(piped.stdout(), /^NAME\s+STATUS\s+CPUS/);

    const noColor = deps({ tty: true, env: { NO_COLOR: "1" } });
    assert.equal(await run(["vm", "list"], noColor), 0);
    assert.ok(!noColor.stdout().includes(ESC));

    const forced = deps({ tty: false });
    assert.equal(await run(["vm", "list", "--color=always", "-o", "json"], forced), 0);
    assert.ok(!forced.stdout().includes(ESC), "data formats are never coloured");
  });
});

Deno.test("bad input exits 2 with one line and never connects", async () => {
  await withSimDeps(() => Promise.resolve(), async (sim) => {
    await assertRefusedUnsent(sim, [
      ["vm", "list", "--min-memory", "8GB"],
      ["vm", "list", "--for", "5m"],
      ["vm", "get", "Not_A_Name"],
      ["vm", "create", "x", "--cpus", "200", "--memory", "1Gi"],
      ["op", "list", "--min-cpus", "2"],
    ]);
    for (const value of ["1s", "soon"]) {
      const d = sim.deps({ env: { HYPERCTL_WATCH_IDLE_TIMEOUT: value } });
      assert.equal(await run(["vm", "list", "-w"], d), 2, value);
      assert.match(
        d.stderr(),
        /^error: HYPERCTL_WATCH_IDLE_TIMEOUT( must be at least 3s|: .*"soon")/,
      );
    }
    assert.equal(sim.connects(), 0);
  });
});

Deno.test("a line with several problems names them all on one error line, exit 2, unsent", async () => {
  await withSimDeps(() => Promise.resolve(), async (sim) => {
    const d = sim.deps();
    assert.equal(await run(["vm", "list", "--min-memory", "8GB", "--for", "5m", "--live"], d), 2);
    assert.equal(d.stdout(), "");
    assert.match(
      d.stderr(),
      /^error: [^\n]*8GB[^\n]*; --for needs --watch or --watch-only; --live needs --watch\n$/,
    );
    const get = sim.deps();
    assert.equal(await run(["vm", "get", "A_1", "B_2", "-w"], get), 2);
    assert.match(get.stderr(), /^error: [^\n]*"A_1"[^\n]*; [^\n]*"B_2"[^\n]*; --watch follows one/);
    assert.equal(sim.connects(), 0);
  });
});

Deno.test("an empty result says so on stderr only, and a closed stdout ends quietly", async () => {
  await withSim(async (deps) => {
    const empty = deps();
    assert.equal(await run(["snapshot", "list"], empty), 0);
    assert.equal(empty.stdout(), "");
    assert.equal(empty.stderr(), "No resources found in ns1 namespace.\n");
    // kubectl 1.33 says nothing for -o name either.
    const names = deps();
    assert.equal(await run(["snapshot", "list", "-o", "name"], names), 0);
    assert.equal(names.stdout() + names.stderr(), "");

    const closed = deps({ closeStdoutAfter: 0 });
    assert.equal(await run(["vm", "list", "-o", "yaml"], closed), 0);
    assert.equal(closed.stderr(), "");
  });
});

Deno.test("--sort-by a path no object has exits 1 with kubectl's line; an empty list sorts", async () => {
  await withSim(async (deps) => {
    for (const output of ["table", "json", "name"]) {
      const missing = deps();
      assert.equal(await run(["vm", "list", "-o", output, "--sort-by", ".spec.nope"], missing), 1);
      assert.equal(missing.stdout(), "");
      assert.equal(
        missing.stderr(),
        `error: couldn't find any field with path "{.spec.nope}" in the list of objects\n`,
      );
    }
    const empty = deps();
    assert.equal(await run(["snapshot", "list", "--sort-by", ".spec.nope"], empty), 0);
    assert.equal(empty.stderr(), "No resources found in ns1 namespace.\n");
  });
});

Deno.test("get NAME… --sort-by prints the named objects sorted, in every format", async () => {
  await withSimDeps(async (api) => {
    for (const [name, memory] of [["b", "10.5Gi"], ["a", "8.2Gi"], ["c", "512Mi"]]) {
      await api.create(VM_REF, {
        apiVersion: API_VERSION,
        kind: "VirtualMachine",
        metadata: { name },
        spec: { cpus: 1, memory },
      });
    }
  }, async (sim) => {
    const names = ["get", "vm", "a", "b", "c", "--sort-by", ".spec.memory"];
    const byName = sim.deps();
    assert.equal(await run([...names, "-o", "name"], byName), 0, byName.stderr());
    assert.equal(byName.stdout().replaceAll("virtualmachine.hypersdk.io/", ""), "c\na\nb\n");
    const table = sim.deps();
    assert.equal(await run([...names, "--no-headers"], table), 0, table.stderr());
    assert.deepEqual(table.stdout().split("\n").map((l) => l.split(" ")[0]), ["c", "a", "b", ""]);
    const json = sim.deps();
    assert.equal(await run([...names, "-o", "json"], json), 0, json.stderr());
    assert.deepEqual(JSON.parse(json.stdout()).items.map((o: KubeObject) => o.metadata?.name), [
      "c",
      "a",
      "b",
    ]);
    const nope = sim.deps();
    assert.equal(await run(["get", "vm", "a", "b", "--sort-by", ".spec.nope"], nope), 1);
    assert.equal(nope.stdout(), "");
    assert.match(nope.stderr(), /^error: couldn't find any field with path "\{\.spec\.nope\}"/);
  });
});

Deno.test("get NAME -l SELECTOR says kubectl's one line, exit 2, unsent", async () => {
  await withSimDeps(() => Promise.resolve(), async (sim) => {
    for (const argv of [["get", "vm", "a", "-l", "tier=web"], ["vm", "get", "a", "b", "-l", "x"]]) {
      const d = sim.deps();
      assert.equal(await run(argv, d), 2);
      assert.equal(d.stderr(), "error: name cannot be provided when a selector is specified\n");
    }
    assert.equal(sim.connects(), 0);
  });
});

Deno.test("get -w prints the object, then its changes, and stops at --for", async () => {
  await withSim(async (deps, _connects, api) => {
    const d = deps();
    const exit = run(["vm", "get", "a", "-w", "-o", "json", "--for", "1h"], d);
    await d.written(/"type":"ADDED"/);
    await api.patch(VM_REF, "a", { status: { phase: "Stopped" } }, {
      type: "merge",
      subresource: "status",
    });
    await d.written(/"type":"MODIFIED"/);
    d.advance(3_599_999);
    // One virtual millisecond before the hour it still follows.
    await api.patch(VM_REF, "a", { status: { phase: "Paused" } }, {
      type: "merge",
      subresource: "status",
    });
    await d.written(/"phase":"Paused"/);
    d.advance(1);
    assert.equal(await exit, 0, d.stderr());
    const events = d.stdout().trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(events.map((e) => [e.type, e.object.status.phase]), [
      ["ADDED", "Running"],
      ["MODIFIED", "Stopped"],
      ["MODIFIED", "Paused"],
    ]);
  });
});

Deno.test("SIGINT during a watch exits 130 after a clean stop", async () => {
  await withSim(async (deps) => {
    const d = deps();
    const exit = run(["vm", "list", "-w", "-o", "json"], d);
    await d.written(/"type":"ADDED"/);
    d.interruptWith("SIGINT");
    assert.equal(await exit, 130);
    assert.match(d.stdout(), /"type":"ADDED"/);
    assert.equal(d.stderr(), "");
  });
});
