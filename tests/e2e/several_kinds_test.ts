/**
 * `get` of several kinds side by side with kubectl 1.33 on the same objects: `get vm,vmop`,
 * `get vm/a vmop/b`, `get vm,vmsnapshot a b`, two and three kinds, with -A, a missing name, a kind
 * without objects, in every output format `get` has. Stdout bytes and the exit code must match;
 * a missing name gets one stderr line on both sides (hyperctl words it its own way).
 *
 * The AGE cells may tick between two runs, so a table is compared with each AGE cell and the
 * padding after it as one token; everything else, the other columns' widths too, byte for byte.
 * @module
 */

import assert from "node:assert/strict";
import { kindByNoun } from "../../src/core/kinds.ts";
import { buildVirtualMachine, checkVmCreate } from "../../src/core/manifests/mod.ts";
import { orThrow } from "../../src/core/validation.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const VM = kindByNoun("vm");

/** VMs k-a and k-b running, a restart of k-a done and snapshots k-s1, k-s2 ready. */
async function seed(t: Target): Promise<{ op: string }> {
  const kc = { kubeconfig: t.kubeconfig };
  for (const name of ["k-a", "k-b"]) {
    const options = orThrow(checkVmCreate(name, {
      cpus: "1",
      memory: "1Gi",
      image: "https://images.example/web.qcow2",
    }));
    await t.api.create(refFor(VM, t.namespace), buildVirtualMachine(options, t.namespace));
  }
  const up = await hyperctl(["wait", "vm", "k-a", "k-b", "--for", "phase=Running"], kc);
  assert.equal(up.code, 0, up.stderr);
  const restart = await hyperctl(["vm", "restart", "k-a", "-o", "name"], kc);
  assert.equal(restart.code, 0, restart.stderr);
  const op = restart.stdout.trim().split("/")[1];
  for (const [vm, snap] of [["k-a", "k-s1"], ["k-b", "k-s2"]]) {
    const made = await hyperctl(["snapshot", "create", vm, "--name", snap], kc);
    assert.equal(made.code, 0, made.stderr);
  }
  for (
    const args of [
      ["vmop", op, "--for", "phase=Succeeded"],
      ["vmsnapshot", "k-s1", "k-s2", "--for", "phase=Ready"],
      ["vm", "k-a", "k-b", "--for", "phase=Running"],
    ]
  ) {
    const settled = await hyperctl(["wait", ...args], kc);
    assert.equal(settled.code, 0, settled.stderr);
  }
  // A label of this test's own: with -A the shared real server shows other tests' objects too.
  const mine = { metadata: { labels: { [RUN_LABEL]: t.namespace } } };
  for (
    const [noun, name] of [["vm", "k-a"], ["vm", "k-b"], ["op", op], ["snapshot", "k-s1"], [
      "snapshot",
      "k-s2",
    ]] as const
  ) {
    await t.api.patch(refFor(kindByNoun(noun), t.namespace), name, mine, { type: "merge" });
  }
  return { op };
}

const RUN_LABEL = "hyperctl-e2e-run";

/** A table with every AGE cell (and the header's) and the padding after it as one token. */
function withoutAges(table: string): string {
  return table.replace(/\bAGE( +|$)/gm, "<AGE> ").replace(/\b(\d+m)?\d+s( +|$)/gm, "<age> ");
}

const lines = (s: string) => s.split("\n").filter(Boolean);

e2eTest("get of several kinds prints what kubectl prints, in every format", async (t) => {
  const { op } = await seed(t);
  const kc = { kubeconfig: t.kubeconfig };
  const mineOnly = `${RUN_LABEL}=${t.namespace}`;
  const compare = async (args: string[], table: boolean) => {
    const [want, got] = [await kubectl(args, t.kubeconfig), await hyperctl(args, kc)];
    const what = args.join(" ");
    assert.equal(got.code, want.code, `${what}: ${got.stderr}`);
    if (table) assert.equal(withoutAges(got.stdout), withoutAges(want.stdout), what);
    else assert.equal(got.stdout, want.stdout, what);
    assert.equal(lines(got.stderr).length, lines(want.stderr).length, `${what}: ${got.stderr}`);
    return { want, got };
  };
  const data = [
    ["-o", "json"],
    ["-o", "yaml"],
    ["-o", "name"],
    ["-o", "jsonpath={range .items[*]}{.kind}/{.metadata.name}{'\\n'}{end}"],
    ["-o", "custom-columns=KIND:.kind,NAME:.metadata.name,PHASE:.status.phase"],
    ["-o", "custom-columns=KIND:.kind,NAME:.metadata.name", "--no-headers"],
  ];
  const tables = [[], ["-o", "wide"], ["--no-headers"], ["-L", RUN_LABEL, "--show-labels"], [
    "--show-kind",
  ]];
  const requests = [
    // two and three kinds, unnamed, here and across namespaces
    { words: ["vm,vmsnapshot"], table: true },
    { words: ["vm,vmsnapshot,bj"], table: true },
    { words: ["vm,vmop,vmsnapshot"], table: true },
    { words: ["vm,vmsnapshot", "-A", "-l", mineOnly], table: true },
    { words: ["vmop,vm,vmsnapshot", "-A", "-l", mineOnly], table: true },
    // named: TYPE/NAME in any order, a kind again later, and TYPE,TYPE NAME…
    { words: ["vm/k-b", "vmsnapshot/k-s1", "vm/k-a"], table: true },
    { words: ["vm/k-a", `vmop/${op}`, "vmsnapshot/k-s2"], table: true },
    { words: ["vm,vmsnapshot", "k-a", "k-s1"], table: true },
    // a missing name: an error line, the others printed, exit 1
    { words: ["vm/k-a", "vmsnapshot/nope", "vm/k-b"], table: true },
    { words: ["vm/nope", `vmop/${op}`, "vmsnapshot/k-s1"], table: true },
    { words: ["vm/nope", "vmop/nope-too"], table: true },
  ];
  for (const { words, table } of requests) {
    for (const format of table ? [...tables, ...data] : data) {
      await compare(["get", ...words, ...format], tables.includes(format));
    }
  }
  // --sort-by orders the one List of every kind together
  for (const format of [["-o", "name"], ["-o", "json"]]) {
    await compare(["get", "vmsnapshot,vm", "--sort-by", ".metadata.name", ...format], false);
  }
  // Kinds with no objects: "No resources found" once; the data formats print their empty List.
  for (const args of [["get", "bj,rj"], ["get", "vm,vmsnapshot", "-l", "nothing=here"]]) {
    const { want, got } = await compare(args, true);
    assert.equal(got.stdout, "");
    assert.equal(got.stderr, want.stderr);
    assert.equal(got.stderr, `No resources found in ${t.namespace} namespace.\n`);
  }
  const everywhere = await compare(["get", "bj,rj", "-A", "-l", "nothing=here"], true);
  assert.equal(everywhere.got.stderr, "No resources found\n");
  for (const format of data) await compare(["get", "bj,rj", ...format], false);
});

e2eTest("get of several kinds refuses a watch, as kubectl does", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  for (const args of [["get", "vm,vmop", "-w"], ["get", "vm/a", "vmop/b", "--watch-only"]]) {
    const want = await kubectl(args, t.kubeconfig);
    assert.notEqual(want.code, 0);
    const got = await hyperctl(args, kc);
    assert.equal(got.code, 2);
    assert.equal(got.stdout, "");
    assert.equal(got.stderr, want.stderr);
  }
});
