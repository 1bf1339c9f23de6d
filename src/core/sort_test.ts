import { deepStrictEqual, throws } from "node:assert/strict";
import fc from "fast-check";
import { InputError } from "./input_error.ts";
import { kindByNoun } from "./kinds.ts";
import { parseSortKey, sortObjects } from "./sort.ts";
import { SortFieldError } from "./sort_field_error.ts";
import type { KubeObject } from "./types.ts";

const vm = kindByNoun("vm");
const obj = (name: string, spec: Record<string, unknown>, created?: string): KubeObject => ({
  metadata: { name, creationTimestamp: created },
  spec,
});
const names = (xs: KubeObject[]) => xs.map((x) => x.metadata?.name);
const sortedBy = (items: KubeObject[], field: string) =>
  names(sortObjects(items, parseSortKey(field, vm)));
/** Objects named a, b, … whose `spec.v` is each value in turn (undefined: no field). */
const withValues = (...values: unknown[]): KubeObject[] =>
  values.map((v, i) => obj(String.fromCharCode(97 + i), v === undefined ? {} : { v }));

Deno.test("sortObjects() compares memory as quantities, not strings", () => {
  const items = [
    obj("a", { memory: "16Gi" }),
    obj("b", { memory: "4Gi" }),
    obj("c", {
      memory: "4500Mi",
    }),
  ];
  deepStrictEqual(names(sortObjects(items, parseSortKey("memory", vm))), ["b", "c", "a"]);
  deepStrictEqual(names(sortObjects(items, parseSortKey(".spec.memory", vm))), ["b", "c", "a"]);
});

Deno.test("sortObjects() compares numbers numerically and puts missing values last", () => {
  const items = [obj("a", { cpus: 10 }), obj("b", {}), obj("c", { cpus: 9 })];
  deepStrictEqual(names(sortObjects(items, parseSortKey("{.spec.cpus}", vm))), ["c", "a", "b"]);
});

Deno.test("sortObjects() sorts age by creation time and keeps ties stable", () => {
  const items = [
    obj("new", {}, "2026-01-02T00:00:00Z"),
    obj("old", {}, "2026-01-01T00:00:00Z"),
    obj("old2", {}, "2026-01-01T00:00:00Z"),
  ];
  deepStrictEqual(names(sortObjects(items, parseSortKey("age", vm))), ["old", "old2", "new"]);
});

Deno.test("parseSortKey() takes every path form kubectl relaxes into a JSONPath", () => {
  const items: KubeObject[] = [
    {
      metadata: { name: "b", labels: { tier: "web", "app.kubernetes.io/name": "zeta" } },
      spec: { cpus: 4 },
      status: { conditions: [{ type: "Ready" }], ipAddresses: ["10.0.0.9"] },
    },
    {
      metadata: { name: "a", labels: { tier: "db", "app.kubernetes.io/name": "alpha" } },
      spec: { cpus: 2 },
      status: { conditions: [{ type: "Creating" }], ipAddresses: ["10.0.0.10", "10.0.0.1"] },
    },
  ];
  const cases: [string, string][] = [
    [".status.conditions[0].type", "{.status.conditions[0].type}"],
    [".status.ipAddresses[0]", "{.status.ipAddresses[0]}"],
    [".metadata.labels['tier']", "{.metadata.labels['tier']}"],
    [
      ".metadata.labels.app\\.kubernetes\\.io/name",
      "{.metadata.labels.app\\.kubernetes\\.io/name}",
    ],
    ["metadata.name", "{.metadata.name}"],
    ["{spec.cpus}", "{.spec.cpus}"],
    ["{.spec.cpus}", "{.spec.cpus}"],
    ["{.status.conditions[?(@.type)].type}", "{.status.conditions[?(@.type)].type}"],
  ];
  for (const [input, field] of cases) {
    const key = parseSortKey(input, vm);
    deepStrictEqual([key.field, names(sortObjects(items, key))], [field, ["a", "b"]], input);
  }
});

Deno.test("parseSortKey() refuses what kubectl refuses, with its reason (exit 2)", () => {
  const refused: [string, RegExp][] = [
    ["{.a}{.b}", /unexpected path string/],
    ["{.spec.cpus}}", /unexpected path string/],
    [".spec[", /unterminated array/],
    ["spec cpus", /unrecognized identifier cpus/],
  ];
  for (const [input, reason] of refused) {
    throws(() => parseSortKey(input, vm), InputError, input);
    throws(() => parseSortKey(input, vm), reason, input);
    throws(() => parseSortKey(input, vm), /cannot sort by .*\(sort by a JSONPath such as/, input);
  }
});

Deno.test("sortObjects() compares two strings by value when both are quantities", () => {
  const sizes = withValues("10.5Gi", "8.2Gi", "512Mi", "1.5G", "900M");
  deepStrictEqual(sortedBy(sizes, ".spec.v"), ["c", "e", "d", "b", "a"]);
  // kubectl reads a string of a suffix alone ("m") as the quantity 0.
  deepStrictEqual(sortedBy(withValues("1", "m", "-1"), ".spec.v"), ["c", "b", "a"]);
  // Equal quantities keep their order.
  deepStrictEqual(sortedBy(withValues("1Gi", "1024Mi", "1Mi"), ".spec.v"), ["c", "a", "b"]);
});

Deno.test("sortObjects() compares other strings by their UTF-8 bytes", () => {
  // "10" is a quantity, "10.0.0.9" is not: the pair compares by bytes.
  deepStrictEqual(sortedBy(withValues("10.0.0.9", "10.0.0.10", "10"), ".spec.v"), ["c", "b", "a"]);
  deepStrictEqual(sortedBy(withValues("b", "B", "a"), ".spec.v"), ["b", "c", "a"]);
  // U+FF01 is EF BC 81 in UTF-8, before the F0 of U+1F600 (UTF-16 units say otherwise).
  deepStrictEqual(sortedBy(withValues("\u{1F600}", "\uFF01", "z"), ".spec.v"), ["c", "b", "a"]);
  deepStrictEqual(sortedBy(withValues("\u{1F601}", "\u{1F600}x", "\u{1F600}"), ".spec.v"), [
    "c",
    "b",
    "a",
  ]);
});

Deno.test("sortObjects() compares numbers by value, whole or not", () => {
  deepStrictEqual(sortedBy(withValues(2, 1.5, 10, -1, 1), ".spec.v"), ["d", "e", "b", "a", "c"]);
});

Deno.test("sortObjects() orders what kubectl cannot compare by the text it prints for it", () => {
  // A number beside a quantity string compares by value, beside other text by bytes.
  deepStrictEqual(sortedBy(withValues(3, "2Gi", "2"), ".spec.v"), ["c", "a", "b"]);
  deepStrictEqual(sortedBy(withValues("x", 10, "1"), ".spec.v"), ["c", "b", "a"]);
  deepStrictEqual(sortedBy(withValues(true, false, true), ".spec.v"), ["b", "a", "c"]);
  // Maps and lists as their JSON.
  deepStrictEqual(sortedBy(withValues({ b: 1 }, { a: 2 }, ["z"]), ".spec.v"), ["c", "b", "a"]);
});

Deno.test("sortObjects() puts null and missing values last, in list order", () => {
  deepStrictEqual(sortedBy(withValues(undefined, 2, null, 1), ".spec.v"), ["d", "b", "a", "c"]);
  // The first value of the first result: an empty list selects nothing.
  deepStrictEqual(sortedBy(withValues([], [3, 1], [2]), ".spec.v[*]"), ["c", "b", "a"]);
});

Deno.test("sortObjects() fails on a path no object has, as kubectl, but sorts an empty list", () => {
  const items = withValues(2, 1);
  throws(
    () => sortedBy(items, ".spec.nope"),
    (e: unknown) =>
      e instanceof SortFieldError &&
      e.message === `couldn't find any field with path "{.spec.nope}" in the list of objects`,
  );
  throws(() => sortedBy(items, "status"), /path "\{\.status\.phase\}"/);
  deepStrictEqual(sortedBy([], ".spec.nope"), []);
  // One object with the field is enough, and a null is a value kubectl finds.
  deepStrictEqual(sortedBy(withValues(undefined, 1), ".spec.v"), ["b", "a"]);
  deepStrictEqual(sortedBy(withValues(undefined, null), ".spec.v"), ["a", "b"]);
});

Deno.test("sortObjects() fails where kubectl cannot walk an object: an index past the end", () => {
  throws(
    () => sortedBy(withValues(["x"], []), ".spec.v[0]"),
    (e: unknown) =>
      e instanceof SortFieldError &&
      e.message === "cannot sort by {.spec.v[0]}: array index out of bounds: index 0, length 0",
  );
});

Deno.test("a path of plain fields sorts as the JSONPath engine sorts, on any shapes of objects", () => {
  const key = parseSortKey(".spec.cpus", vm);
  deepStrictEqual(key.fields, ["spec", "cpus"]);
  const leaf = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom("2", "10", "1Gi", "512Mi", "a", ""),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
  );
  const spec = fc.oneof(
    fc.record({ cpus: leaf }, { requiredKeys: [] }),
    leaf,
  );
  const anObject = fc.record({ metadata: fc.record({ name: fc.string() }), spec }, {
    requiredKeys: ["metadata"],
  });
  fc.assert(fc.property(fc.array(anObject, { maxLength: 12 }), (items) => {
    const run = (k: typeof key) => {
      try {
        return sortObjects(items as KubeObject[], k);
      } catch (e) {
        return (e as Error).message;
      }
    };
    deepStrictEqual(run(key), run({ ...key, fields: undefined }));
  }));
});
