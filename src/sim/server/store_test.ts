import assert, { deepEqual, equal, throws } from "node:assert/strict";
import type { KubeObject } from "../../core/types.ts";
import { Store, type StoreEvent, TooOldError } from "./store.ts";

const obj = (ns: string, name: string, v: number): KubeObject => ({
  metadata: { namespace: ns, name, resourceVersion: String(v) },
  spec: { v },
});

Deno.test("Store: resourceVersion is global and increasing across resources", () => {
  const s = new Store();
  const a = s.commit("vms", "ADDED", "ns/a", obj("ns", "a", 2));
  const b = s.commit("ops", "ADDED", "ns/b", obj("ns", "b", 3));
  equal(a.rv, 2);
  equal(b.rv, 3);
  equal(s.resourceVersion, 3);
});

Deno.test("Store: list is key-ordered and namespace-scoped by prefix", () => {
  const s = new Store();
  for (const [ns, n] of [["b", "x"], ["a", "z"], ["a", "y"], ["ab", "q"]]) {
    s.commit("vms", "ADDED", `${ns}/${n}`, obj(ns, n, 0));
  }
  deepEqual(s.list("vms").map((o) => o.metadata?.name), ["y", "z", "q", "x"]);
  deepEqual(s.list("vms", "a").map((o) => o.metadata?.name), ["y", "z"]);
  deepEqual(s.list("vms", "zz"), []);
});

Deno.test("Store: eventsSince resumes within the window and throws TooOldError outside", () => {
  const s = new Store(3);
  for (let i = 0; i < 5; i++) s.commit("vms", "ADDED", `ns/${i}`, obj("ns", String(i), i));
  // rv 2..6 committed; window keeps 4,5,6 -> resumable from 3
  equal(s.oldestResumable, 3);
  deepEqual(s.eventsSince("vms", 3).map((e) => e.rv), [4, 5, 6]);
  deepEqual(s.eventsSince("vms", 5).map((e) => e.rv), [6]);
  throws(() => s.eventsSince("vms", 2), TooOldError);
  throws(() => s.eventsSince("vms", 1), { message: "too old resource version: 1 (3)" });
  s.compact();
  throws(() => s.eventsSince("vms", 5), TooOldError);
  deepEqual(s.eventsSince("vms", 6), []);
});

Deno.test("Store: listAt reconstructs an earlier snapshot", () => {
  const s = new Store();
  s.commit("vms", "ADDED", "ns/a", obj("ns", "a", 2));
  s.commit("vms", "ADDED", "ns/b", obj("ns", "b", 3));
  const at = s.resourceVersion;
  s.commit("vms", "MODIFIED", "ns/a", obj("ns", "a", 4));
  s.commit("vms", "DELETED", "ns/b", obj("ns", "b", 5));
  s.commit("vms", "ADDED", "ns/c", obj("ns", "c", 6));
  const snap = s.listAt("vms", at, "ns");
  deepEqual(snap.map(([k, o]) => `${k}@${o.metadata?.resourceVersion}`), ["ns/a@2", "ns/b@3"]);
  deepEqual(s.listAt("vms", at, "ns", "ns/a").map(([k]) => k), ["ns/b"]);
  s.compact();
  throws(() => s.listAt("vms", at), TooOldError);
});

Deno.test("Store: subscribers see every commit with the previous object", () => {
  const s = new Store();
  const seen: StoreEvent[] = [];
  const off = s.subscribe((e) => seen.push(e));
  s.commit("vms", "ADDED", "ns/a", obj("ns", "a", 2));
  s.commit("vms", "MODIFIED", "ns/a", obj("ns", "a", 3));
  off();
  s.commit("vms", "DELETED", "ns/a", obj("ns", "a", 4));
  deepEqual(seen.map((e) => e.type), ["ADDED", "MODIFIED"]);
  assert(seen[1].prev?.metadata?.resourceVersion === "2");
});

Deno.test("Store: 10 000 inserts and a list stay fast (no quadratic work)", () => {
  const s = new Store(1000);
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) {
    s.commit("vms", "ADDED", `ns/vm-${i}`, obj("ns", `vm-${i}`, i));
  }
  equal(s.list("vms", "ns").length, 10_000);
  assert(performance.now() - t0 < 2000, "10k inserts + list took over 2 s");
});
