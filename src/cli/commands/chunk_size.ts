/**
 * `--chunk-size`: the page size of a list, shared by the commands that list.
 * @module
 */

import { InputError } from "../../core/input_error.ts";

/**
 * The page size `value` asks for (0: unpaginated).
 *
 * @throws InputError for anything but a whole number
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseChunkSize } from "./chunk_size.ts";
 * equal(parseChunkSize("0"), 0);
 * ```
 */
export function parseChunkSize(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new InputError(`--chunk-size must be a whole number >= 0, got "${value}"`);
  }
  return Number(value);
}
