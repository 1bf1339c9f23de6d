import assert from "node:assert/strict";
import { type ListReads, readsOnlyMetadata, templateReadsOnlyMetadata } from "./metadata_only.ts";
import { parseCustomColumns } from "./custom_columns.ts";
import { parseJsonPath } from "./jsonpath/mod.ts";
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

Deno.test("readsOnlyMetadata(): custom columns over .metadata need metadata only", () => {
  const columns = (spec: string): ListReads => ({
    ...NAMES,
    output: "custom-columns",
    customColumns: parseCustomColumns(spec),
  });
  assert.equal(readsOnlyMetadata(columns("NAME:.metadata.name,NS:{.metadata.namespace}")), true);
  assert.equal(readsOnlyMetadata(columns("APP:metadata.labels.app")), true);
  assert.equal(readsOnlyMetadata(columns("NAME:.metadata.name,CPUS:.spec.cpus")), false);
  assert.equal(
    readsOnlyMetadata(columns("KIND:.kind")),
    false,
    "an item's kind is not the object's",
  );
  // A columns file is read after the decision: whole objects.
  assert.equal(readsOnlyMetadata({ ...NAMES, output: "custom-columns" }), false);
  assert.equal(readsOnlyMetadata({ ...columns("NAME:.metadata.name"), watching: true }), false);
});

Deno.test("templateReadsOnlyMetadata(): every action must start at .metadata", () => {
  const cases: [string, boolean][] = [
    ["{.metadata.name}", true],
    ["{.metadata.labels['app.kubernetes.io/name']}", true],
    ['{.metadata.ownerReferences[?(@.kind=="VMOperation")].name}', true],
    ["{.metadata..name}", true],
    ["name: {.metadata.name}", true],
    ["{.metadata.name}{.spec.cpus}", false],
    ["{.apiVersion}", false],
    ["{..name}", false],
    ["{.*}", false],
    ["{$.metadata.name}", true], // `$` is the root, as a leading `.` is
    ["{range .metadata.labels}{end}", false],
  ];
  for (const [template, expected] of cases) {
    assert.equal(templateReadsOnlyMetadata(parseJsonPath(template)), expected, template);
  }
});
