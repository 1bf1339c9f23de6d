import assert from "node:assert/strict";
import { MemoryCluster, obj, T0, vm } from "../../testing/memory_cluster.ts";
import { reconcileSnapshot, snapshotExpiry } from "./reconcile_snapshot.ts";

const snapStatus = (c: MemoryCluster) =>
  c.get("VMSnapshot", "s")?.status as Record<string, unknown>;

Deno.test("reconcileSnapshot() records vmState, then Ready with sizes and backing files", () => {
  const c = new MemoryCluster([
    vm("web", {
      cpus: 4,
      memory: "8Gi",
      disks: [{ name: "root", size: "20Gi" }, { name: "data", size: "50Gi" }],
    }),
    obj("VMSnapshot", "s", { vmRef: { name: "web" } }),
  ]);
  const phases = [1, 2, 3].map(() => {
    c.step("VMSnapshot", "s", reconcileSnapshot);
    return snapStatus(c).phase;
  });
  assert.deepEqual(phases, ["Pending", "Creating", "Ready"]);
  const s = snapStatus(c);
  assert.deepEqual(s.vmState, { cpus: 4, memory: "8Gi", diskCount: 2, running: true });
  assert.equal(s.size, "8.2Gi");
  assert.equal(s.sizeBytes, 8804682957);
  assert.equal(s.readyToRestore, true);
  assert.deepEqual(s.backingFiles, [
    "/var/lib/hypersdk/snapshots/s-root-disk0.qcow2",
    "/var/lib/hypersdk/snapshots/s-data-disk1.qcow2",
  ]);
});

Deno.test("reconcileSnapshot() fails with VMNotFound when the VM is missing", () => {
  const c = new MemoryCluster([
    obj("VMSnapshot", "s", { vmRef: { name: "ghost" } }, { phase: "Pending" }),
  ]);
  const plan = c.step("VMSnapshot", "s", reconcileSnapshot);
  assert.deepEqual(plan.missing, [{ kind: "VirtualMachine", namespace: "default", name: "ghost" }]);
  assert.equal(snapStatus(c).phase, "Failed");
  assert.equal(
    (snapStatus(c).conditions as { message: string }[])[0].message,
    "VM not found: default/ghost",
  );
});

Deno.test("reconcileSnapshot() expires by keepDays, then deletes with autoDelete", () => {
  const ready = { phase: "Ready", readyToRestore: true, creationTime: "2026-01-01T00:00:00Z" };
  const c = new MemoryCluster([
    obj("VMSnapshot", "s", { vmRef: { name: "web" }, retention: { keepDays: 2 } }, ready),
  ]);
  assert.equal(snapshotExpiry(c.get("VMSnapshot", "s")!), T0 + 2 * 86_400_000);
  assert.deepEqual(c.step("VMSnapshot", "s", reconcileSnapshot).requeue, { afterMs: 1000 });
  c.now = T0 + 2 * 86_400_000;
  c.step("VMSnapshot", "s", reconcileSnapshot);
  assert.equal(snapStatus(c).phase, "Expired");
  assert.equal(snapStatus(c).readyToRestore, false);
  c.step("VMSnapshot", "s", reconcileSnapshot);
  assert.equal(c.get("VMSnapshot", "s"), undefined);
});

Deno.test("reconcileSnapshot() keeps an expired snapshot when autoDelete is false", () => {
  const c = new MemoryCluster([obj("VMSnapshot", "s", {
    vmRef: { name: "web" },
    retention: { expiresAt: "2025-12-31T00:00:00Z", autoDelete: false },
  }, { phase: "Ready" })]);
  c.step("VMSnapshot", "s", reconcileSnapshot);
  c.step("VMSnapshot", "s", reconcileSnapshot);
  assert.equal(snapStatus(c).phase, "Expired");
});
