import assert from "node:assert/strict";
import { buildVmOperation } from "./vm_operation.ts";

const meta = (vm: string, op: string) => ({
  generateName: `${vm}-${op}-`,
  namespace: "prod",
  labels: { "hypersdk.io/vm": vm, "hypersdk.io/operation": op },
});

Deno.test("buildVmOperation() names by generateName and labels VM and operation, for every power op", () => {
  for (const operation of ["start", "stop", "restart", "delete"] as const) {
    assert.deepEqual(buildVmOperation({ operation, vm: "web-1", namespace: "prod" }), {
      apiVersion: "hypersdk.io/v1alpha1",
      kind: "VMOperation",
      metadata: meta("web-1", operation),
      spec: { vmRef: { name: "web-1" }, operation },
    });
  }
  assert.deepEqual(
    buildVmOperation({ operation: "stop", vm: "web-1", namespace: "prod", force: true }).spec,
    { vmRef: { name: "web-1" }, operation: "stop", force: true },
  );
});

Deno.test("buildVmOperation() clone keeps vmRef on the source, also from a snapshot", () => {
  assert.deepEqual(
    buildVmOperation({
      operation: "clone",
      vm: "web-1",
      namespace: "prod",
      clone: { target: "web-2", linked: true, start: false },
    }),
    {
      apiVersion: "hypersdk.io/v1alpha1",
      kind: "VMOperation",
      metadata: meta("web-1", "clone"),
      spec: {
        vmRef: { name: "web-1" },
        operation: "clone",
        cloneSpec: { targetName: "web-2", linkedClone: true, startAfterClone: false },
      },
    },
  );
  assert.deepEqual(
    buildVmOperation({
      operation: "clone",
      vm: "web-1",
      namespace: "prod",
      clone: {
        target: "web-3",
        targetNamespace: "staging",
        linked: false,
        start: true,
        fromSnapshot: "web-1-snap-x7k2p",
      },
    }).spec,
    {
      vmRef: { name: "web-1" },
      operation: "clone",
      cloneSpec: {
        targetName: "web-3",
        targetNamespace: "staging",
        linkedClone: false,
        startAfterClone: true,
        snapshotRef: { name: "web-1-snap-x7k2p" },
        powerOnAfter: true,
      },
    },
  );
});

Deno.test("buildVmOperation() migrate, resize and snapshot specs carry only what was set", () => {
  assert.deepEqual(
    buildVmOperation({
      operation: "migrate",
      vm: "a",
      namespace: "prod",
      migrate: { targetNode: "node-2", live: true },
    }).spec,
    {
      vmRef: { name: "a" },
      operation: "migrate",
      migrateSpec: { targetNode: "node-2", live: true },
    },
  );
  assert.deepEqual(
    buildVmOperation({
      operation: "migrate",
      vm: "a",
      namespace: "prod",
      migrate: {
        targetNode: "node-2",
        live: true,
        bandwidth: "100Mbps",
        autoConverge: false,
        postCopy: true,
      },
    }).spec,
    {
      vmRef: { name: "a" },
      operation: "migrate",
      migrateSpec: {
        targetNode: "node-2",
        live: true,
        bandwidth: "100Mbps",
        autoConverge: false,
        postCopy: true,
      },
    },
  );
  assert.deepEqual(
    buildVmOperation({
      operation: "resize",
      vm: "a",
      namespace: "prod",
      resize: { cpus: 8, hotplug: false },
    })
      .spec,
    { vmRef: { name: "a" }, operation: "resize", resizeSpec: { cpus: 8, hotplug: false } },
  );
  assert.deepEqual(
    buildVmOperation({
      operation: "snapshot",
      vm: "a",
      namespace: "prod",
      snapshot: { name: "a-before-upgrade", includeMemory: true, quiesce: true },
    }).spec,
    {
      vmRef: { name: "a" },
      operation: "snapshot",
      snapshotSpec: { name: "a-before-upgrade", includeMemory: true, quiesce: true },
    },
  );
});

Deno.test("buildVmOperation() leaves the VM label out when the name is too long for a label value", () => {
  const vm = "v".repeat(70);
  assert.deepEqual(buildVmOperation({ operation: "start", vm, namespace: "prod" }).metadata, {
    generateName: "v".repeat(58), // what the server keeps of `${vm}-start-`
    namespace: "prod",
    labels: { "hypersdk.io/operation": "start" },
  });
});

Deno.test("buildVmOperation(): a generateName is cut to the 58 characters the server keeps", () => {
  const gen = (vm: string) =>
    buildVmOperation({ operation: "stop", vm, namespace: "p" }).metadata.generateName;
  assert.equal(gen("web-1"), "web-1-stop-");
  assert.equal(gen("a".repeat(52)), `${"a".repeat(52)}-stop-`);
  assert.equal(gen("a".repeat(250)), "a".repeat(58), "not over 253, which the server refuses");
  // The prefix is validated as a name: no trailing dot (a trailing dash is allowed).
  assert.equal(gen(`${"d".repeat(57)}.x`), "d".repeat(57));
  assert.equal(gen(`${"d".repeat(57)}-x`), `${"d".repeat(57)}-`);
});
