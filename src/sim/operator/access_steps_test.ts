import assert from "node:assert/strict";
import type { KubeObject } from "../../core/types.ts";
import { MemoryCluster, vm } from "../../testing/memory_cluster.ts";
import { reconcileVm } from "./reconcile_vm.ts";

const running = (annotations: Record<string, string> = {}, spec = {}): KubeObject => {
  const o = vm("web", { cpus: 1, memory: "1Gi", ...spec }, {
    phase: "Running",
    nodeName: "node-1",
    ipAddresses: ["10.244.1.9"],
  });
  o.metadata = { ...o.metadata, annotations };
  return o;
};
const statusOf = (c: MemoryCluster) =>
  (c.get("VirtualMachine", "web")?.status ?? {}) as Record<string, unknown>;
const vncOf = (c: MemoryCluster) => statusOf(c).vnc;

Deno.test("a Running VM gets a served console published in status.vnc, once", () => {
  const c = new MemoryCluster([running()]);
  c.consoles = new Map();
  const first = c.step("VirtualMachine", "web", reconcileVm);
  assert.deepEqual(first.actions.map((a) => a.type), ["openConsole"]);
  assert.deepEqual(vncOf(c), { enabled: true, port: 5900, nodePort: 5900 });
  assert.deepEqual(c.step("VirtualMachine", "web", reconcileVm).actions, []);
  // The operator restarted: the published port is no longer served, so a new one is.
  c.consoles = new Map([["default/other", 5900]]);
  c.step("VirtualMachine", "web", reconcileVm);
  assert.deepEqual(vncOf(c), { enabled: true, port: 5901, nodePort: 5901 });
});

Deno.test("stopping a VM closes its console and removes status.vnc", () => {
  const c = new MemoryCluster([running({}, { running: false })]);
  c.consoles = new Map([["default/web", 5900]]);
  c.apply([{
    type: "openConsole",
    ref: { kind: "VirtualMachine", namespace: "default", name: "web" },
  }]);
  const plan = c.step("VirtualMachine", "web", reconcileVm);
  assert.deepEqual(plan.actions.map((a) => a.type), ["closeConsole", "patchStatus", "patchStatus"]);
  assert.equal(c.consoles.size, 0);
  assert.equal(vncOf(c), undefined);
  assert.equal(statusOf(c).phase, "Stopped");
});

Deno.test("sim.hypersdk.io/vnc: disabled publishes enabled false and serves nothing", () => {
  const c = new MemoryCluster([running({ "sim.hypersdk.io/vnc": "disabled" })]);
  c.consoles = new Map();
  c.step("VirtualMachine", "web", reconcileVm);
  assert.deepEqual(vncOf(c), { enabled: false });
  assert.equal(c.consoles.size, 0);
  assert.deepEqual(c.step("VirtualMachine", "web", reconcileVm).actions, []);
});

Deno.test("sim.hypersdk.io/address replaces the VM's address; without consoles nothing else", () => {
  const c = new MemoryCluster([running({ "sim.hypersdk.io/address": "127.0.0.1" })]);
  c.step("VirtualMachine", "web", reconcileVm);
  assert.deepEqual(statusOf(c).ipAddresses, ["127.0.0.1"]);
  assert.equal(vncOf(c), undefined);
  assert.deepEqual(c.step("VirtualMachine", "web", reconcileVm).actions, []);
});

Deno.test("a VM that failed while running loses its console", () => {
  const c = new MemoryCluster([running()]);
  c.consoles = new Map();
  c.step("VirtualMachine", "web", reconcileVm);
  assert.equal(c.consoles.size, 1);
  c.apply([{
    type: "patchStatus",
    ref: { kind: "VirtualMachine", namespace: "default", name: "web" },
    status: { phase: "Failed" },
  }]);
  const plan = c.step("VirtualMachine", "web", reconcileVm);
  assert.deepEqual(plan.actions.map((a) => a.type), ["closeConsole", "patchStatus"]);
  assert.equal(c.consoles.size, 0);
  assert.equal(vncOf(c), undefined);
  assert.deepEqual(c.step("VirtualMachine", "web", reconcileVm).actions, []);
});

Deno.test("past the console limit a Running VM gets none, and nothing to retry", () => {
  const c = new MemoryCluster([running()]);
  c.consoles = new Map([["default/a", 5900]]);
  c.consoleLimit = 1;
  assert.deepEqual(c.step("VirtualMachine", "web", reconcileVm).actions, []);
  assert.equal(vncOf(c), undefined);
  c.consoleLimit = 2;
  c.step("VirtualMachine", "web", reconcileVm);
  assert.deepEqual(vncOf(c), { enabled: true, port: 5901, nodePort: 5901 });
});
