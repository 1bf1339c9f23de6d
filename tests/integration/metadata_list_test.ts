/**
 * A metadata-only list (`Accept: …;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1`), as the
 * client asks for it: kube-apiserver answers a custom resource's list with PartialObjectMetadata
 * items, paged with `continue` under one resourceVersion, and the sim answers in the same shape
 * (the same keys in the same order, page by page). A metadata-only watch
 * (`…;as=PartialObjectMetadata;…`) carries PartialObjectMetadata events on both.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import type { KubeList, WatchEvent } from "../../src/core/types.ts";
import type { KubeApi, ResourceRef } from "../../src/k8s/api.ts";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { startSimServer } from "../../src/sim/server/mod.ts";
import { type ApiServer, apiServerTest, freshNamespace } from "../support/apiserver.ts";

const CRDS = new URL("../../deploy/crds", import.meta.url).pathname;

/** Every page of a metadata-only list, two items a page. */
async function metadataPages(api: KubeApi, ref: ResourceRef): Promise<KubeList[]> {
  const pages: KubeList[] = [];
  let token: string | undefined;
  do {
    const page = await api.list(ref, { limit: 2, continue: token, metadataOnly: true });
    pages.push(page);
    token = page.metadata?.continue || undefined;
  } while (token !== undefined);
  return pages;
}

/**
 * A JSON value's shape: its keys in order, with leaves as their types. managedFields are left
 * out: the real server writes them on every create, the sim keeps none.
 */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).filter(([k]) => k !== "managedFields").map(([k, v]) => [
      k,
      shape(v),
    ]);
  }
  return typeof value;
}

async function seed(api: KubeApi, ref: ResourceRef): Promise<void> {
  for (const name of ["a", "b", "c"]) {
    await api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name, labels: { tier: "web" }, annotations: { note: name } },
      spec: { cpus: 1, memory: "1Gi", running: false },
    });
  }
}

/** Run `fn` with clients of the real server and of a fresh sim, each seeded in one namespace. */
async function withBothServers(
  server: ApiServer,
  prefix: string,
  fn: (real: KubeApi, simulated: KubeApi, ref: ResourceRef) => Promise<void>,
): Promise<void> {
  const ns = freshNamespace(prefix);
  const ref = refFor(kindByNoun("vm"), ns);
  const real = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
  const sim = await startSimServer({ crdDir: CRDS });
  const simConfig = await Deno.makeTempFile({ prefix: "hyperctl-sim-", suffix: ".yaml" });
  await Deno.writeTextFile(simConfig, sim.kubeconfigYaml("admin", ns), { mode: 0o600 });
  const simulated = createKubeApi(loadKubeConfig({ kubeconfig: simConfig }));
  try {
    await seed(real, ref);
    await seed(simulated, ref);
    await fn(real, simulated, ref);
  } finally {
    real.close();
    simulated.close();
    await sim.stop();
    await Deno.remove(simConfig);
  }
}

apiServerTest(
  "a metadata-only list pages the same shape on the real server and the sim",
  async (server) => {
    await withBothServers(server, "metadata-list", async (real, simulated, ref) => {
      const pages = await metadataPages(real, ref);
      assert.deepEqual(pages.map((p) => p.kind), [
        "PartialObjectMetadataList",
        "PartialObjectMetadataList",
      ]);
      assert.deepEqual(
        pages.map((p) => p.items.map((i) => [i.kind, i.apiVersion, i.metadata?.name])),
        [
          [["PartialObjectMetadata", "meta.k8s.io/v1", "a"], [
            "PartialObjectMetadata",
            "meta.k8s.io/v1",
            "b",
          ]],
          [["PartialObjectMetadata", "meta.k8s.io/v1", "c"]],
        ],
      );
      // Every page is read at the first page's snapshot; no item carries spec or status.
      assert.equal(pages[1].metadata?.resourceVersion, pages[0].metadata?.resourceVersion);
      assert.ok(pages.every((p) => p.items.every((i) => !("spec" in i) && !("status" in i))));
      assert.deepEqual(pages[0].items[0].metadata?.annotations, { note: "a" });

      const simPages = await metadataPages(simulated, ref);
      assert.deepEqual(shape(simPages), shape(pages));
    });
  },
);

/** The first `count` events of a metadata-only watch from `resourceVersion`, after `change`. */
async function metadataEvents(
  api: KubeApi,
  ref: ResourceRef,
  change: () => Promise<void>,
  count: number,
): Promise<WatchEvent[]> {
  const resourceVersion = (await api.list(ref)).metadata?.resourceVersion;
  const stream = await api.watch(ref, { resourceVersion, metadataOnly: true, timeoutSeconds: 30 });
  await change();
  const events: WatchEvent[] = [];
  for await (const event of stream) {
    events.push(event);
    if (events.length === count) break;
  }
  stream.close();
  return events;
}

apiServerTest(
  "a metadata-only watch carries the same events on the real server and the sim",
  async (server) => {
    await withBothServers(server, "metadata-watch", async (real, simulated, ref) => {
      const changes = (api: KubeApi) => async () => {
        await api.patch(ref, "a", { metadata: { labels: { tier: "db" } } }, { type: "merge" });
        await api.patch(ref, "b", { spec: { cpus: 2 } }, { type: "merge" });
        await api.delete(ref, "c");
      };
      const events = await metadataEvents(real, ref, changes(real), 3);
      assert.deepEqual(
        events.map((e) => [e.type, e.object?.kind, e.object?.apiVersion, e.object?.metadata?.name]),
        [
          ["MODIFIED", "PartialObjectMetadata", "meta.k8s.io/v1", "a"],
          ["MODIFIED", "PartialObjectMetadata", "meta.k8s.io/v1", "b"],
          ["DELETED", "PartialObjectMetadata", "meta.k8s.io/v1", "c"],
        ],
      );
      assert.ok(events.every((e) => !("spec" in e.object!) && !("status" in e.object!)));
      assert.deepEqual(events[0].object?.metadata?.labels, { tier: "db" });

      const simEvents = await metadataEvents(simulated, ref, changes(simulated), 3);
      assert.deepEqual(shape(simEvents), shape(events));
    });
  },
);
