import { deepEqual, equal } from "node:assert/strict";
import { parse, parseAllDocuments } from "yaml";
import { kindByNoun } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";
import { toYaml } from "./yaml.ts";
import { fleet, NOW } from "./testdata/fixtures.ts";

const opts = { kind: kindByNoun("vm"), nowMs: () => NOW };
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

Deno.test("yaml list is a List document that parses back to the items", async () => {
  const items = fleet();
  const out = (await createRenderer("yaml", opts)).list(items);
  equal(
    out.startsWith("apiVersion: v1\nitems:\n- apiVersion: hypersdk.io/v1alpha1\n") &&
      out.endsWith('\nkind: List\nmetadata:\n  resourceVersion: ""\n'),
    true,
  );
  const back = parse(out);
  equal(back.items.length, 30);
  equal(back.items[0].metadata.managedFields, undefined);
  const stripped = items.map((o) => {
    const { managedFields: _m, ...metadata } = o.metadata!;
    return { ...o, metadata };
  });
  deepEqual(back, {
    apiVersion: "v1",
    items: plain(stripped),
    kind: "List",
    metadata: { resourceVersion: "" },
  });
});

Deno.test("yaml empty list is items: []", async () => {
  equal(
    (await createRenderer("yaml", opts)).list([]),
    'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
  );
});

Deno.test("yaml quotes strings that YAML 1.1 readers would take for other types", () => {
  const obj = {
    metadata: { name: "x", labels: { a: "yes", b: "on", c: "0755", d: "123", e: "true", f: "~" } },
    spec: { n: "null", t: "2026-01-01T00:00:00Z", e: "1e3", empty: "" },
  };
  const out = toYaml(obj);
  for (const v of ['"yes"', '"on"', '"0755"', '"123"', '"true"', '"~"', '"null"', '"1e3"']) {
    equal(out.includes(v), true, v);
  }
  deepEqual(parse(out), obj);
  deepEqual(parse(out, { version: "1.1" }), obj);
});

Deno.test("yaml under watch separates documents with --- before all but the first", async () => {
  const r = await createRenderer("yaml", { ...opts, watch: true });
  const items = fleet().slice(0, 2);
  let out = r.list(items);
  out += r.event({ type: "MODIFIED", object: items[0] }, NOW);
  equal(out.startsWith("apiVersion:"), true);
  equal(out.split("\n---\n").length, 3);
  const docs = parseAllDocuments(out);
  equal(docs.length, 3);
  deepEqual(docs.map((d) => d.toJS().metadata.name), [
    "vm-00-with-a-longer-name",
    "vm-01",
    "vm-00-with-a-longer-name",
  ]);
});

Deno.test("yaml shared objects are written out, not as anchors", () => {
  const shared = { a: 1 };
  const out = toYaml({ x: shared, y: shared });
  equal(out.includes("&"), false);
  equal(out.includes("*"), false);
});

Deno.test("yaml under watch notes the context as a comment", async () => {
  const r = await createRenderer("yaml", { ...opts, watch: true, showContext: true });
  const out = r.event({ type: "ADDED", object: { kind: "A" }, context: "east" }, NOW);
  equal(out, "# context: east\nkind: A\n");
});
