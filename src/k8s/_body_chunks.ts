/**
 * The bytes of a streaming response body, read into one buffer that is reused chunk after chunk.
 *
 * Why: Deno gives a default reader of a fetch body a fresh 64 KiB buffer per chunk, however few
 * bytes arrived, and a watch event usually arrives as a chunk of its own. Through a burst of
 * 10 000 events that was 10 000 such buffers outside the JS heap, freed only at some later
 * collection, and the process kept the malloc heap at that high water (+60 MiB of RSS). A BYOB
 * reader fills the caller's buffer instead, so a watch allocates one buffer for its lifetime.
 * @module
 */

/** Size of the reused buffer: the size Deno allocates per chunk for a default reader. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Yield the body's chunks; each is valid only until the next is requested (decode it at once).
 *
 * A body that is not a byte stream (the node:https transport builds its own, of exact-size
 * copies) is iterated as it is.
 *
 * @param body a response body
 * @returns the chunks, as views into one reused buffer
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const body = new Response("a\nb\n").body!;
 * let text = "";
 * for await (const chunk of reusedChunks(body)) text += new TextDecoder().decode(chunk);
 * equal(text, "a\nb\n");
 * ```
 */
export async function* reusedChunks(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = body.getReader({ mode: "byob" });
  } catch {
    yield* body;
    return;
  }
  let buffer = new ArrayBuffer(CHUNK_BYTES);
  try {
    for (;;) {
      const { value, done } = await reader.read(new Uint8Array(buffer));
      if (done || value === undefined) return;
      yield value;
      // The read transferred the buffer into `value`; take it back for the next read.
      buffer = value.buffer as ArrayBuffer;
    }
  } finally {
    // Stopping early (the watch was closed) cancels the body, as a for-await loop over it does.
    await reader.cancel().catch(() => {});
  }
}
