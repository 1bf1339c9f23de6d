/**
 * A JSON value kept as UTF-8 bytes in a buffer of its own, rewritten in place when it changes.
 *
 * Why: a watch keeps the last version of every object it has seen (for the diff after a relist
 * and for the state file) and replaces one on every event. Kept as parsed objects, each event's
 * object outlived V8's young generation and was promoted, so V8 grew the young generation towards
 * its maximum and filled the old one with replaced versions until a full collection: +30 MiB of
 * RSS through a burst of 10 000 updates. The bytes of the next version of the same object go
 * into the same buffer, so an event leaves nothing behind for the collector.
 * @module
 */

/** One packed value: `bytes` holds its JSON text in the first `length` bytes. */
export interface PackedJson {
  bytes: Uint8Array;
  length: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Spare room for a value to grow by before its buffer is replaced. */
function roomFor(utf16Length: number): number {
  return utf16Length + (utf16Length >> 4) + 64;
}

/**
 * Pack `value` as JSON, into `reuse`'s buffer when it fits there.
 *
 * @param value a JSON value (what `JSON.parse` produced)
 * @param reuse an earlier packing whose buffer may be overwritten
 * @returns `reuse`, updated, or a new packing with some room to grow
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const first = packJson({ v: 1 });
 * equal(packJson({ v: 22 }, first), first);
 * equal(unpackJson(first).v, 22);
 * ```
 */
export function packJson(value: unknown, reuse?: PackedJson): PackedJson {
  const text = JSON.stringify(value);
  if (reuse !== undefined) {
    const { read, written } = encoder.encodeInto(text, reuse.bytes);
    if (read === text.length) {
      reuse.length = written;
      return reuse;
    }
  }
  let bytes = new Uint8Array(roomFor(text.length));
  let { read, written } = encoder.encodeInto(text, bytes);
  if (read < text.length) {
    // Mostly non-ASCII text: a UTF-16 unit takes at most 3 bytes of UTF-8.
    bytes = new Uint8Array(roomFor(text.length * 3));
    ({ read, written } = encoder.encodeInto(text, bytes));
  }
  return { bytes, length: written };
}

/**
 * The value, parsed afresh from its bytes (a new object on every call).
 *
 * @param packed a packing made by `packJson`
 * @returns the value
 */
export function unpackJson(packed: PackedJson): Record<string, unknown> {
  return JSON.parse(decoder.decode(packed.bytes.subarray(0, packed.length)));
}
