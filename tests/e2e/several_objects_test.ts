/**
 * A command that creates several objects prints them as `kubectl create -f` prints several: YAML
 * documents separated by `---`, JSON objects one after another, never a `List` — on every path
 * (created one by one, server or client dry run, after `--wait`), so `kubectl create -f -` and
 * other multi-document readers get every object, not the last one.
 */
import assert from "node:assert/strict";
import { parseAllDocuments } from "yaml";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

async function twoVms(t: Target): Promise<void> {
  for (const name of ["m1", "m2"]) {
    const r = await hyperctl(
      ["vm", "create", name, "--cpus", "1", "--memory", "1Gi", "--label", "set=two"],
      { kubeconfig: t.kubeconfig },
    );
    assert.equal(r.code, 0, r.stderr);
  }
}

/** The names kubectl reads from `text` (it reads YAML and concatenated JSON alike). */
async function namesKubectlReads(t: Target, text: string): Promise<string[]> {
  const r = await kubectl(
    ["create", "-f", "-", "--dry-run=client", "--validate=false", "-o", "name"],
    t.kubeconfig,
    text,
  );
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim().split("\n");
}

e2eTest("vm start|stop|restart of several VMs print every object, as kubectl create", async (t) => {
  await twoVms(t);
  const kc = { kubeconfig: t.kubeconfig };
  const paths = [["m1", "m2"], ["-l", "set=two", "--dry-run=server"], [
    "m1",
    "m2",
    "--dry-run=client",
  ], ["-l", "set=two", "--wait", "--progress", "none"]];
  for (const path of paths) {
    for (const output of ["yaml", "json"]) {
      const argv = ["vm", "restart", ...path, "-o", output];
      const r = await hyperctl(argv, kc);
      const what = argv.join(" ");
      assert.equal(r.code, 0, `${what}: ${r.stderr}`);
      if (output === "yaml") {
        const docs = parseAllDocuments(r.stdout).map((d) => d.toJS());
        assert.deepEqual(docs.map((d) => d.kind), ["VMOperation", "VMOperation"], what);
        assert.equal(r.stdout.match(/^---$/gm)?.length, 1, what);
      } else {
        assert.match(r.stdout, /^\{\n[^]*\n\}\n\{\n[^]*\n\}\n$/, what);
        assert.doesNotMatch(r.stdout, /"kind": "List"/, what);
      }
      const names = await namesKubectlReads(t, r.stdout);
      assert.equal(names.length, 2, `${what}: ${names}`);
      assert.ok(names.every((n) => /^vmoperation\.hypersdk\.io\/m[12]-restart-/.test(n)), what);
    }
  }
});

e2eTest(
  "several objects of a client dry run are kubectl's bytes for the same manifests",
  async (t) => {
    await twoVms(t);
    const ours = await hyperctl(["vm", "stop", "m1", "m2", "--dry-run=client", "-o", "yaml"], {
      kubeconfig: t.kubeconfig,
    });
    assert.equal(ours.code, 0, ours.stderr);
    const theirs = await kubectl(
      ["create", "-f", "-", "--dry-run=client", "--validate=false", "-o", "yaml"],
      t.kubeconfig,
      ours.stdout,
    );
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(ours.stdout, theirs.stdout);
  },
);
