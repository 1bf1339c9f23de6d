/**
 * A plain table list prints the server's rows (`as=Table`), as `kubectl get` does: on the real API
 * server and the sim, its bytes equal what hyperctl prints from whole objects for the same VMs,
 * and kubectl's. `-v` shows what each list asked for: rows with nothing beside their cells, rows
 * with metadata when NAMESPACE, labels or a creation-time filter read it, whole objects when a
 * filter, `--sort-by` or a watch reads spec or status.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun, KINDS } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";
import { seedWorld } from "../support/world.ts";

/** Wait until `count` VMs each have a phase the operator leaves alone. */
async function vmsSettled(t: Target, count: number): Promise<void> {
  const ref = refFor(kindByNoun("vm"), t.namespace);
  for (let i = 0; i < 600; i++) { // up to 30 s: suites share 2 cores
    const { items } = await t.api.list(ref);
    const phases = items.map((o) => (o.status as { phase?: string } | undefined)?.phase);
    if (phases.length === count && phases.every((p) => p === "Running" || p === "Stopped")) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("VMs did not settle");
}

/** Four VMs of different shapes (one stopped), once the operator has given each a phase. */
async function seed(t: Target): Promise<void> {
  const ref = refFor(kindByNoun("vm"), t.namespace);
  const specs = [
    { cpus: 2, memory: "4Gi" },
    { cpus: 4, memory: "8Gi", image: { source: "https://images.example/debian.qcow2" } },
    { cpus: 16, memory: "64Gi" },
    { cpus: 1, memory: "512Mi", running: false },
  ];
  for (const [i, spec] of specs.entries()) {
    await t.api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name: `row-${i}`, labels: { tier: i % 2 ? "db" : "web" } },
      spec,
    });
  }
  await vmsSettled(t, 4);
}

/** AGE may tick between two runs; everything else must be the same bytes. */
const ageless = (text: string) => text.replace(/\b\d+(?:[smhdy]\d*)+\b/g, "AGE");

/** What the list requests asked for, from `-v`: `objects`, `None` or `Metadata` rows. */
function asked(stderr: string, plural = "virtualmachines"): string[] {
  return stderr.split("\n").filter((l) => new RegExp(`^GET \\S*/${plural}\\?`).test(l)).map((l) =>
    l.endsWith("(as=Table)") ? /includeObject=(\w+)/.exec(l)?.[1] ?? "Table" : "objects"
  );
}

e2eTest(
  "a table list prints the server's rows: the same bytes as from objects and as kubectl's",
  async (t) => {
    await seed(t);
    const cases: [string[], string][] = [
      [[], "None"],
      [["-o", "wide"], "None"],
      [["--show-kind", "--no-headers"], "None"],
      [["-L", "tier", "--show-labels"], "Metadata"],
      [["--created-after", "2000-01-01"], "Metadata"],
    ];
    for (const [args, rows] of cases) {
      const kc = { kubeconfig: t.kubeconfig };
      const fromRows = await hyperctl(["vm", "list", ...args, "-v"], kc);
      assert.equal(fromRows.code, 0, fromRows.stderr);
      assert.deepEqual(asked(fromRows.stderr), [rows], `${args}: ${fromRows.stderr}`);
      // --min-cpus 1 keeps every VM here but reads spec: the same table from whole objects.
      const fromObjects = await hyperctl(["vm", "list", ...args, "--min-cpus", "1", "-v"], kc);
      assert.deepEqual(asked(fromObjects.stderr), ["objects"], fromObjects.stderr);
      assert.equal(ageless(fromRows.stdout), ageless(fromObjects.stdout), args.join(" "));
      assert.equal(
        fromRows.stdout.trim().split("\n").length,
        args.includes("--no-headers") ? 4 : 5,
      );
    }
    for (const args of [[], ["-o", "wide"], ["-L", "tier", "--show-labels"]]) {
      const before = await kubectl(["get", "virtualmachines.hypersdk.io", ...args], t.kubeconfig);
      const ours = await hyperctl(["vm", "list", ...args], { kubeconfig: t.kubeconfig });
      const after = await kubectl(["get", "virtualmachines.hypersdk.io", ...args], t.kubeconfig);
      assert.equal(before.code, 0, before.stderr);
      assert.ok(
        [before.stdout, after.stdout].map(ageless).includes(ageless(ours.stdout)),
        `hyperctl:\n${ours.stdout}kubectl:\n${before.stdout}`,
      );
    }
  },
);

e2eTest(
  "-A rows carry metadata for NAMESPACE, across pages; whole-object lists stay whole",
  async (t) => {
    await seed(t);
    const kc = { kubeconfig: t.kubeconfig };
    const all = await hyperctl(["vm", "list", "-A", "--chunk-size", "2", "-v"], kc);
    assert.equal(all.code, 0, all.stderr);
    const requests = asked(all.stderr);
    assert.ok(requests.length >= 2, all.stderr);
    assert.ok(requests.every((r) => r === "Metadata"), all.stderr);
    const ours = all.stdout.split("\n").filter((l) => l.startsWith(`${t.namespace} `));
    assert.deepEqual(ours.map((l) => l.split(/\s+/)[1]), ["row-0", "row-1", "row-2", "row-3"]);

    for (
      const args of [
        ["--status", "Running"],
        ["--sort-by", ".spec.cpus"],
        ["--where", "cpus > 1"],
        ["-o", "json"],
      ]
    ) {
      const r = await hyperctl(["vm", "list", ...args, "-v"], kc);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(asked(r.stderr), ["objects"], `${args}: ${r.stderr}`);
    }
    // get of several kinds: rows per kind for a table, whole objects for data or a sort.
    const kinds = await hyperctl(["get", "vm,vmop", "-v"], kc);
    assert.equal(kinds.code, 0, kinds.stderr);
    assert.deepEqual(
      [asked(kinds.stderr), asked(kinds.stderr, "vmoperations")],
      [["None"], ["None"]],
      kinds.stderr,
    );
    const sorted = await hyperctl(["get", "vm,vmop", "--sort-by", ".metadata.name", "-v"], kc);
    assert.deepEqual(asked(sorted.stderr), ["objects"], sorted.stderr);

    const none = await hyperctl(["vm", "list", "--created-before", "2000-01-01"], kc);
    assert.equal(none.code, 0, none.stderr);
    assert.equal(none.stdout, "");
    assert.match(none.stderr, /^No resources found in \S+ namespace\.\n$/);
  },
);

e2eTest("every kind's table from rows is the table from objects, and kubectl's", async (t) => {
  await seedWorld(t);
  await vmsSettled(t, 3);
  const kc = { kubeconfig: t.kubeconfig };
  for (const kind of KINDS) {
    for (const wide of [[], ["-o", "wide"]]) {
      const fromRows = await hyperctl([kind.noun, "list", ...wide, "-v"], kc);
      assert.equal(fromRows.code, 0, fromRows.stderr);
      assert.deepEqual(asked(fromRows.stderr, kind.plural), ["None"], fromRows.stderr);
      assert.ok(fromRows.stdout.split("\n").length > 2, `${kind.noun}: ${fromRows.stdout}`);
      // One short page: sorted by name (whole objects) is the server's order and layout.
      const fromObjects = await hyperctl(
        [kind.noun, "list", ...wide, "--sort-by", ".metadata.name"],
        kc,
      );
      assert.equal(ageless(fromRows.stdout), ageless(fromObjects.stdout), kind.noun);
      const theirs = await kubectl(["get", `${kind.plural}.hypersdk.io`, ...wide], t.kubeconfig);
      assert.equal(ageless(fromRows.stdout), ageless(theirs.stdout), `${kind.noun} ${wide}`);
    }
  }
});
