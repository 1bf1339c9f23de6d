import assert from "node:assert/strict";
import { type TableReads, tableRows } from "./table_rows.ts";
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

Deno.test("tableRows(): a plain table or wide list needs cells only", () => {
  assert.equal(tableRows(PLAIN), "None");
  assert.equal(tableRows({ ...PLAIN, output: "wide" }), "None");
  assert.equal(tableRows({ ...PLAIN, labelColumns: [] }), "None");
  assert.equal(tableRows({ ...PLAIN, filter: { node: undefined } }), "None");
});

Deno.test("tableRows(): NAMESPACE, labels and creation-time filters need each row's metadata", () => {
  assert.equal(tableRows({ ...PLAIN, allNamespaces: true }), "Metadata");
  assert.equal(tableRows({ ...PLAIN, labelColumns: ["tier"] }), "Metadata");
  assert.equal(tableRows({ ...PLAIN, showLabels: true }), "Metadata");
  assert.equal(tableRows({ ...PLAIN, filter: { createdAfterMs: 0 } }), "Metadata");
  assert.equal(tableRows({ ...PLAIN, filter: { createdBeforeMs: 0 } }), "Metadata");
});

Deno.test("tableRows(): whatever reads spec or status, or merges or keeps objects, needs objects", () => {
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
    assert.equal(tableRows({ ...PLAIN, ...change }), undefined, Object.keys(change).join());
  }
});
