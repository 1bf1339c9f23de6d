import { deepEqual, equal } from "node:assert/strict";
import { VM_DEF } from "../../testing/vm_crd_fixture.ts";
import { jsonPathValues, toTable, wantsTable } from "./table.ts";

Deno.test("jsonPathValues: the CRD column subset", () => {
  const o = {
    status: {
      ipAddresses: ["a", "b"],
      conditions: [{ type: "A", status: "False" }, { type: "Ready", status: "True" }],
    },
    spec: { "x.y": 1 },
  };
  deepEqual(jsonPathValues(o, ".status.ipAddresses[0]"), ["a"]);
  deepEqual(jsonPathValues(o, ".status.ipAddresses[*]"), ["a", "b"]);
  deepEqual(jsonPathValues(o, ".status.ipAddresses[-1]"), ["b"]);
  deepEqual(jsonPathValues(o, `.status.conditions[?(@.type=="Ready")].status`), ["True"]);
  deepEqual(jsonPathValues(o, ".spec['x.y']"), [1]);
  deepEqual(jsonPathValues(o, ".status.missing.deeper"), []);
});

Deno.test("toTable: Name first, typed cells, nulls for missing, Age as HumanDuration", () => {
  const now = Date.parse("2026-01-01T01:00:00Z");
  const t = toTable(
    VM_DEF,
    [{
      metadata: { name: "a", namespace: "ns", creationTimestamp: "2026-01-01T00:00:00Z" },
      spec: { cpus: 4, memory: "4Gi" },
      status: { ipAddresses: ["10.0.0.1"] },
    }],
    { resourceVersion: "7" },
    { include: "Metadata", nowMs: now },
  );
  const cols = (t.columnDefinitions as { name: string }[]).map((c) => c.name);
  deepEqual(cols, ["Name", "Status", "CPUs", "Memory", "IPs", "Age"]);
  const row = (t.rows as { cells: unknown[]; object: { kind: string } }[])[0];
  deepEqual(row.cells, ["a", null, 4, "4Gi", "10.0.0.1", "60m"]);
  equal(row.object.kind, "PartialObjectMetadata");
  deepEqual(t.metadata, { resourceVersion: "7" });
});

Deno.test("wantsTable: kubectl's human-readable Accept header", () => {
  equal(
    wantsTable(
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json",
    ),
    true,
  );
  equal(wantsTable("application/json"), false);
  equal(wantsTable(null), false);
});
