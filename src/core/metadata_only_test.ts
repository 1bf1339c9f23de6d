import assert from "node:assert/strict";
import {
  jsonPathReadsOnlyItemMetadata,
  type ListReads,
  readsOnlyMetadata,
  templateReadsOnlyMetadata,
} from "./metadata_only.ts";
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
  const sortBy = (field: string) => ({ ...NAMES, sortTemplate: parseJsonPath(field) });
  assert.equal(readsOnlyMetadata(sortBy("{.metadata.creationTimestamp}")), true);
  assert.equal(readsOnlyMetadata(sortBy("{.metadata.labels['tier']}")), true);
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
    ["--sort-by .spec.cpus", { ...NAMES, sortTemplate: parseJsonPath("{.spec.cpus}") }],
    ["--sort-by .kind", { ...NAMES, sortTemplate: parseJsonPath("{.kind}") }],
    ["-w --status", { ...NAMES, watching: true, filter: { statuses: ["Running"] } }],
    ["-w --state-file", { ...NAMES, watching: true, stateFile: true }],
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
  assert.equal(readsOnlyMetadata({ ...columns("NAME:.metadata.name"), watching: true }), true);
});

Deno.test("readsOnlyMetadata(): a watch printing only metadata needs metadata only", () => {
  const watch = { ...NAMES, watching: true };
  assert.equal(readsOnlyMetadata(watch), true);
  assert.equal(readsOnlyMetadata({ ...watch, filter: { createdAfterMs: 1 } }), true);
  assert.equal(
    readsOnlyMetadata({ ...watch, watchEvents: true }),
    true,
    "names ignore event types",
  );
  const template = (t: string, more: Partial<ListReads> = {}) =>
    readsOnlyMetadata({ ...watch, output: "jsonpath", jsonPath: parseJsonPath(t), ...more });
  // A watch's template runs on each object, not on a list.
  assert.equal(template('{.metadata.name}{"\\n"}'), true);
  assert.equal(template("{.items[*].metadata.name}"), false);
  assert.equal(template("{.spec.cpus}"), false);
  assert.equal(template("{.metadata.name}", { watchEvents: true }), false);
  // A checkpoint keeps whole objects for later runs, whatever they print.
  assert.equal(readsOnlyMetadata({ ...watch, stateFile: true }), false);
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
    ['{.metadata.name}{"\\n"}', true],
    ["{.metadata.name}{1}{true}", true],
    ['{"x".spec}', false],
  ];
  for (const [template, expected] of cases) {
    assert.equal(templateReadsOnlyMetadata(parseJsonPath(template)), expected, template);
  }
});

Deno.test("jsonPathReadsOnlyItemMetadata(): item-wise templates over the items' .metadata", () => {
  const cases: [string, boolean][] = [
    ["{.items[*].metadata.name}", true],
    ['{range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}', true],
    ["{range .items[*].metadata}{.name}{end}", true],
    ["{range .items[*].metadata.labels}{.app}{end}", true],
    ["{.kind} {.metadata.resourceVersion}{.items[*].metadata.uid} end", true],
    ["{.kind}", true], // reads no item at all
    ["{.items[*].spec.cpus}", false],
    ["{.items[*]}", false],
    ["{.items[*].kind}", false], // a metadata-only item's kind is PartialObjectMetadata
    ["{range .items[*]}{.metadata.name}{.status.phase}{end}", false],
    ["{range .items[*]}{.kind}{end}", false],
    ["{.items[0].metadata.name}", false], // not item-wise
    ['{.items[?(@.metadata.name=="a")].metadata.name}', true],
    ['{range .items[?(@.metadata.labels.app)]}{.metadata.name}{"\\n"}{end}', true],
    ['{.items[?(@.metadata.name=="a" || @.metadata.uid!="b")].metadata.name}', true],
    ["{.items[?(@.spec.cpus>4)].metadata.name}", false],
    ['{.items[?(@.metadata.name=="a" && @.status.phase)].metadata.name}', false],
    ['{.items[?(@=="a")].metadata.name}', false],
    ["{.items[?(@.metadata.name==@.spec.name)].metadata.name}", false],
    ["{..name}", false],
    ["{.items[*]..name}", false],
    ["{.items[*].metadata.name}{.items[*].metadata.uid}", false],
  ];
  for (const [template, expected] of cases) {
    assert.equal(jsonPathReadsOnlyItemMetadata(parseJsonPath(template), true), expected, template);
  }
  // A template failing on a missing key is not item-wise: it fetches whole objects, as before.
  assert.equal(
    jsonPathReadsOnlyItemMetadata(parseJsonPath("{.items[*].metadata.name}"), false),
    false,
  );
});

Deno.test("readsOnlyMetadata(): -o jsonpath over the items' .metadata needs metadata only", () => {
  const jsonPath = (output: string, template: string): ListReads => ({
    ...NAMES,
    output,
    jsonPath: parseJsonPath(template),
  });
  assert.equal(readsOnlyMetadata(jsonPath("jsonpath", "{.items[*].metadata.name}")), true);
  assert.equal(readsOnlyMetadata(jsonPath("jsonpath-as-json", "{.items[*].metadata.name}")), true);
  assert.equal(readsOnlyMetadata(jsonPath("jsonpath", "{.items[*].spec.cpus}")), false);
  assert.equal(
    readsOnlyMetadata({
      ...jsonPath("jsonpath", "{.items[*].metadata.name}"),
      allowMissingKeys: false,
    }),
    false,
  );
  // A template file is read after the decision: whole objects.
  assert.equal(readsOnlyMetadata({ ...NAMES, output: "jsonpath" }), false);
  assert.equal(
    readsOnlyMetadata(jsonPath("jsonpath", "{range .items[*]}{.spec.cpus}{end}")),
    false,
  );
});
