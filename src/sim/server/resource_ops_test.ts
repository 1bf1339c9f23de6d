import assert, { deepEqual, equal, throws } from "node:assert/strict";
import type { KubeObject } from "../../core/types.ts";
import { admitterFor } from "./admission.ts";
import { vm, VM_DEF } from "../../testing/vm_crd_fixture.ts";
import { mergePatch } from "./patch.ts";
import { ResourceOps, type WriteOpts } from "./resource_ops.ts";
import { ApiError } from "./status.ts";
import { Store } from "./store.ts";

const W: WriteOpts = { dryRun: false, fieldValidation: "Warn" };
const T0 = Date.parse("2026-01-02T03:04:05.678Z");

function setup() {
  const store = new Store();
  return { store, ops: new ResourceOps(store, admitterFor(VM_DEF), () => T0) };
}

function statusOf(f: () => unknown): Record<string, unknown> {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e.status as unknown as Record<string, unknown>;
    throw e;
  }
  throw new Error("expected an ApiError");
}

Deno.test("create: stamps metadata, defaults, drops status, sorts keys", () => {
  const { ops, store } = setup();
  const r = ops.create("ns", vm("a", { status: { phase: "Running" } }), W);
  equal(r.code, 201);
  const m = r.object.metadata!;
  equal(m.namespace, "ns");
  equal(m.generation, 1);
  equal(m.resourceVersion, String(store.resourceVersion));
  equal(m.creationTimestamp, "2026-01-02T03:04:05Z");
  assert(/^[0-9a-f-]{36}$/.test(m.uid!));
  equal(r.object.status, undefined);
  deepEqual(r.object.spec, { cpus: 2, machineType: "q35", memory: "4Gi", running: true });
  deepEqual(Object.keys(r.object), ["apiVersion", "kind", "metadata", "spec"]);
});

Deno.test("create: generateName as the real server: base cut to 58, prefix checked as a name", () => {
  const { ops } = setup();
  const gen = (generateName: string) =>
    ops.create("ns", { ...vm(""), metadata: { generateName } }, W);
  const b = "b".repeat(100);
  const name = gen(`${b}-stop-`).object.metadata!.name!;
  equal(name.length, 63);
  assert(name.startsWith("b".repeat(58)), name);
  // The server masks the trailing dash (dropping one character), so 254 characters still pass.
  equal(gen(`${"c".repeat(253)}-`).object.metadata!.name!.length, 63);
  const long = `${"a".repeat(250)}-stop-`;
  const refused = statusOf(() => gen(long));
  equal(refused.code, 422);
  const refusedName = (refused.details as { name: string }).name;
  assert(/^a{58}[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(refusedName), refusedName);
  equal(
    refused.message,
    `VirtualMachine.hypersdk.io "${refusedName}" is invalid: metadata.generateName: Invalid value: "${long}": must be no more than 253 characters`,
  );
  const bad = statusOf(() => gen("Foo_bar-"));
  const badName = (bad.details as { name: string }).name;
  equal(
    (bad.details as { causes: { field: string }[] }).causes.map((c) => c.field).join(),
    "metadata.generateName,metadata.name",
  );
  assert(
    (bad.message as string).includes(
      `metadata.generateName: Invalid value: "Foo_bar-": a lowercase RFC 1123`,
    ),
  );
  assert(
    (bad.message as string).includes(`metadata.name: Invalid value: "${badName}": a lowercase`),
  );
});

Deno.test("create: AlreadyExists, Invalid, generateName, namespace mismatch, warnings, dryRun", () => {
  const { ops, store } = setup();
  ops.create("ns", vm("a"), W);
  deepEqual(statusOf(() => ops.create("ns", vm("a"), W)), {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: 'virtualmachines.hypersdk.io "a" already exists',
    reason: "AlreadyExists",
    details: { name: "a", group: "hypersdk.io", kind: "virtualmachines" },
    code: 409,
  });
  const bad = statusOf(() => ops.create("ns", vm("b", { spec: { cpus: 0, memory: "1Gi" } }), W));
  equal(bad.code, 422);
  equal(
    bad.message,
    'VirtualMachine.hypersdk.io "b" is invalid: spec.cpus: Invalid value: 0: spec.cpus in body should be greater than or equal to 1',
  );
  const gen = ops.create("ns", { ...vm(""), metadata: { generateName: "web-" } }, W);
  assert(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(gen.object.metadata!.name!));
  equal(
    statusOf(() => ops.create("ns", { ...vm("c"), metadata: { name: "c", namespace: "x" } }, W))
      .code,
    400,
  );
  const warned = ops.create("ns", vm("d", { spec: { cpus: 1, memory: "1Gi", zzz: 1 } }), W);
  deepEqual(warned.warnings, ['unknown field "spec.zzz"']);
  equal(
    statusOf(() =>
      ops.create("ns", vm("e", { spec: { cpus: 1, memory: "1Gi", zzz: 1 } }), {
        ...W,
        fieldValidation: "Strict",
      })
    ).message,
    'VirtualMachine in version "v1alpha1" cannot be handled as a VirtualMachine: strict decoding error: unknown field "spec.zzz"',
  );
  const rv = store.resourceVersion;
  ops.create("ns", vm("f"), { ...W, dryRun: true });
  equal(store.resourceVersion, rv);
  equal(statusOf(() => ops.get("ns", "f")).message, 'virtualmachines.hypersdk.io "f" not found');
});

Deno.test("update: conflict on stale resourceVersion, generation only on spec change, status kept", () => {
  const { ops, store } = setup();
  const a = ops.create("ns", vm("a"), W).object;
  ops.update("ns", "a", { ...a, status: { phase: "Running" } }, W, "status");
  const stale = { ...a, spec: { cpus: 3, memory: "4Gi" } };
  const c = statusOf(() => ops.update("ns", "a", stale, W));
  equal(c.code, 409);
  equal(
    c.message,
    'Operation cannot be fulfilled on virtualmachines.hypersdk.io "a": the object has been modified; please apply your changes to the latest version and try again',
  );
  const cur = ops.get("ns", "a");
  const labelled = ops.update("ns", "a", {
    ...cur,
    metadata: { ...cur.metadata, labels: { x: "y" } },
    status: { phase: "Failed" },
  }, W).object;
  equal(labelled.metadata!.generation, 1);
  deepEqual(labelled.status, { phase: "Running" });
  const resized =
    ops.update("ns", "a", { ...labelled, spec: { ...labelled.spec as object, cpus: 8 } }, W).object;
  equal(resized.metadata!.generation, 2);
  const rv = store.resourceVersion;
  const same = ops.update("ns", "a", resized, W).object;
  equal(store.resourceVersion, rv, "a no-op update must not write");
  equal(same.metadata!.resourceVersion, resized.metadata!.resourceVersion);
});

Deno.test("status update: only status changes, generation unchanged", () => {
  const { ops } = setup();
  ops.create("ns", vm("a"), W);
  const r = ops.patch(
    "ns",
    "a",
    (o) =>
      mergePatch(o, {
        spec: { cpus: 99 },
        status: { phase: "Running" },
        metadata: { labels: { a: "b" } },
      }),
    W,
    "status",
  ).object;
  deepEqual(r.status, { phase: "Running" });
  equal((r.spec as { cpus: number }).cpus, 2);
  equal(r.metadata!.labels, undefined);
  equal(r.metadata!.generation, 1);
  const bad = statusOf(() =>
    ops.patch("ns", "a", (o) => mergePatch(o, { status: { phase: "Nope" } }), W, "status")
  );
  equal(bad.code, 422);
});

Deno.test("delete: immediate without finalizers; with finalizers marks, then update removing them deletes", () => {
  const { ops, store } = setup();
  ops.create("ns", vm("a"), W);
  const gone = ops.delete("ns", "a", W);
  deepEqual(gone.body, {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    details: {
      name: "a",
      group: "hypersdk.io",
      kind: "virtualmachines",
      uid: gone.object.metadata!.uid,
    },
  });
  equal(statusOf(() => ops.get("ns", "a")).code, 404);
  ops.create("ns", { ...vm("b"), metadata: { name: "b", finalizers: ["hypersdk.io/x"] } }, W);
  const marked = ops.delete("ns", "b", W).object;
  equal(marked.metadata!.deletionTimestamp, "2026-01-02T03:04:05Z");
  equal(marked.metadata!.generation, 2);
  equal(
    ops.delete("ns", "b", W).object.metadata!.resourceVersion,
    marked.metadata!.resourceVersion,
  );
  const events: string[] = [];
  store.subscribe((e) => events.push(e.type));
  ops.patch("ns", "b", (o) => mergePatch(o, { metadata: { finalizers: null } }), W);
  deepEqual(events, ["DELETED"]);
  equal(statusOf(() => ops.get("ns", "b")).code, 404);
});

Deno.test("delete: preconditions conflict", () => {
  const { ops } = setup();
  const a = ops.create("ns", vm("a"), W).object as KubeObject;
  const c = statusOf(() => ops.delete("ns", "a", { ...W, preconditions: { uid: "nope" } }));
  equal(c.code, 409);
  equal(
    c.message,
    `Operation cannot be fulfilled on VirtualMachine.hypersdk.io "a": the UID in the precondition (nope) does not match the UID in record (${
      a
        .metadata!.uid
    }). The object might have been deleted and then recreated`,
  );
});

Deno.test("apply: creates when missing, merges when present", () => {
  const { ops } = setup();
  const merge = (live: KubeObject, applied: unknown) => mergePatch(live, applied);
  const created = ops.apply("ns", "a", vm("a"), merge, W);
  equal(created.code, 201);
  const updated = ops.apply("ns", "a", { ...vm("a"), spec: { cpus: 6 } }, merge, W).object;
  deepEqual(updated.spec, { cpus: 6, machineType: "q35", memory: "4Gi", running: true });
  throws(() => ops.apply("ns", "zz", vm("a"), merge, W), ApiError);
});
