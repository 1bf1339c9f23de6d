import assert from "node:assert/strict";
import type { KubeObject } from "./types.ts";
import {
  type EndpointFailure,
  nodeAddress,
  sshAddress,
  vncEndpoint,
  vncPlacement,
} from "./vm_endpoint.ts";

const vm = (status: Record<string, unknown>): KubeObject => ({
  metadata: { name: "web-1" },
  status,
});
const running = (extra: Record<string, unknown> = {}) =>
  vm({
    phase: "Running",
    nodeName: "node-1",
    vnc: { enabled: true, port: 5900, nodePort: 30001 },
    ...extra,
  });
const failureOf = (v: unknown) => (v as EndpointFailure).failure;
const node = (addresses: { type: string; address: string }[]): KubeObject => ({
  metadata: { name: "node-1" },
  status: { addresses },
});

Deno.test("vncPlacement() needs a Running VM with VNC enabled and a node port", () => {
  assert.deepEqual(vncPlacement(running()), { node: "node-1", port: 30001 });
  const cases: [KubeObject, string, RegExp][] = [
    [vm({ phase: "Stopped" }), "notRunning", /phase Stopped\): start it with "hyperctl vm start/],
    [vm({}), "notRunning", /phase unknown/],
    [running({ vnc: { enabled: false } }), "vncDisabled", /status.vnc.enabled.*annotated/],
    [running({ vnc: undefined }), "vncDisabled", /not enabled/],
    [running({ vnc: { enabled: true } }), "noVncPort", /no status.vnc.nodePort/],
    [running({ vnc: { enabled: true, nodePort: 70000 } }), "noVncPort", /nodePort/],
    [running({ nodeName: undefined }), "noNode", /no status.nodeName/],
  ];
  for (const [input, failure, message] of cases) {
    const out = vncPlacement(input) as EndpointFailure;
    assert.equal(out.failure, failure, JSON.stringify(input));
    assert.match(out.message, message);
  }
});

Deno.test("nodeAddress() prefers InternalIP, or takes the chosen type only", () => {
  const n = node([
    { type: "Hostname", address: "node-1" },
    { type: "ExternalIP", address: "203.0.113.5" },
    { type: "InternalIP", address: "10.0.0.5" },
  ]);
  assert.equal(nodeAddress(n), "10.0.0.5");
  assert.equal(nodeAddress(n, "ExternalIP"), "203.0.113.5");
  assert.equal(nodeAddress(n, "Hostname"), "node-1");
  assert.equal(nodeAddress(node([{ type: "Hostname", address: "h" }])), "h");
  assert.equal(nodeAddress(node([{ type: "Hostname", address: "h" }]), "InternalIP"), undefined);
  assert.equal(nodeAddress({ metadata: { name: "x" } }), undefined);
});

Deno.test("vncEndpoint() explains each missing piece and offers --node-address", () => {
  const at = { node: "node-1", port: 30001 };
  assert.deepEqual(vncEndpoint(at, { address: "192.0.2.1" }), {
    host: "192.0.2.1",
    port: 30001,
    node: "node-1",
  });
  assert.deepEqual(
    vncEndpoint(at, { node: node([{ type: "InternalIP", address: "127.0.0.1" }]) }),
    { host: "127.0.0.1", port: 30001, node: "node-1" },
  );
  const cases: [Parameters<typeof vncEndpoint>[1], string, RegExp][] = [
    [{ readError: "forbidden" }, "nodeForbidden", /"get" on "nodes".*--node-address ADDR/],
    [{ readError: "notFound" }, "nodeMissing", /Node "node-1" does not exist; give/],
    [{ readError: "notServed" }, "nodesNotServed", /does not serve Nodes/],
    [{ node: node([]) }, "noNodeAddress", /no InternalIP, ExternalIP or Hostname address/],
  ];
  for (const [facts, failure, message] of cases) {
    const out = vncEndpoint(at, facts) as EndpointFailure;
    assert.equal(out.failure, failure);
    assert.match(out.message, message);
  }
  assert.match(
    (vncEndpoint(
      at,
      { node: node([{ type: "InternalIP", address: "a" }]) },
      "ExternalIP",
    ) as EndpointFailure).message,
    /no ExternalIP address/,
  );
});

Deno.test("sshAddress() takes the first address, a chosen one, or says why there is none", () => {
  assert.equal(sshAddress(vm({ ipAddresses: ["10.0.0.2", "fd00::2"] })), "10.0.0.2");
  assert.equal(sshAddress(vm({ ipAddresses: ["10.0.0.2", "fd00::2"] }), "fd00::2"), "fd00::2");
  assert.equal(
    failureOf(sshAddress(vm({ ipAddresses: ["10.0.0.2"] }), "10.9.9.9")),
    "unknownAddress",
  );
  assert.equal(failureOf(sshAddress(vm({ ipAddresses: ["-oProxyCommand=x"] }))), "badAddress");
  assert.equal(failureOf(sshAddress(vm({ ipAddresses: ["a b"] }))), "badAddress");
  assert.equal(sshAddress(vm({ ipAddresses: ["fe80::1%eth0"] })), "fe80::1%eth0");
  assert.equal(
    (sshAddress(vm({ phase: "Creating", guestAgent: { connected: false } })) as EndpointFailure)
      .message,
    'VM "web-1" has no IP address (phase Creating, guest agent not connected)',
  );
  assert.match(
    (sshAddress(
      vm({ phase: "Running", ipAddresses: [], guestAgent: { connected: true } }),
    ) as EndpointFailure).message,
    /phase Running, guest agent connected/,
  );
});
