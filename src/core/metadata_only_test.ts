import assert from "node:assert/strict";
import { type ListReads, readsOnlyMetadata } from "./metadata_only.ts";
import { parseQuantity } from "./quantity.ts";

const NAMES: ListReads = { output: "name", filter: {}, where: false, watching: false };

Deno.test("readsOnlyMetadata(): -o name with metadata-only options needs metadata only", () => {
  assert.equal(readsOnlyMetadata(NAMES), true);
  assert.equal(
    readsOnlyMetadata({ ...NAMES, filter: { createdAfterMs: 1, createdBeforeMs: 2 } }),
    true,
  );
  assert.equal(readsOnlyMetadata({ ...NAMES, sortPath: ["metadata", "creationTimestamp"] }), true);
});

Deno.test("readsOnlyMetadata(): anything reading spec or status needs whole objects", () => {
  const cases: [string, ListReads][] = [
    ["-o json", { ...NAMES, output: "json" }],
    ["table", { ...NAMES, output: "table" }],
    ["-o jsonpath", { ...NAMES, output: "jsonpath" }],
    ["--status", { ...NAMES, filter: { statuses: ["Running"] } }],
    ["--node", { ...NAMES, filter: { node: "n1" } }],
    ["--min-cpus", { ...NAMES, filter: { minCpus: 2 } }],
    ["--min-memory", { ...NAMES, filter: { minMemory: parseQuantity("8Gi") } }],
    ["--where", { ...NAMES, where: true }],
    ["--sort-by .spec.cpus", { ...NAMES, sortPath: ["spec", "cpus"] }],
    ["-w", { ...NAMES, watching: true }],
  ];
  for (const [flag, reads] of cases) assert.equal(readsOnlyMetadata(reads), false, flag);
});
