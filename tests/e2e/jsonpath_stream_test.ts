/**
 * `-o jsonpath` over a list printed page by page (`--chunk-size 2`) prints what kubectl 1.33
 * prints for the same objects, byte for byte: templates printed as the pages arrive (a range over
 * the items, values joined across pages) and templates that need the whole list alike.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const TEMPLATES = [
  "jsonpath={.items[*].metadata.name}",
  'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}',
  'jsonpath={.kind}:{range .items[*]}{.metadata.name}={.spec.cpus} {.metadata.labels}{"\\n"}{end}{.apiVersion}',
  "jsonpath={.items[*].spec.cpus}",
  "jsonpath-as-json={.items[*].metadata.name}",
  'jsonpath-as-json={range .items[*]}{.metadata.name}{"\\n"}{end}',
  // These need the whole list: hyperctl prints them after the last page.
  "jsonpath={.items[-1:].metadata.name} {.items[0].metadata.name}",
  "jsonpath={.items[*].metadata.name}|{.items[*].spec.cpus}",
];

/** Five VMs, so pages of two end on a partial page. */
async function seed(t: Target): Promise<void> {
  const ref = refFor(kindByNoun("vm"), t.namespace);
  for (let i = 0; i < 5; i++) {
    await t.api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name: `vm-${i}`, labels: i % 2 === 0 ? { tier: "web" } : {} },
      spec: { cpus: 1 + i, memory: "1Gi", running: false },
    });
  }
}

e2eTest("-o jsonpath over pages of 2 prints kubectl 1.33's bytes", async (t) => {
  await seed(t);
  // The sim serves this test alone, so every namespace is ours: list them all there.
  const scope = t.name === "sim" ? ["-A"] : [];
  for (const output of TEMPLATES) {
    const paging = ["--chunk-size", "2", ...scope, "-o", output];
    const ours = await hyperctl(["vm", "list", ...paging], { kubeconfig: t.kubeconfig });
    const theirs = await kubectl(["get", "virtualmachines.hypersdk.io", ...paging], t.kubeconfig);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(ours.code, 0, ours.stderr);
    assert.notEqual(ours.stdout, "", output);
    assert.equal(ours.stdout, theirs.stdout, output);
  }
});
