import assert from "node:assert/strict";
import { MemoryCluster, T0, vm } from "../../testing/memory_cluster.ts";
import { reconcileVm } from "./reconcile_vm.ts";
import { chooseNode, ipFor } from "./placement.ts";
import { worldOf } from "./world.ts";

const statusOf = (c: MemoryCluster, name = "web") =>
  c.get("VirtualMachine", name)?.status as Record<string, unknown>;

Deno.test("reconcileVm() walks Pending → Creating → Running with node, address and Ready", () => {
  const c = new MemoryCluster([vm("web", { cpus: 2, memory: "4Gi" })]);
  const phases: string[] = [];
  for (let i = 0; i < 4; i++) {
    c.step("VirtualMachine", "web", reconcileVm);
    phases.push(String(statusOf(c).phase));
  }
  assert.deepEqual(phases, ["Pending", "Creating", "Running", "Running"]);
  const s = statusOf(c);
  assert.equal(s.startTime, "2026-01-01T00:00:00Z");
  assert.deepEqual(s.ipAddresses, [
    ipFor(c.get("VirtualMachine", "web")!, String(s.nodeName), ["node-1", "node-2", "node-3"]),
  ]);
  assert.deepEqual((s.conditions as unknown[]).at(-1), {
    type: "Ready",
    status: "True",
    lastTransitionTime: "2026-01-01T00:00:00Z",
    reason: "VMReady",
    message: "VM is running and ready",
  });
});

Deno.test("reconcileVm() stops and restarts on spec.running", () => {
  const c = new MemoryCluster([
    vm("web", { cpus: 1, memory: "1Gi", running: false }, {
      phase: "Running",
      nodeName: "node-2",
      ipAddresses: ["10.244.2.9"],
    }),
  ]);
  c.step("VirtualMachine", "web", reconcileVm);
  assert.equal(statusOf(c).phase, "Stopped");
  assert.equal(statusOf(c).ipAddresses, undefined);
  assert.equal((statusOf(c).conditions as { reason: string }[])[0].reason, "VMStopped");
  c.apply([{
    type: "patchSpec",
    ref: { kind: "VirtualMachine", namespace: "default", name: "web" },
    patch: { spec: { running: true } },
  }]);
  c.step("VirtualMachine", "web", reconcileVm);
  assert.equal(statusOf(c).phase, "Creating");
  c.step("VirtualMachine", "web", reconcileVm);
  assert.equal(statusOf(c).phase, "Running");
  assert.equal(statusOf(c).nodeName, "node-2", "a restarted VM stays on its node");
});

Deno.test("reconcileVm() fails validation with a ValidationFailed condition and recovers when fixed", () => {
  const c = new MemoryCluster([vm("web", { cpus: 0, memory: "1Gi" }, { phase: "Pending" })]);
  c.step("VirtualMachine", "web", reconcileVm);
  assert.equal(statusOf(c).phase, "Failed");
  assert.deepEqual((statusOf(c).conditions as Record<string, string>[])[0], {
    type: "ValidationFailed",
    status: "True",
    lastTransitionTime: "2026-01-01T00:00:00Z",
    reason: "ValidationError",
    message: "spec.cpus must be at least 1 (got 0)",
  });
  assert.deepEqual(reconcileVm(c.get("VirtualMachine", "web")!, c.world()).actions, []);
  c.apply([{
    type: "patchSpec",
    ref: { kind: "VirtualMachine", namespace: "default", name: "web" },
    patch: { spec: { cpus: 2 } },
  }]);
  c.step("VirtualMachine", "web", reconcileVm);
  assert.equal(statusOf(c).phase, "Pending");
});

Deno.test("chooseNode() honours the hostname selector and otherwise picks the least-loaded node", () => {
  const busy = [
    vm("a", {}, { phase: "Running", nodeName: "node-1" }),
    vm("b", {}, { phase: "Running", nodeName: "node-1" }),
    vm("c", {}, { phase: "Running", nodeName: "node-3" }),
  ];
  const world = worldOf({ now: T0, objects: busy });
  assert.deepEqual(chooseNode(vm("x", {}), world), { node: "node-2" });
  assert.deepEqual(
    chooseNode(vm("x", { nodeSelector: { "kubernetes.io/hostname": "node-1" } }), world),
    { node: "node-1" },
  );
  assert.deepEqual(
    chooseNode(vm("x", { nodeSelector: { "kubernetes.io/hostname": "gpu-9" } }), world),
    {
      error: "no node matches nodeSelector kubernetes.io/hostname=gpu-9",
    },
  );
});

Deno.test("reconcileVm() leaves an unschedulable VM Pending with one Scheduled=False condition", () => {
  const c = new MemoryCluster([
    vm("web", { cpus: 1, memory: "1Gi", nodeSelector: { "kubernetes.io/hostname": "gpu-9" } }, {
      phase: "Pending",
    }),
  ]);
  c.step("VirtualMachine", "web", reconcileVm);
  assert.equal(statusOf(c).phase, "Pending");
  assert.equal((statusOf(c).conditions as { reason: string }[])[0].reason, "Unschedulable");
  assert.deepEqual(
    reconcileVm(c.get("VirtualMachine", "web")!, c.world()).actions,
    [],
    "written once",
  );
});

Deno.test("ipFor() is deterministic and in the node's subnet", () => {
  const a = ipFor(vm("web", {}), "node-3", ["node-1", "node-2", "node-3"]);
  assert.equal(a, ipFor(vm("web", {}), "node-3", ["node-1", "node-2", "node-3"]));
  assert.match(a, /^10\.244\.3\.([2-9]|[1-9]\d|1\d\d|2[0-4]\d|25[01])$/);
});
