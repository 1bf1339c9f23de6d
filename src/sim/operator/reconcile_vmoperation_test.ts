import assert from "node:assert/strict";
import { MemoryCluster, obj, T0, vm } from "../../testing/memory_cluster.ts";
import { reconcileVmOperation } from "./reconcile_vmoperation.ts";
import { reconcileVm } from "./reconcile_vm.ts";
import { worldOf } from "./world.ts";

const running = (node: string) => ({
  phase: "Running",
  nodeName: node,
  ipAddresses: ["10.244.1.5"],
});
const web = () => vm("web", { cpus: 2, memory: "4Gi", running: true }, running("node-1"));
const op = (spec: Record<string, unknown>) =>
  obj("VMOperation", "op", { vmRef: { name: "web" }, ...spec });

Deno.test("reconcileVmOperation() starts with Pending, startTime and progress 0", () => {
  const plan = reconcileVmOperation(op({ operation: "start" }), worldOf({ now: T0 }));
  assert.deepEqual(plan.actions, [{
    type: "patchStatus",
    ref: { kind: "VMOperation", namespace: "default", name: "op" },
    status: { phase: "Pending", startTime: "2026-01-01T00:00:00Z", progress: 0 },
  }]);
});

Deno.test("reconcileVmOperation() fails validation with the reference's messages", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ operation: "clone" }, "Validation failed: clone spec is required"],
    [
      { operation: "clone", cloneSpec: {} },
      "Validation failed: target name is required for clone operation",
    ],
    [{ operation: "migrate" }, "Validation failed: migrate spec is required"],
    [
      { operation: "migrate", migrateSpec: {} },
      "Validation failed: target node is required for migrate operation",
    ],
    [
      { operation: "migrate", migrateSpec: { targetNode: "node-9" } },
      'Validation failed: target node "node-9" is not a node of this cluster (nodes: node-1, node-2, node-3)',
    ],
    [
      { operation: "migrate", migrateSpec: { targetNode: "node-1" } },
      'Validation failed: VM "web" is already on node "node-1"',
    ],
    [{ operation: "resize" }, "Validation failed: resize spec is required"],
    [
      { operation: "resize", resizeSpec: { hotplug: true } },
      "Validation failed: at least one of CPUs or Memory must be specified for resize operation",
    ],
    [{ operation: "snapshot", snapshotSpec: {} }, "Validation failed: snapshot name is required"],
    [
      { operation: "start", vmRef: { name: "ghost" } },
      'Validation failed: failed to get VM: virtualmachines.hypersdk.io "ghost" not found',
    ],
  ];
  for (const [spec, message] of cases) {
    const c = new MemoryCluster([web(), op(spec)]);
    c.step("VMOperation", "op", reconcileVmOperation);
    c.step("VMOperation", "op", reconcileVmOperation);
    const status = c.get("VMOperation", "op")?.status as Record<string, unknown>;
    assert.equal(status.phase, "Failed", message);
    assert.equal(status.message, message);
    assert.equal(status.completionTime, "2026-01-01T00:00:00Z");
  }
});

Deno.test("reconcileVmOperation() reports the missing VM so the driver can double-check", () => {
  const o = { ...op({ operation: "stop" }), status: { phase: "Pending" } };
  const plan = reconcileVmOperation(o, worldOf({ now: T0 }));
  assert.deepEqual(plan.missing, [{ kind: "VirtualMachine", namespace: "default", name: "web" }]);
});

Deno.test("clone walks 10 → 30 → 60 → 100 and creates the VM with the source's labels and spec", () => {
  const source = web();
  source.metadata!.labels = { app: "shop" };
  const c = new MemoryCluster([
    source,
    op({ operation: "clone", cloneSpec: { targetName: "web-2", startAfterClone: true } }),
  ]);
  assert.deepEqual(c.runOperation("op"), [
    "Pending 0",
    "Running 10 Starting clone operation",
    "Running 30 Cloning VM configuration...",
    "Running 60 Creating cloned VM...",
    "Succeeded 100 clone operation completed successfully",
  ]);
  for (let i = 0; i < 3; i++) c.step("VirtualMachine", "web-2", reconcileVm);
  const clone = c.get("VirtualMachine", "web-2")!;
  assert.deepEqual(clone.metadata?.labels, { app: "shop" });
  assert.deepEqual(clone.spec, { cpus: 2, memory: "4Gi", running: true });
  assert.equal((clone.status as Record<string, unknown>).phase, "Running");
  assert.deepEqual((c.get("VMOperation", "op")?.status as Record<string, unknown>).result, {
    targetVM: "web-2",
    targetNamespace: "default",
    sourceSnapshot: "",
  });
});

Deno.test("clone into an existing name ends Failed with the server's message", () => {
  const c = new MemoryCluster([
    web(),
    vm("taken", { cpus: 1, memory: "1Gi" }),
    op({ operation: "clone", cloneSpec: { targetName: "taken" } }),
  ]);
  const trace = c.runOperation("op");
  assert.equal(
    trace.at(-1),
    'Failed 60 Operation failed: failed to create cloned VM: "taken" already exists',
  );
});

Deno.test("clone from a snapshot uses the recorded vmState and powerOnAfter, even with the VM gone", () => {
  const snap = obj("VMSnapshot", "snap", { vmRef: { name: "web" } }, {
    phase: "Ready",
    readyToRestore: true,
    vmState: { cpus: 8, memory: "16Gi", diskCount: 0, running: true },
  });
  const c = new MemoryCluster([
    snap,
    op({
      operation: "clone",
      cloneSpec: { targetName: "restored", snapshotRef: { name: "snap" }, powerOnAfter: false },
    }),
  ]);
  assert.deepEqual(c.runOperation("op"), [
    "Pending 0",
    "Running 10 Starting clone operation",
    "Running 10 Loading snapshot configuration...",
    "Running 30 Cloning VM configuration...",
    "Running 60 Creating cloned VM...",
    "Succeeded 100 clone operation completed successfully",
  ]);
  assert.deepEqual(c.get("VirtualMachine", "restored")?.spec, {
    cpus: 8,
    memory: "16Gi",
    running: false,
  });
  assert.equal(
    (c.get("VMOperation", "op")?.status as { result: { sourceSnapshot: string } }).result
      .sourceSnapshot,
    "snap",
  );
});

Deno.test("live migrate passes through Migrating and lands on the target node", () => {
  const c = new MemoryCluster([
    web(),
    op({ operation: "migrate", migrateSpec: { targetNode: "node-3" } }),
  ]);
  const phases: string[] = [];
  for (let i = 0; i < 8; i++) {
    c.step("VMOperation", "op", reconcileVmOperation);
    phases.push(String((c.get("VirtualMachine", "web")?.status as Record<string, unknown>).phase));
  }
  assert.deepEqual(phases.slice(0, 6), [
    "Running",
    "Running",
    "Running",
    "Migrating",
    "Migrating",
    "Running",
  ]);
  const op1 = c.get("VMOperation", "op")?.status as Record<string, unknown>;
  assert.equal(op1.phase, "Succeeded");
  assert.deepEqual(op1.result, { targetNode: "node-3", live: true });
  const v = c.get("VirtualMachine", "web")?.status as Record<string, unknown>;
  assert.equal(v.nodeName, "node-3");
  assert.deepEqual(v.ipAddresses, ["10.244.3." + (v.ipAddresses as string[])[0].split(".")[3]]);
});

Deno.test("offline migrate stops, moves and starts the VM", () => {
  const c = new MemoryCluster([
    web(),
    op({ operation: "migrate", migrateSpec: { targetNode: "node-2", live: false } }),
  ]);
  assert.deepEqual(c.runOperation("op"), [
    "Pending 0",
    "Running 10 Starting migrate operation",
    "Running 30 Preparing for migration...",
    "Running 50 Migrating VM...",
    "Running 90 Finalizing migration...",
    "Succeeded 100 migrate operation completed successfully",
  ]);
  const v = c.get("VirtualMachine", "web")!;
  assert.equal((v.status as Record<string, unknown>).nodeName, "node-2");
  assert.equal((v.status as Record<string, unknown>).phase, "Running");
  assert.equal((v.spec as Record<string, unknown>).running, true);
});

Deno.test("restart goes through 50 Stopping and 75 Starting and waits for the VM each time", () => {
  const c = new MemoryCluster([web(), op({ operation: "restart" })]);
  assert.deepEqual(c.runOperation("op"), [
    "Pending 0",
    "Running 10 Starting restart operation",
    "Running 50 Stopping VM...",
    "Running 75 Starting VM...",
    "Succeeded 100 restart operation completed successfully",
  ]);
  assert.equal(
    (c.get("VirtualMachine", "web")?.status as Record<string, unknown>).phase,
    "Running",
  );
});

Deno.test("resize changes only the given fields and reports old and new values", () => {
  const c = new MemoryCluster([web(), op({ operation: "resize", resizeSpec: { cpus: 6 } })]);
  assert.equal(c.runOperation("op").at(-2), "Running 50 Resizing VM...");
  assert.deepEqual(c.get("VirtualMachine", "web")?.spec, { cpus: 6, memory: "4Gi", running: true });
  assert.deepEqual((c.get("VMOperation", "op")?.status as Record<string, unknown>).result, {
    oldCPUs: 2,
    newCPUs: 6,
    oldMemory: "4Gi",
    newMemory: "4Gi",
    hotplug: false,
  });
});

Deno.test("snapshot creates a VMSnapshot labelled vm=<vm> that becomes Ready", () => {
  const c = new MemoryCluster([
    web(),
    op({ operation: "snapshot", snapshotSpec: { name: "s1", includeMemory: true } }),
  ]);
  assert.equal(c.runOperation("op").at(-2), "Running 30 Creating snapshot...");
  for (let i = 0; i < 3; i++) c.runOperation("op", 1);
  const snap = c.get("VMSnapshot", "s1")!;
  assert.deepEqual(snap.metadata?.labels, { vm: "web" });
  assert.deepEqual(snap.spec, {
    vmRef: { name: "web", namespace: "default" },
    includeMemory: true,
  });
  assert.equal((snap.status as Record<string, unknown>).phase, "Ready");
  assert.equal((snap.status as Record<string, unknown>).size, "10.5Gi");
});

Deno.test("delete removes the VM; start and stop set spec.running", () => {
  const del = new MemoryCluster([web(), op({ operation: "delete" })]);
  assert.equal(
    del.runOperation("op").at(-1),
    "Succeeded 100 delete operation completed successfully",
  );
  assert.equal(del.get("VirtualMachine", "web"), undefined);
  const stop = new MemoryCluster([web(), op({ operation: "stop" })]);
  stop.runOperation("op");
  assert.equal(
    (stop.get("VirtualMachine", "web")?.status as Record<string, unknown>).phase,
    "Stopped",
  );
  const start = new MemoryCluster([
    vm("web", { cpus: 1, memory: "1Gi", running: false }, { phase: "Stopped" }),
    op({ operation: "start" }),
  ]);
  start.runOperation("op");
  start.step("VirtualMachine", "web", reconcileVm);
  assert.equal(
    (start.get("VirtualMachine", "web")?.status as Record<string, unknown>).phase,
    "Running",
  );
});

Deno.test("injected faults: fail ends Failed with the message, hang stays Running at its progress", () => {
  const failing = op({ operation: "resize", resizeSpec: { cpus: 4 } });
  failing.metadata!.annotations = { "sim.hypersdk.io/fault": "fail" };
  const c = new MemoryCluster([web(), failing]);
  assert.equal(c.runOperation("op").at(-1), "Failed 10 Operation failed: injected fault");
  assert.equal((c.get("VirtualMachine", "web")?.spec as Record<string, unknown>).cpus, 2);

  const h = new MemoryCluster(
    [web(), op({ operation: "clone", cloneSpec: { targetName: "x" } })],
    T0,
    [
      { effect: "hang", operation: "clone" },
    ],
  );
  assert.equal(h.runOperation("op", 10).at(-1), "Running 10 Starting clone operation");
});
