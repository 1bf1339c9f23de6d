import assert from "node:assert/strict";
import { reusedChunks } from "./_body_chunks.ts";

const enc = new TextEncoder();
const lines = Array.from({ length: 50 }, (_, i) => `{"event":${i}}\n`);

/** A local server that sends each line as its own chunk, as a watch sends its events. */
function serveLines(): Deno.HttpServer<Deno.NetAddr> {
  return Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, () =>
    new Response(
      new ReadableStream({
        async start(controller) {
          for (const line of lines) {
            controller.enqueue(enc.encode(line));
            await new Promise((r) => setTimeout(r, 1));
          }
          controller.close();
        },
      }),
    ));
}

Deno.test("reusedChunks() reads a fetch body whole, every chunk in the same buffer", async () => {
  const server = serveLines();
  try {
    const response = await fetch(`http://127.0.0.1:${server.addr.port}/`);
    const dec = new TextDecoder();
    let text = "";
    let chunks = 0;
    let previous: Uint8Array | undefined;
    for await (const chunk of reusedChunks(response.body!)) {
      // The buffer of the previous chunk was handed to this read, so that view is now empty.
      if (previous !== undefined) assert.equal(previous.byteLength, 0);
      text += dec.decode(chunk, { stream: true });
      previous = chunk;
      chunks++;
    }
    assert.equal(text, lines.join(""));
    assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  } finally {
    await server.shutdown();
  }
});

Deno.test("reusedChunks() iterates a body that is not a byte stream as it is", async () => {
  const parts = ["a\n", "b\n"].map((s) => enc.encode(s));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(p);
      controller.close();
    },
  });
  const seen: Uint8Array[] = [];
  for await (const chunk of reusedChunks(body)) seen.push(chunk);
  assert.deepEqual(seen, parts);
});

Deno.test("reusedChunks() cancels the body when the reader stops early", async () => {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    type: "bytes",
    pull(controller) {
      controller.enqueue(enc.encode("x\n"));
    },
    cancel() {
      cancelled = true;
    },
  });
  for await (const _ of reusedChunks(body)) break;
  assert.equal(cancelled, true);
});
