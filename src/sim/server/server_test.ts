import assert, { deepEqual, equal } from "node:assert/strict";
import { parse } from "yaml";
import { vm } from "../../testing/vm_crd_fixture.ts";
import { startSimServer } from "./server.ts";

const CRD = Deno.readTextFileSync(new URL("./testdata/virtualmachines.yaml", import.meta.url));
const BASE = "/apis/hypersdk.io/v1alpha1";

async function withServer(
  fn: (call: Call, s: Awaited<ReturnType<typeof startSimServer>>) => Promise<void> | void,
) {
  const s = await startSimServer({
    crdYaml: [CRD],
    tokens: { admin: "a", viewer: "v", nobody: "n", namespaced: "z" },
  });
  const client = Deno.createHttpClient({ caCerts: [s.caPem] });
  const call: Call = async (path, init = {}) => {
    const { token = "a", body, ...rest } = init;
    const headers: Record<string, string> = { ...(rest.headers as Record<string, string> ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && !headers["content-type"]) {
      headers["content-type"] = "application/json";
    }
    const res = await fetch(`${s.url}${path}`, {
      ...rest,
      headers,
      client,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text);
    } catch { /* text bodies (health) */ }
    return { code: res.status, json, text, headers: res.headers };
  };
  try {
    await fn(call, s);
  } finally {
    client.close();
    await s.stop();
  }
}

type Call = (
  path: string,
  init?: Omit<RequestInit, "body"> & { token?: string; body?: unknown },
) => Promise<{ code: number; json: Record<string, unknown>; text: string; headers: Headers }>;

Deno.test("server: authentication 401, viewer 403 on writes, nobody 403 on reads", async () => {
  await withServer(async (call) => {
    const none = await call(`${BASE}/namespaces/ns/virtualmachines`, { token: "" });
    equal(none.code, 401);
    deepEqual(none.json, {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "Unauthorized",
      reason: "Unauthorized",
      code: 401,
    });
    equal((await call("/healthz", { token: "wrong" })).code, 401);
    equal((await call(`${BASE}/namespaces/ns/virtualmachines`, { token: "v" })).code, 200);
    const w = await call(`${BASE}/namespaces/ns/virtualmachines`, {
      token: "v",
      method: "POST",
      body: vm("x"),
    });
    equal(w.code, 403);
    equal(
      w.json.message,
      'virtualmachines.hypersdk.io is forbidden: User "hyperctl-viewer" cannot create resource "virtualmachines" in API group "hypersdk.io" in the namespace "ns"',
    );
    const r = await call(`${BASE}/namespaces/ns/virtualmachines/x/status`, { token: "n" });
    equal(
      r.json.message,
      'virtualmachines.hypersdk.io "x" is forbidden: User "hyperctl-nobody" cannot get resource "virtualmachines/status" in API group "hypersdk.io" in the namespace "ns"',
    );
    equal((await call("/healthz", { token: "n" })).text, "ok");
  });
});

Deno.test("server: the namespaced user may do anything in a namespace, nothing cluster-wide", async () => {
  await withServer(async (call) => {
    const z = { token: "z" };
    equal((await call(BASE, z)).code, 200);
    const made = await call(`${BASE}/namespaces/ns/virtualmachines`, {
      ...z,
      method: "POST",
      body: vm("x"),
    });
    equal(made.code, 201, made.text);
    equal((await call(`${BASE}/namespaces/ns/virtualmachines/x`, z)).code, 200);
    const everywhere = await call(`${BASE}/virtualmachines`, z);
    equal(everywhere.code, 403);
    equal(
      everywhere.json.message,
      'virtualmachines.hypersdk.io is forbidden: User "hyperctl-namespaced" cannot list resource "virtualmachines" in API group "hypersdk.io" at the cluster scope',
    );
    const gone = await call(`${BASE}/namespaces/ns/virtualmachines/x`, { ...z, method: "DELETE" });
    equal(gone.code, 200, gone.text);
  });
});

Deno.test("server: discovery documents", async () => {
  await withServer(async (call) => {
    const groups = (await call("/apis")).json;
    deepEqual((groups.groups as { name: string }[]).map((g) => g.name), [
      "hypersdk.io",
      "events.k8s.io",
    ]);
    const rl = (await call(BASE)).json as { resources: Record<string, unknown>[] };
    deepEqual(rl.resources.map((r) => r.name), ["virtualmachines", "virtualmachines/status"]);
    deepEqual(rl.resources[0].shortNames, ["vm", "vms"]);
    equal(rl.resources[0].namespaced, true);
    equal((await call("/api")).code, 404);
    equal((await call("/version")).json.major, "1");
    const idx = (await call("/openapi/v3")).json as { paths: Record<string, unknown> };
    deepEqual(Object.keys(idx.paths), ["apis/hypersdk.io/v1alpha1", "apis/events.k8s.io/v1"]);
  });
});

Deno.test("server: CRUD round trip, list shape, 404 and 422 bodies", async () => {
  await withServer(async (call) => {
    const created = await call(`${BASE}/namespaces/ns/virtualmachines`, {
      method: "POST",
      body: vm("a"),
    });
    equal(created.code, 201);
    const list = await call(`${BASE}/virtualmachines`);
    deepEqual(Object.keys(list.json), ["apiVersion", "items", "kind", "metadata"]);
    equal(list.json.kind, "VirtualMachineList");
    const nf = await call(`${BASE}/namespaces/ns/virtualmachines/zz`);
    equal(nf.code, 404);
    deepEqual(nf.json.details, { name: "zz", group: "hypersdk.io", kind: "virtualmachines" });
    const inv = await call(`${BASE}/namespaces/ns/virtualmachines/a`, {
      method: "PATCH",
      headers: { "content-type": "application/merge-patch+json" },
      body: { spec: { cpus: 0 } },
    });
    equal(inv.code, 422);
    deepEqual(inv.json.details, {
      name: "a",
      group: "hypersdk.io",
      kind: "VirtualMachine",
      causes: [{
        reason: "FieldValueInvalid",
        message: "Invalid value: 0: spec.cpus in body should be greater than or equal to 1",
        field: "spec.cpus",
      }],
    });
    const jp = await call(`${BASE}/namespaces/ns/virtualmachines/a`, {
      method: "PATCH",
      headers: { "content-type": "application/json-patch+json" },
      body: [{ op: "replace", path: "/spec/cpus", value: 3 }],
    });
    equal((jp.json.spec as { cpus: number }).cpus, 3);
    const smp = await call(`${BASE}/namespaces/ns/virtualmachines/a`, {
      method: "PATCH",
      headers: { "content-type": "application/strategic-merge-patch+json" },
      body: {},
    });
    equal(smp.code, 415);
    const warn = await call(`${BASE}/namespaces/ns/virtualmachines/a`, {
      method: "PATCH",
      headers: { "content-type": "application/merge-patch+json" },
      body: { spec: { nope: 1 } },
    });
    equal(warn.headers.get("warning"), '299 - "unknown field \\"spec.nope\\""');
    await call(`${BASE}/namespaces/ns/virtualmachines`, { method: "POST", body: vm("b") });
    const dc = await call(`${BASE}/namespaces/ns/virtualmachines?fieldSelector=metadata.name%3Db`, {
      method: "DELETE",
    });
    deepEqual((dc.json.items as { metadata: { name: string } }[]).map((o) => o.metadata.name), [
      "b",
    ]);
    const del = await call(`${BASE}/namespaces/ns/virtualmachines/a`, { method: "DELETE" });
    equal(del.code, 200);
    equal(del.json.status, "Success");
    deepEqual((del.json.details as { name: string }).name, "a");
    equal((await call(`${BASE}/namespaces/ns/virtualmachines/a`)).code, 404);
  });
});

Deno.test("server: watch over HTTP resumes, and 410s after compact()", async () => {
  await withServer(async (call, s) => {
    await call(`${BASE}/namespaces/ns/virtualmachines`, { method: "POST", body: vm("a") });
    const rv = String(s.resourceVersion);
    await call(`${BASE}/namespaces/ns/virtualmachines`, { method: "POST", body: vm("b") });
    const w = await call(
      `${BASE}/namespaces/ns/virtualmachines?watch=true&resourceVersion=${rv}&timeoutSeconds=1`,
    );
    const lines = w.text.trim().split("\n").map((l) => JSON.parse(l));
    deepEqual(lines.map((e) => `${e.type} ${e.object.metadata.name}`), ["ADDED b"]);
    const fresh = JSON.parse(
      (await call(`${BASE}/namespaces/ns/virtualmachines?watch=true&resourceVersion=1`)).text,
    );
    equal(fresh.object.message, "too old resource version: 1 (100)", "like a real cluster");
    s.compact();
    const gone = await call(
      `${BASE}/namespaces/ns/virtualmachines?watch=true&resourceVersion=${rv}`,
    );
    equal(gone.code, 200);
    const ev = JSON.parse(gone.text.trim());
    equal(ev.type, "ERROR");
    equal(ev.object.code, 410);
    equal(ev.object.message, `too old resource version: ${rv} (${s.resourceVersion})`);
  });
});

Deno.test("server: kubeconfig has the CA inline and a context per user", async () => {
  await withServer((_call, s) => {
    const cfg = parse(s.kubeconfigYaml("sim", "demo")) as Record<string, unknown>;
    equal(cfg["current-context"], "sim");
    const ctx = cfg.contexts as { name: string; context: { namespace: string } }[];
    deepEqual(ctx.map((c) => c.name), ["sim", "sim-viewer", "sim-nobody", "sim-namespaced"]);
    equal(ctx[0].context.namespace, "demo");
    const cluster = (cfg.clusters as { cluster: Record<string, string> }[])[0].cluster;
    equal(atob(cluster["certificate-authority-data"]), s.caPem);
    assert(cluster.server.startsWith("https://127.0.0.1:"));
  });
});

Deno.test("server: events.k8s.io/v1 Events are served and selected by what they regard", async () => {
  await withServer(async (call) => {
    const path = "/apis/events.k8s.io/v1/namespaces/ns/events";
    const event = (name: string, about: string) => ({
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: { name },
      eventTime: "2026-01-01T00:00:00.000000Z",
      reason: "Started",
      note: "Starting start operation",
      type: "Normal",
      regarding: { kind: "VMOperation", namespace: "ns", name: about },
    });
    equal((await call(path, { method: "POST", body: event("a.1", "op-a") })).code, 201);
    equal((await call(path, { method: "POST", body: event("b.1", "op-b") })).code, 201);
    const selected = await call(
      `${path}?fieldSelector=regarding.name%3Dop-a,regarding.kind%3DVMOperation`,
    );
    equal(selected.code, 200);
    deepEqual(
      (selected.json.items as { note: string; metadata: { name: string } }[]).map((e) => [
        e.metadata.name,
        e.note,
      ]),
      [["a.1", "Starting start operation"]],
    );
    equal((await call(`${path}?fieldSelector=involvedObject.name%3Dop-a`)).code, 400);
    // the same Events in their core v1 form, as kubectl describe reads them
    const core = await call(
      "/api/v1/namespaces/ns/events?fieldSelector=involvedObject.name%3Dop-b",
    );
    equal(core.code, 200);
    equal(core.json.kind, "EventList");
    const [b] = core.json.items as Record<string, unknown>[];
    deepEqual([b.apiVersion, b.message, (b.involvedObject as { name: string }).name], [
      "v1",
      "Starting start operation",
      "op-b",
    ]);
    equal((await call("/api/v1/namespaces/ns/events?fieldSelector=regarding.name%3Dx")).code, 400);
    equal((await call("/api/v1/namespaces/ns/events", { token: "n" })).code, 403);
  });
});
