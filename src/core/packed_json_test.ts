import { deepStrictEqual as assertEquals, equal, notEqual } from "node:assert/strict";
import fc from "fast-check";
import { packJson, unpackJson } from "./packed_json.ts";

Deno.test("packJson() rewrites a value of about the same size into the same buffer", () => {
  const first = packJson({ metadata: { name: "vm-1", resourceVersion: "9" } });
  const bytes = first.bytes;
  const again = packJson({ metadata: { name: "vm-1", resourceVersion: "10" } }, first);
  equal(again, first);
  equal(again.bytes, bytes);
  assertEquals(unpackJson(again), { metadata: { name: "vm-1", resourceVersion: "10" } });
});

Deno.test("packJson() takes a new buffer for a value that outgrew the old one", () => {
  const first = packJson({ a: "x" });
  const grown = packJson({ a: "x".repeat(500) }, first);
  notEqual(grown.bytes, first.bytes);
  assertEquals(unpackJson(grown), { a: "x".repeat(500) });
});

Deno.test("packJson() keeps text that takes three bytes per character in UTF-8", () => {
  const value = { name: "€".repeat(300), emoji: "🖥️" };
  assertEquals(unpackJson(packJson(value)), value);
});

Deno.test("unpackJson() returns a new object each time, unaffected by changes to the last one", () => {
  const packed = packJson({ labels: { tier: "web" } });
  const first = unpackJson(packed) as { labels: { tier: string } };
  first.labels.tier = "db";
  assertEquals(unpackJson(packed), { labels: { tier: "web" } });
});

Deno.test("property: a sequence of packings into one another gives back each value", () => {
  const json = fc.dictionary(fc.string(), fc.jsonValue());
  fc.assert(fc.property(fc.array(json, { minLength: 1, maxLength: 10 }), (values) => {
    let packed = packJson(values[0]);
    for (const value of values) {
      packed = packJson(value, packed);
      assertEquals(unpackJson(packed), JSON.parse(JSON.stringify(value)));
    }
  }));
});
