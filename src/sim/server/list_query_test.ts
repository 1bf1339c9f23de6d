import assert, { deepEqual, equal, throws } from "node:assert/strict";
import { admitterFor } from "./admission.ts";
import { vm, VM_DEF } from "../../testing/vm_crd_fixture.ts";
import { listPage, selectorMatcher } from "./list_query.ts";
import { ResourceOps } from "./resource_ops.ts";
import { ApiError } from "./status.ts";
import { Store } from "./store.ts";

const W = { dryRun: false, fieldValidation: "Warn" as const };

function seeded(n: number) {
  const store = new Store();
  const ops = new ResourceOps(store, admitterFor(VM_DEF), Date.now);
  for (let i = 0; i < n; i++) {
    ops.create(i % 2 ? "odd" : "even", {
      ...vm(`vm-${String(i).padStart(3, "0")}`),
      metadata: {
        name: `vm-${String(i).padStart(3, "0")}`,
        labels: { tier: i % 3 ? "web" : "db" },
      },
    }, W);
  }
  return { store, ops };
}

const all = selectorMatcher(VM_DEF, null, null);
const names = (p: { items: { metadata?: { name?: string } }[] }) =>
  p.items.map((o) => o.metadata?.name);

Deno.test("selectorMatcher: label and field selectors; unknown field is 400 like the server", () => {
  const { store } = seeded(6);
  const m = selectorMatcher(VM_DEF, "tier=db", "metadata.namespace=even");
  deepEqual(names(listPage(store, VM_DEF, undefined, m, 0, null)), ["vm-000"]);
  const phase = selectorMatcher(VM_DEF, null, "status.phase=");
  equal(listPage(store, VM_DEF, undefined, phase, 0, null).items.length, 6);
  let err: unknown;
  try {
    selectorMatcher(VM_DEF, null, "spec.cpus=2");
  } catch (e) {
    err = e;
  }
  assert(err instanceof ApiError);
  equal(err.status.code, 400);
  equal(err.status.message, "field label not supported: spec.cpus");
  throws(() => selectorMatcher(VM_DEF, "a in (", null), ApiError);
});

Deno.test("listPage: limit/continue walk a consistent snapshot", () => {
  const { store, ops } = seeded(10);
  const p1 = listPage(store, VM_DEF, "even", all, 2, null);
  deepEqual(names(p1), ["vm-000", "vm-002"]);
  equal(p1.remainingItemCount, 3);
  ops.delete("even", "vm-004", W);
  ops.create("even", vm("vm-003x"), W);
  const p2 = listPage(store, VM_DEF, "even", all, 2, p1.continue!);
  deepEqual(names(p2), ["vm-004", "vm-006"], "page 2 reads the snapshot of page 1");
  equal(p2.resourceVersion, p1.resourceVersion);
  const p3 = listPage(store, VM_DEF, "even", all, 2, p2.continue!);
  deepEqual(names(p3), ["vm-008"]);
  equal(p3.continue, undefined);
});

Deno.test("listPage: compacted continue -> 410 Expired with an inconsistent-continue token; garbage -> 400", () => {
  const { store, ops } = seeded(4);
  const p1 = listPage(store, VM_DEF, undefined, all, 1, null);
  ops.delete("even", "vm-002", W);
  store.compact();
  let err: unknown;
  try {
    listPage(store, VM_DEF, undefined, all, 1, p1.continue!);
  } catch (e) {
    err = e;
  }
  assert(err instanceof ApiError);
  equal(err.status.code, 410);
  equal(err.status.reason, "Expired");
  assert(err.status.message!.startsWith("The provided continue parameter is too old"));
  const token = (err.status.metadata as { continue: string }).continue;
  deepEqual(names(listPage(store, VM_DEF, undefined, all, 10, token)), ["vm-001", "vm-003"]);
  throws(
    () => listPage(store, VM_DEF, undefined, all, 1, "garbage!"),
    (e: unknown) => e instanceof ApiError && e.status.code === 400,
  );
});

Deno.test("listPage: selectors with limit only continue while matches remain", () => {
  const { store } = seeded(12);
  const db = selectorMatcher(VM_DEF, "tier=db", null);
  const p1 = listPage(store, VM_DEF, undefined, db, 2, null);
  equal(p1.items.length, 2);
  equal(p1.remainingItemCount, undefined);
  const p2 = listPage(store, VM_DEF, undefined, db, 2, p1.continue!);
  equal(p2.items.length, 2);
  equal(p2.continue, undefined);
});

Deno.test("listPage: 10 000 objects list in well under a second", () => {
  const { store } = seeded(0);
  const ops = new ResourceOps(store, admitterFor(VM_DEF), Date.now);
  for (let i = 0; i < 10_000; i++) ops.create("ns", vm(`vm-${i}`), W);
  const t0 = performance.now();
  equal(listPage(store, VM_DEF, "ns", all, 0, null).items.length, 10_000);
  let pages = 0;
  let token: string | null = null;
  do {
    const p = listPage(store, VM_DEF, "ns", all, 500, token);
    token = p.continue ?? null;
    pages++;
  } while (token);
  equal(pages, 20);
  assert(performance.now() - t0 < 1000, `took ${performance.now() - t0} ms`);
});
