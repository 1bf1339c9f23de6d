import assert from "node:assert/strict";
import { servedCell, servedCellsOf, tableItems } from "./server_rows.ts";

const COLUMNS = [
  { name: "Name", type: "string", format: "name", priority: 0 },
  { name: "Status", type: "string", format: "", priority: 0 },
  { name: "Last Schedule", type: "date", format: "", priority: 0 },
];

Deno.test("tableItems() keeps each row's metadata, without managedFields, and its cells", () => {
  const metadata = { name: "web-1", namespace: "prod", labels: { tier: "web" } };
  const items = tableItems({
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: { resourceVersion: "7", continue: "abc" },
    columnDefinitions: COLUMNS,
    rows: [{
      cells: ["web-1", "Running", "5m"],
      object: {
        kind: "PartialObjectMetadata",
        metadata: { ...metadata, managedFields: [{ manager: "kubectl" }] },
      },
    }],
  })!;
  assert.deepEqual(items, [{ metadata }]);
  const served = servedCellsOf(items[0])!;
  assert.deepEqual(served.columns, ["NAME", "STATUS", "LAST SCHEDULE"]);
  assert.deepEqual(servedCell(served, "LAST SCHEDULE"), { value: "5m" });
  // Nothing of the row shows when the item is printed as data.
  assert.equal(JSON.stringify(items[0]), JSON.stringify({ metadata }));
});

Deno.test("tableItems() names a row without object from the table's name column", () => {
  const items = tableItems({
    kind: "Table",
    columnDefinitions: [COLUMNS[1], COLUMNS[0]],
    rows: [{ cells: ["Stopped", "db-1"] }, { cells: [null, "db-2"] }],
  })!;
  assert.deepEqual(items, [{ metadata: { name: "db-1" } }, { metadata: { name: "db-2" } }]);
  assert.deepEqual(servedCell(servedCellsOf(items[1])!, "STATUS"), { value: null });
});

Deno.test("tableItems() leaves any other answer to be read as a list", () => {
  assert.equal(tableItems({ kind: "VirtualMachineList", items: [{}] }), undefined);
  assert.equal(tableItems(undefined), undefined);
  assert.deepEqual(tableItems({ kind: "Table" }), []);
});

Deno.test("servedCell() tells a column the server does not print from an empty cell", () => {
  const served = { columns: ["NAME", "STATUS"], cells: ["a"] };
  assert.deepEqual(servedCell(served, "STATUS"), { value: null });
  assert.equal(servedCell(served, "NODE"), undefined);
  assert.equal(servedCellsOf({ metadata: { name: "a" } }), undefined);
});
