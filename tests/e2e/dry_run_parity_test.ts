/**
 * `--dry-run=client -o json|yaml` of every creating command prints kubectl's bytes: kubectl
 * 1.33's `create -f - --dry-run=client` of hyperctl's own manifest must print the same. JSON is
 * the strict case: kubectl marshals a map, so keys come in byte order (`"10"` before `"9"`), not
 * in the order hyperctl builds them.
 */
import assert from "node:assert/strict";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest } from "../support/targets.ts";

/** Client dry runs send nothing, so none of these objects needs to exist. */
const COMMANDS: string[][] = [
  [
    "vm",
    "create",
    "p1",
    "--cpus",
    "2",
    "--memory",
    "4Gi",
    "--label",
    "10=ten",
    "--label",
    "9=nine",
    "--label",
    "app=web",
    "--node-selector",
    "zone=a",
    "--disk-size",
    "20Gi",
  ],
  ["snapshot", "create", "p1", "--include-memory", "--description", "before <upgrade> & more"],
  ["backup", "create", "p1", "--dest-type", "s3", "--bucket", "b", "--prefix", "x/y"],
  ["restore", "create", "--backup", "b1", "--vm", "p2", "--power-on"],
  ["vm", "clone", "p1", "--target", "p3", "--linked", "--start"],
  ["vm", "migrate", "p1", "--target-node", "node-2", "--bandwidth", "100Mbps"],
  ["vm", "resize", "p1", "--cpus", "4", "--memory", "8Gi"],
  ["vm", "start", "p1", "p2"],
];

e2eTest("--dry-run=client -o json|yaml prints what kubectl prints for the manifest", async (t) => {
  for (const command of COMMANDS) {
    for (const output of ["json", "yaml"]) {
      const argv = [...command, "--dry-run=client", "-o", output];
      const ours = await hyperctl(argv, { kubeconfig: t.kubeconfig });
      assert.equal(ours.code, 0, `${argv.join(" ")}: ${ours.stderr}`);
      const theirs = await kubectl(
        ["create", "-f", "-", "--dry-run=client", "--validate=false", "-o", output],
        t.kubeconfig,
        ours.stdout,
      );
      assert.equal(theirs.code, 0, `${argv.join(" ")}: ${theirs.stderr}`);
      assert.equal(ours.stdout, theirs.stdout, argv.join(" "));
    }
  }
});
