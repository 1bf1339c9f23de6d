import { deepEqual, equal } from "node:assert/strict";
import { itemWisePlan } from "./item_wise.ts";
import { parseJsonPath } from "./parse.ts";

const plan = (template: string, allowMissingKeys = true) =>
  itemWisePlan(parseJsonPath(template), allowMissingKeys);

Deno.test("a range over every item, with a body that cannot fail, splits around the items", () => {
  const p = plan('{.kind}:{range .items[*]}{.metadata.name}{"\\n"}{end}{"done"}');
  equal(p?.before.nodes.length, 2);
  equal(p?.items?.kind, "range");
  equal(p?.items?.kind === "range" && p.items.body.nodes.length, 2);
  equal(p?.after.nodes.length, 1);
});

Deno.test("a field path under every item is one group of values", () => {
  const items = plan("{.items[*].metadata.name}")?.items;
  equal(items?.kind, "values");
  equal(items?.select.type, "array");
  equal(items?.filtered, false);
  deepEqual(items?.path, {
    type: "list",
    nodes: [{ type: "field", name: "metadata" }, { type: "field", name: "name" }],
  });
  equal(plan("{.items[*].metadata.name}")?.buffered, false);
  equal(plan("{.items.*..name}")?.items?.kind, "values");
  equal(plan("{.items[:]}")?.items?.kind, "values");
});

Deno.test("a template that never reads the items splits with no item part", () => {
  deepEqual(plan('{.kind}{"\\n"}')?.items, undefined);
  equal(plan('{.kind}{"\\n"}')?.before.nodes.length, 2);
});

Deno.test("templates that need the whole list, or may fail on an item, do not split", () => {
  for (
    const t of [
      "{.items[0].metadata.name}",
      "{.items[-1:]}",
      "{.items[::2]}",
      "{.items[*].a} {.items[*].b}",
      "{range .items[*]}{range .a[*]}{@}{end}{end}",
      "{range .items[*]}{@[0]}{end}",
      "{range .items[*].a}{[?(@.b)]}{end}",
      "{range .items[*].a}{['x', 'y']}{[0]}{end}",
      "{range .items[*].a[0]}{@}{end}",
      "{.items[*].a[*]}",
      "{.items[*]['a','b']}",
      "{..name}",
      "{}",
      "{@}",
      "{.items}",
    ]
  ) equal(plan(t), undefined, t);
  equal(plan("{.items[*].a}", false), undefined);
});

Deno.test("a part that may fail on an item splits, but holds its text until the end", () => {
  for (
    const t of [
      "{range .items[*]}{.a[0]}{end}",
      "{range .items[*]}{.a[?(@.b)]}{end}",
      "{.items[?(@.a)].b}",
      '{range .items[?(@.status.phase=="Running")]}{.metadata.name}{"\\n"}{end}',
      '{.items[*].status.conditions[?(@.type=="Ready")].status}',
    ]
  ) {
    equal(plan(t)?.buffered, true, t);
  }
  equal(plan("{.items[?(@.a)].b}")?.items?.filtered, true);
  equal(plan("{.items[*].status.conditions[?(@.ok)]}")?.items?.filtered, false);
});
