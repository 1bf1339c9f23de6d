import assert from "node:assert/strict";
import { rowsToRequest, type TableReads } from "./table_rows.ts";
import { parseQuantity } from "./quantity.ts";

const PLAIN: TableReads = {
  output: "table",
  watching: false,
  sorted: false,
  filter: {},
  where: false,
  severalClusters: false,
  allNamespaces: false,
};

Deno.test("rowsToRequest(): a plain table or wide list needs cells only", () => {
  assert.equal(rowsToRequest(PLAIN), "None");
  assert.equal(rowsToRequest({ ...PLAIN, output: "wide" }), "None");
  assert.equal(rowsToRequest({ ...PLAIN, labelColumns: [] }), "None");
  assert.equal(rowsToRequest({ ...PLAIN, filter: { node: undefined } }), "None");
});

Deno.test("rowsToRequest(): NAMESPACE, labels and creation-time filters need each row's metadata", () => {
  assert.equal(rowsToRequest({ ...PLAIN, allNamespaces: true }), "Metadata");
  assert.equal(rowsToRequest({ ...PLAIN, labelColumns: ["tier"] }), "Metadata");
  assert.equal(rowsToRequest({ ...PLAIN, showLabels: true }), "Metadata");
  assert.equal(rowsToRequest({ ...PLAIN, filter: { createdAfterMs: 0 } }), "Metadata");
  assert.equal(rowsToRequest({ ...PLAIN, filter: { createdBeforeMs: 0 } }), "Metadata");
});

Deno.test("rowsToRequest(): whatever reads spec or status, or merges or keeps objects, needs objects", () => {
  const needObjects: Partial<TableReads>[] = [
    { output: "json" },
    { output: "name" },
    { output: "custom-columns" },
    { watching: true },
    { sorted: true },
    { where: true },
    { severalClusters: true },
    { filter: { statuses: ["Running"] } },
    { filter: { node: "n1" } },
    { filter: { minCpus: 2 } },
    { filter: { minMemory: parseQuantity("8Gi") } },
    { filter: { createdAfterMs: 0, node: "n1" } },
  ];
  for (const change of needObjects) {
    assert.equal(rowsToRequest({ ...PLAIN, ...change }), undefined, Object.keys(change).join());
  }
});
