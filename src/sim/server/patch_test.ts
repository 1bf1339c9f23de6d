import assert, { deepEqual, throws } from "node:assert/strict";
import fc from "fast-check";
import { jsonPatch, mergePatch, PatchConflictError } from "./patch.ts";

Deno.test("mergePatch: RFC 7386 appendix examples", () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [t, p, want] of cases) deepEqual(mergePatch(t, p), want);
});

Deno.test("mergePatch: never modifies its inputs", () => {
  fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (t, p) => {
    const t0 = JSON.stringify(t), p0 = JSON.stringify(p);
    mergePatch(t, p);
    assert.equal(JSON.stringify(t), t0);
    assert.equal(JSON.stringify(p), p0);
  }));
});

Deno.test("jsonPatch: add/replace/remove/move/copy/test", () => {
  const doc = { spec: { cpus: 2, disks: [{ name: "a" }] }, metadata: { labels: { "a/b": "x" } } };
  const out = jsonPatch(doc, [
    { op: "replace", path: "/spec/cpus", value: 4 },
    { op: "add", path: "/spec/disks/-", value: { name: "b" } },
    { op: "add", path: "/spec/disks/0", value: { name: "z" } },
    { op: "remove", path: "/metadata/labels/a~1b" },
    { op: "copy", from: "/spec/cpus", path: "/spec/memoryCopy" },
    { op: "move", from: "/spec/memoryCopy", path: "/spec/moved" },
    { op: "test", path: "/spec/moved", value: 4 },
  ]);
  deepEqual(out, {
    spec: { cpus: 4, disks: [{ name: "z" }, { name: "a" }, { name: "b" }], moved: 4 },
    metadata: { labels: {} },
  });
  deepEqual(doc.spec.cpus, 2);
});

Deno.test("jsonPatch: failures are PatchConflictError, malformed ops SyntaxError", () => {
  throws(() => jsonPatch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }]), PatchConflictError);
  throws(() => jsonPatch({ a: 1 }, [{ op: "replace", path: "/b", value: 2 }]), PatchConflictError);
  throws(() => jsonPatch({ a: 1 }, [{ op: "remove", path: "/x/y" }]), PatchConflictError);
  throws(() => jsonPatch({ a: [] }, [{ op: "add", path: "/a/3", value: 1 }]), PatchConflictError);
  throws(() => jsonPatch({ a: 1 }, [{ op: "frob", path: "/a" }]), SyntaxError);
  throws(() => jsonPatch({ a: 1 }, { op: "add" }), SyntaxError);
});
