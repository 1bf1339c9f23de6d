/**
 * Golden-file comparison for large renderer outputs. Run with `UPDATE_GOLDEN=1` to rewrite the
 * files after an intended change, then review the diff.
 * @module
 */

import { equal } from "node:assert/strict";

/** Compare `actual` with `testdata/<name>` byte for byte (or rewrite it under UPDATE_GOLDEN=1). */
export async function assertGolden(name: string, actual: string): Promise<void> {
  const url = new URL(`./${name}`, import.meta.url);
  if (Deno.env.get("UPDATE_GOLDEN") === "1") {
    await Deno.writeTextFile(url, actual);
    return;
  }
  let expected: string;
  try {
    expected = await Deno.readTextFile(url);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(`golden file "${name}" is missing; run with UPDATE_GOLDEN=1 to create it`);
    }
    throw error;
  }
  equal(actual, expected, `output differs from golden file "${name}"`);
}
