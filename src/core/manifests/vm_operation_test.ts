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
    generateName: `${vm}-start-`,
    namespace: "prod",
    labels: { "hypersdk.io/operation": "start" },
  });
});
