import { deepEqual, equal, rejects } from "node:assert/strict";
import type { KubeList, KubeObject } from "../core/types.ts";
import type { KubeApi, ListOptions, ResourceRef } from "./api.ts";
import { startSimServer } from "../sim/server/mod.ts";
import { createKubeApi } from "./client.ts";
import { fetchEvents, fetchRelated } from "./describe_sources.ts";
import { resolveKubeConfig } from "./kubeconfig.ts";

// No reachable cluster serves core v1 Events without events.k8s.io (the sim serves both, the
// test API server neither), so the fallback is pinned with a KubeApi that answers lists only.
function eventsApi(answer: (ref: ResourceRef, o?: ListOptions) => KubeList | number): {
  api: KubeApi;
  asked: string[];
} {
  const asked: string[] = [];
  const refuse = () => Promise.reject(new Error("not used"));
  const api: KubeApi = {
    server: "https://test",
    list(ref, o) {
      asked.push(`${ref.group || "core"} ${o?.fieldSelector}`);
      const a = answer(ref, o);
      return typeof a === "number"
        ? Promise.reject(Object.assign(new Error(`HTTP ${a}`), { code: a }))
        : Promise.resolve(a);
    },
    get: refuse,
    create: refuse,
    replace: refuse,
    patch: refuse,
    delete: refuse,
    watch: refuse,
    getRaw: refuse,
  };
  return { api, asked };
}

const vm: KubeObject = { metadata: { name: "web-1", namespace: "prod", uid: "u1" } };
const list = (items: KubeObject[]): KubeList => ({ metadata: { resourceVersion: "1" }, items });

Deno.test("fetchEvents() falls back to core v1 and keeps only events of the object's uid", async () => {
  const { api, asked } = eventsApi((ref) =>
    ref.group === "events.k8s.io" ? 404 : list([
      { metadata: { name: "a" }, involvedObject: { uid: "u1" }, reason: "Started" },
      { metadata: { name: "b" }, involvedObject: { uid: "old" }, reason: "Deleted" },
    ])
  );
  const events = await fetchEvents(api, vm, "VirtualMachine");
  deepEqual(events?.map((e) => e.reason), ["Started"]);
  deepEqual(asked, [
    "events.k8s.io regarding.name=web-1,regarding.kind=VirtualMachine",
    "core involvedObject.name=web-1,involvedObject.kind=VirtualMachine",
  ]);
});

Deno.test("fetchEvents() is undefined without any events API, and fails on other errors", async () => {
  equal(await fetchEvents(eventsApi(() => 404).api, vm, "VirtualMachine"), undefined);
  equal(await fetchEvents(eventsApi(() => 403).api, vm, "VirtualMachine"), undefined);
  await rejects(fetchEvents(eventsApi(() => 500).api, vm, "VirtualMachine"), /HTTP 500/);
});

Deno.test("fetchRelated() selects here what a cluster without selectable fields refuses", async () => {
  const { parseAllDocuments, stringify } = await import("yaml");
  const dir = new URL("../../deploy/crds/", import.meta.url);
  const crdYaml: string[] = [];
  for await (const file of Deno.readDir(dir)) {
    for (const doc of parseAllDocuments(await Deno.readTextFile(new URL(file.name, dir)))) {
      const crd = doc.toJS();
      for (const v of crd.spec.versions) delete v.selectableFields;
      crdYaml.push(stringify(crd));
    }
  }
  const sim = await startSimServer({ crdYaml });
  const api = createKubeApi(resolveKubeConfig({
    env: {},
    kubeconfig: "k",
    readFile: () => sim.kubeconfigYaml("t", "ns1"),
  }));
  try {
    const op = (name: string, vm: string) => ({
      apiVersion: "hypersdk.io/v1alpha1",
      kind: "VMOperation",
      metadata: { name },
      spec: { vmRef: { name: vm }, operation: "start" },
    });
    const ops = {
      group: "hypersdk.io",
      version: "v1alpha1",
      plural: "vmoperations",
      namespace: "ns1",
    };
    await rejects(
      api.list(ops, { fieldSelector: "spec.vmRef.name=web-1" }),
      /field label not supported/,
    );
    await api.create(ops, op("web-1-start-a", "web-1"));
    await api.create(ops, op("web-2-start-b", "web-2"));
    const related = await fetchRelated(api, "vm", {
      metadata: { name: "web-1", namespace: "ns1" },
    });
    const operations = related.find((r) => r.key === "operations");
    deepEqual(operations?.items.map((o) => o.metadata?.name), ["web-1-start-a"]);
  } finally {
    api.close();
    await sim.stop();
  }
});
