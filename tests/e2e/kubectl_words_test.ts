/**
 * kubectl's word order and resource names, side by side with kubectl 1.33 on the same objects:
 * verb-first `get`/`delete`, every name form of the CRDs, several names in one `get`, and a
 * `delete -l` that matches nothing.
 */
import assert from "node:assert/strict";
import { kindByNoun } from "../../src/core/kinds.ts";
import { buildVirtualMachine, checkVmCreate } from "../../src/core/manifests/mod.ts";
import { orThrow } from "../../src/core/validation.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const VM = kindByNoun("vm");

async function seed(t: Target, ...names: string[]): Promise<void> {
  for (const name of names) {
    const options = orThrow(checkVmCreate(name, { cpus: "1", memory: "1Gi" }));
    await t.api.create(refFor(VM, t.namespace), buildVirtualMachine(options, t.namespace));
  }
}

e2eTest("every name kubectl accepts for the CRDs lists, after get and alone", async (t) => {
  await seed(t, "w-a", "w-b");
  const forms = [
    "vm",
    "vms",
    "virtualmachine",
    "virtualmachines",
    "VirtualMachine",
    "virtualmachines.hypersdk.io",
    "virtualmachine.v1alpha1.hypersdk.io",
    "bj",
    "backupjobs",
    "vmsnapshots",
    "vmtpl",
    "rj",
    "bs",
    "vmops",
  ];
  for (const form of forms) {
    const want = await kubectl(["get", form, "-o", "name"], t.kubeconfig);
    assert.equal(want.code, 0, `kubectl get ${form}: ${want.stderr}`);
    const viaGet = await hyperctl(["get", form, "-o", "name"], { kubeconfig: t.kubeconfig });
    assert.equal(viaGet.code, 0, `get ${form}: ${viaGet.stderr}`);
    assert.equal(viaGet.stdout, want.stdout, `get ${form}`);
    if (form === "vm") continue; // hyperctl's own noun alone shows its verbs
    const alone = await hyperctl([form, "-o", "name"], { kubeconfig: t.kubeconfig });
    assert.equal(alone.code, 0, `${form}: ${alone.stderr}`);
    assert.equal(alone.stdout, want.stdout, form);
  }
});

e2eTest("get takes several names and TYPE/NAME forms as kubectl does", async (t) => {
  await seed(t, "n-a", "n-b");
  const kc = { kubeconfig: t.kubeconfig };
  const lines = (s: string) => s.split("\n").filter(Boolean);
  for (
    const args of [
      ["get", "vm", "n-a", "n-b", "-o", "name"],
      ["get", "vm/n-b", "virtualmachine.hypersdk.io/n-a", "-o", "name"],
      ["get", "vm", "n-a", "nope", "n-b", "-o", "name"],
      ["get", "vm", "nope-1", "nope-2", "-o", "name"],
    ]
  ) {
    const want = await kubectl(args, t.kubeconfig);
    const got = await hyperctl(args, kc);
    assert.equal(got.stdout, want.stdout, args.join(" "));
    assert.equal(got.code, want.code, `${args.join(" ")}: ${got.stderr}`);
    // One line per missing name on both sides.
    assert.equal(lines(got.stderr).length, lines(want.stderr).length, got.stderr);
  }
  // json/yaml: kubectl's List for several names (even with one found, or none), byte for byte.
  for (const format of ["json", "yaml"]) {
    for (
      const names of [["n-a", "nope", "n-b"], ["n-b", "n-a"], ["nope", "n-a"], ["nope", "nope-2"]]
    ) {
      const args = ["get", "vm", ...names, "-o", format];
      const want = await kubectl(args, t.kubeconfig);
      const got = await hyperctl(args, kc);
      assert.equal(got.code, want.code, args.join(" "));
      assert.equal(got.stdout, want.stdout, args.join(" "));
    }
    const list = ["get", "vms", "-o", format];
    const [want, got] = [await kubectl(list, t.kubeconfig), await hyperctl(list, kc)];
    assert.equal(got.stdout, want.stdout, list.join(" "));
  }
  // The table for several names, in the order given: kubectl's bytes just before or just after
  // ours. AGE may tick between the runs, more than once on a loaded machine, so it is compared
  // as a number between kubectl's two readings and the rest byte for byte.
  const settled = await hyperctl(["wait", "vm", "n-a", "n-b", "--for", "phase=Running"], kc);
  assert.equal(settled.code, 0, settled.stderr);
  for (
    const args of [["get", "vm", "n-b", "nope", "n-a"], ["get", "vm/n-a", "vm/n-b", "--no-headers"]]
  ) {
    const before = await kubectl(args, t.kubeconfig);
    const ours = await hyperctl(args, kc);
    const after = await kubectl(args, t.kubeconfig);
    assert.equal(withoutAges(ours.stdout), withoutAges(before.stdout), args.join(" "));
    const [low, mine, high] = [before, ours, after].map((r) => ages(r.stdout));
    mine.forEach((age, i) => assert.ok(low[i] <= age && age <= high[i], `AGE ${age}s`));
    assert.equal(ours.code, before.code);
  }
  const one = await hyperctl(["get", "vm", "n-a", "-o", "json"], kc);
  assert.equal(JSON.parse(one.stdout).kind, "VirtualMachine", "one name: the bare object");
  const tooMany = await hyperctl(["vm", "get", "n-a", "n-b", "-w"], kc);
  assert.equal(tooMany.code, 2);
  assert.equal(tooMany.stdout, "");
});

e2eTest("verb-first delete, and delete -l matching nothing says so and exits 0", async (t) => {
  await seed(t, "d-a");
  const kc = { kubeconfig: t.kubeconfig };
  const none = await hyperctl(["delete", "vms", "-l", "nothing=here", "--yes"], kc);
  assert.equal(none.code, 0, none.stderr);
  assert.equal(none.stderr, "No resources found\n");
  assert.equal(none.stdout, "");
  const kubectlNone = await kubectl(["delete", "vms", "-l", "nothing=here"], t.kubeconfig);
  assert.equal(kubectlNone.code, 0);
  assert.equal(kubectlNone.stdout + kubectlNone.stderr, "No resources found\n");

  // Each form of the line in kubectl's bytes, dry runs checked against kubectl itself.
  for (const line of [["delete", "vm/d-a"], ["delete", "vm", "d-a"], ["vm", "delete", "d-a"]]) {
    for (const dryRun of ["--dry-run=client", "--dry-run=server"]) {
      const ours = await hyperctl([...line, dryRun, "--yes"], kc);
      assert.equal(ours.code, 0, ours.stderr);
      const theirs = await kubectl(["delete", "vm/d-a", dryRun], t.kubeconfig);
      assert.equal(theirs.code, 0, theirs.stderr);
      assert.equal(ours.stdout, theirs.stdout, `${line.join(" ")} ${dryRun}`);
    }
  }
  const del = await hyperctl(["delete", "vm/d-a", "--yes"], kc);
  assert.equal(del.code, 0, del.stderr);
  assert.equal(del.stdout, 'virtualmachine.hypersdk.io "d-a" deleted\n');
  const bad = await hyperctl(["get", "pods"], kc);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^error: unknown resource type "pods"/);
});

/** A table's rows with the AGE cell (the last, `<n>s` for objects this young) blanked. */
function withoutAges(table: string): string {
  return table.replace(/\d+s$/gm, "<age>");
}

/** The AGE cells of a table, in seconds. */
function ages(table: string): number[] {
  return [...table.matchAll(/(\d+)s$/gm)].map((m) => Number(m[1]));
}
