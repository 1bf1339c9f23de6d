/**
 * HyperSDK's `-output` through the CLI process, against the real API server and the sim: honoured
 * by every op that prints an object (`-op status` once printed a table for `-output json`), and
 * refused with exit 2 where there is nothing to print; global flags stand before `k8s` too.
 */
import assert from "node:assert/strict";
import { hyperctl } from "../support/cli.ts";
import { e2eTest } from "../support/targets.ts";

e2eTest("k8s -op status -output json|yaml prints what status -o json|yaml does", async (t) => {
  const ours = await hyperctl(["k8s", "-op", "status", "-output", "json"], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(ours.code, 0, ours.stderr);
  const direct = await hyperctl(["status", "-o", "json"], { kubeconfig: t.kubeconfig });
  assert.deepEqual(JSON.parse(ours.stdout), JSON.parse(direct.stdout));
  const yaml = await hyperctl(["k8s", "-op", "status", "-output=yaml"], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(yaml.code, 0, yaml.stderr);
  assert.match(yaml.stdout, /^server: /m);
});

Deno.test("k8s -output on an op that prints no object exits 2 with one line, before connecting", async () => {
  const refused = await hyperctl([
    "k8s",
    "-op",
    "vm-delete",
    "-vm",
    "a",
    "-force",
    "-output",
    "json",
  ], {
    kubeconfig: "/nonexistent/kubeconfig", // never read: the refusal comes first
  });
  assert.equal(refused.code, 2);
  assert.equal(refused.stdout, "");
  assert.equal(
    refused.stderr,
    "error: hyperctl k8s: -op vm-delete prints no object, so -output has no use\n",
  );
});

e2eTest("global flags before k8s work as after it: -op is never read as -o p", async (t) => {
  const create = await hyperctl(["vm", "create", "k8s-1", "--cpus", "1", "--memory", "1Gi"], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(create.code, 0, create.stderr);
  const list = ["k8s", "-op", "vm-list", "-output", "name"];
  const before = await hyperctl(["--kubeconfig", t.kubeconfig, "-n", t.namespace, ...list]);
  assert.equal(before.code, 0, before.stderr);
  assert.equal(before.stderr, "");
  assert.equal(before.stdout, "virtualmachine.hypersdk.io/k8s-1\n");
  const after = await hyperctl([...list, "-n", t.namespace, "--kubeconfig", t.kubeconfig]);
  assert.deepEqual(after, before);

  const stop = await hyperctl(
    ["--kubeconfig", t.kubeconfig, "k8s", "-op", "vm-stop", "-vm", "k8s-1", "-output", "name"],
  );
  assert.equal(stop.code, 0, stop.stderr);
  assert.match(stop.stdout, /^vmoperation\.hypersdk\.io\//);
});
