import assert, { deepEqual, equal } from "node:assert/strict";
import { kindByNoun } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";
import { createJsonRenderer, jsonListStream } from "./json.ts";
import { fleet, NOW, vm } from "./testdata/fixtures.ts";

const opts = { kind: kindByNoun("vm"), nowMs: () => NOW };

Deno.test("json list of nothing parses back to exactly the empty List", async () => {
  const out = (await createRenderer("json", opts)).list([]);
  equal(
    out,
    '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
  );
});

Deno.test("json list is pretty-printed with 4 spaces and round-trips its items", () => {
  const items = [vm("a", { phase: "Running", cpus: 2 }), vm("b")];
  const out = createJsonRenderer().list(items);
  equal(out.split("\n")[1], '    "apiVersion": "v1",');
  deepEqual(JSON.parse(out), {
    apiVersion: "v1",
    items: JSON.parse(JSON.stringify(items)),
    kind: "List",
    metadata: { resourceVersion: "" },
  });
});

Deno.test("json single prints the bare object, without managedFields", async () => {
  const obj = vm("a", { phase: "Running" });
  const parsed = JSON.parse((await createRenderer("json", opts)).single(obj));
  equal(parsed.kind, "VirtualMachine");
  equal("managedFields" in parsed.metadata, false);
  equal(parsed.metadata.name, "a");
  // The caller's object is untouched: a watch cache may still hold it.
  equal(Array.isArray(obj.metadata?.managedFields), true);
});

Deno.test("json keeps hostile strings intact: JSON escapes them itself", () => {
  const obj = { metadata: { name: "x", annotations: { note: "\x1b[2J\u2028" } } };
  deepEqual(JSON.parse(createJsonRenderer().single(obj)), obj);
});

Deno.test("json never colours, even with color on", async () => {
  const out = (await createRenderer("json", { ...opts, color: true })).list(fleet());
  equal(out.includes("\x1b"), false);
});

Deno.test("-o json escapes <, > and & (and U+2028/U+2029) as kubectl's Go encoder does", () => {
  const obj = { metadata: { name: "a", annotations: { note: "a <b> & c\u2028" } } };
  const escaped = '"note": "a \\u003cb\\u003e \\u0026 c\\u2028"';
  const r = createJsonRenderer();
  const ok = (v: boolean, m?: string) => equal(v, true, m);
  ok(r.single(obj).includes(escaped), r.single(obj));
  ok(r.list([obj]).includes(escaped));
  const stream = r.listStream();
  const paged = stream.page([obj]) + stream.page([obj]) + stream.end();
  equal(paged, r.list([obj, obj]));
  deepEqual(JSON.parse(paged).items[1], obj);
});

Deno.test("-o json prints integer-like keys in Go's order, as kubectl does (a label 10 before 9)", () => {
  const plain = { kind: "VM", metadata: { labels: { app: "a", tier: "b" }, name: "x" } };
  const digits = JSON.parse('{"kind":"VM","metadata":{"labels":{"10":"a","9":"b","app":"c"}}}');
  const want = '{\n    "kind": "VM",\n    "metadata": {\n        "labels": {\n' +
    '            "10": "a",\n            "9": "b",\n            "app": "c"\n        }\n    }\n}\n';
  assert.equal(createJsonRenderer().single(digits), want);
  // In a streamed list, the page holding such an object is written the same way, and a page
  // without one keeps the fast writer's bytes.
  const stream = jsonListStream();
  const text = stream.page([plain]) + stream.page([digits, plain]) + stream.end();
  assert.equal(text, createJsonRenderer().list([plain, digits, plain]));
  assert.match(text, /"10": "a",\n {20}"9": "b"/);
  assert.deepEqual(JSON.parse(text).items, [plain, digits, plain]);
});
