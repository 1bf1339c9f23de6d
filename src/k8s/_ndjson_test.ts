import assert from "node:assert/strict";
import fc from "fast-check";
import { decodeNdjson, NdjsonSyntaxError } from "./_ndjson.ts";

async function* chunksOf(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield p;
}

async function collect(parts: Uint8Array[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const v of decodeNdjson(chunksOf(parts))) out.push(v);
  return out;
}

const enc = new TextEncoder();

Deno.test("decodeNdjson() joins lines split across chunks", async () => {
  const parts = ['{"type":"ADD', 'ED","object":{"a":1}}\n{"type":"DELETED",', '"object":{}}\n'];
  assert.deepEqual(await collect(parts.map((p) => enc.encode(p))), [
    { type: "ADDED", object: { a: 1 } },
    { type: "DELETED", object: {} },
  ]);
});

Deno.test("decodeNdjson() keeps multi-byte characters split between chunks intact", async () => {
  const bytes = enc.encode('{"name":"ünïcødé-€"}\n');
  const cut = bytes.indexOf(0xe2) + 1; // inside the 3-byte "€"
  assert.deepEqual(await collect([bytes.slice(0, cut), bytes.slice(cut)]), [{ name: "ünïcødé-€" }]);
});

Deno.test("decodeNdjson() ignores blank lines and accepts a last line without newline", async () => {
  assert.deepEqual(await collect([enc.encode('\n\r\n{"a":1}\r\n  \n{"b":2}')]), [{ a: 1 }, {
    b: 2,
  }]);
});

Deno.test("decodeNdjson() yields events before the stream ends", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => release = r);
  async function* slow(): AsyncGenerator<Uint8Array> {
    yield enc.encode('{"first":true}\n');
    await gate; // the stream stays open, like a watch
    yield enc.encode('{"second":true}\n');
  }
  const it = decodeNdjson(slow());
  assert.deepEqual((await it.next()).value, { first: true });
  release();
  assert.deepEqual((await it.next()).value, { second: true });
  assert.deepEqual((await it.next()).done, true);
});

Deno.test("decodeNdjson() rejects a line that is not JSON", async () => {
  await assert.rejects(() => collect([enc.encode('{"a":1}\nnot json\n')]), NdjsonSyntaxError);
});

Deno.test("decodeNdjson() gives the same events for any chunking (property)", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.jsonValue(), { maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 10 }),
      async (values, cuts) => {
        const bytes = enc.encode(values.map((v) => JSON.stringify(v) + "\n").join(""));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const parts: Uint8Array[] = [];
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          parts.push(bytes.slice(prev, p));
          prev = p;
        }
        // JSON round trip normalises -0 and friends the same way on both sides.
        assert.deepEqual(await collect(parts), values.map((v) => JSON.parse(JSON.stringify(v))));
      },
    ),
  );
});
