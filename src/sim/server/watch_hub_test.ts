import { deepEqual, equal } from "node:assert/strict";
import type { KubeObject, WatchEvent } from "../../core/types.ts";
import { Store } from "./store.ts";
import { WatchHub, type WatchRequest } from "./watch_hub.ts";

const obj = (name: string, labels: Record<string, string> = {}, ns = "ns"): KubeObject => ({
  metadata: { namespace: ns, name, labels },
});

function commit(s: Store, type: "ADDED" | "MODIFIED" | "DELETED", o: KubeObject) {
  const out = {
    ...o,
    metadata: { ...o.metadata, resourceVersion: String(s.nextResourceVersion()) },
  };
  return s.commit("vms", type, `${o.metadata!.namespace}/${o.metadata!.name}`, out);
}

function request(over: Partial<WatchRequest> = {}): WatchRequest {
  return {
    resource: "vms",
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    namespace: "ns",
    matches: () => true,
    allowBookmarks: false,
    timeoutMs: 60_000,
    bookmarkIntervalMs: 60_000,
    render: (o) => o,
    ...over,
  };
}

/** Read events until `n` arrived or the stream ended. */
async function take(stream: ReadableStream<Uint8Array>, n: number): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  let buf = "";
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  while (out.length < n) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      out.push(JSON.parse(buf.slice(0, i)));
      buf = buf.slice(i + 1);
    }
  }
  await reader.cancel();
  return out;
}

const summary = (es: WatchEvent[]) =>
  es.map((e) => `${e.type} ${e.object.metadata?.name ?? ""}@${e.object.metadata?.resourceVersion}`);

Deno.test("watch: resourceVersion unset -> synthetic ADDED, then live events", async () => {
  const s = new Store();
  const hub = new WatchHub(s);
  commit(s, "ADDED", obj("a"));
  commit(s, "ADDED", obj("x", {}, "other"));
  const stream = hub.open(request());
  commit(s, "MODIFIED", obj("a", { v: "2" }));
  commit(s, "DELETED", obj("a"));
  deepEqual(summary(await take(stream, 3)), ["ADDED a@2", "MODIFIED a@4", "DELETED a@5"]);
  hub.close();
});

Deno.test("watch: resume from a resourceVersion replays later events only", async () => {
  const s = new Store();
  const hub = new WatchHub(s);
  const first = commit(s, "ADDED", obj("a"));
  commit(s, "ADDED", obj("b"));
  commit(s, "MODIFIED", obj("a", { x: "1" }));
  const es = await take(hub.open(request({ resourceVersion: String(first.rv) })), 2);
  deepEqual(summary(es), ["ADDED b@3", "MODIFIED a@4"]);
  hub.close();
});

Deno.test("watch: too old resourceVersion -> one ERROR 410 event, then the stream ends", async () => {
  const s = new Store();
  const hub = new WatchHub(s);
  commit(s, "ADDED", obj("a"));
  commit(s, "ADDED", obj("b"));
  s.compact();
  const es = await take(hub.open(request({ resourceVersion: "2" })), 5);
  deepEqual(es, [{
    type: "ERROR",
    object: {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "too old resource version: 2 (3)",
      reason: "Expired",
      code: 410,
    },
  }]);
  equal(hub.size, 0);
});

Deno.test("watch: selector transitions become ADDED / DELETED like the watch cache", async () => {
  const s = new Store();
  const hub = new WatchHub(s);
  const matches = (o: KubeObject) => o.metadata?.labels?.app === "web";
  const stream = hub.open(request({ matches, resourceVersion: String(s.resourceVersion) }));
  commit(s, "ADDED", obj("a"));
  commit(s, "MODIFIED", obj("a", { app: "web" }));
  commit(s, "MODIFIED", obj("a", { app: "web", x: "1" }));
  commit(s, "MODIFIED", obj("a", { app: "db" }));
  commit(s, "DELETED", obj("a", { app: "db" }));
  const es = await take(stream, 3);
  deepEqual(summary(es), ["ADDED a@3", "MODIFIED a@4", "DELETED a@5"]);
  deepEqual(es[2].object.metadata?.labels, { app: "web", x: "1" });
  hub.close();
});

Deno.test("watch: sendInitialEvents ends with the initial-events-end bookmark; periodic bookmarks", async () => {
  const s = new Store();
  const hub = new WatchHub(s);
  commit(s, "ADDED", obj("a"));
  const es = await take(
    hub.open(request({ sendInitialEvents: true, allowBookmarks: true, bookmarkIntervalMs: 20 })),
    3,
  );
  deepEqual(es.map((e) => e.type), ["ADDED", "BOOKMARK", "BOOKMARK"]);
  deepEqual(es[1].object, {
    kind: "VirtualMachine",
    apiVersion: "hypersdk.io/v1alpha1",
    metadata: { resourceVersion: "2", annotations: { "k8s.io/initial-events-end": "true" } },
  });
  deepEqual(es[2].object.metadata, { resourceVersion: "2" });
  hub.close();
});

Deno.test("watch: timeout and dropAll end streams cleanly", async () => {
  const s = new Store();
  const hub = new WatchHub(s);
  const t0 = performance.now();
  deepEqual(await take(hub.open(request({ resourceVersion: "1", timeoutMs: 50 })), 1), []);
  equal(performance.now() - t0 >= 45, true);
  const stream = hub.open(request({ resourceVersion: "1" }));
  equal(hub.size, 1);
  hub.dropAll();
  deepEqual(await take(stream, 1), []);
  equal(hub.size, 0);
});
