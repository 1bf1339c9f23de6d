import { deepStrictEqual, throws } from "node:assert/strict";
import { kindByNoun } from "./kinds.ts";
import { parseSortKey, sortObjects } from "./sort.ts";
import type { KubeObject } from "./types.ts";

const vm = kindByNoun("vm");
const obj = (name: string, spec: Record<string, unknown>, created?: string): KubeObject => ({
  metadata: { name, creationTimestamp: created },
  spec,
});
const names = (xs: KubeObject[]) => xs.map((x) => x.metadata?.name);

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

Deno.test("parseSortKey() rejects something that is not a path with a hint", () => {
  throws(() => parseSortKey("spec cpus", vm), /cannot sort by "spec cpus": expected a field path/);
});
