/**
 * SHA256SUMS in the format `sha256sum` writes and `sha256sum -c` checks: one
 * `<hex>  <file name>` line per file.
 * @module
 */

/** The SHA-256 of `bytes` in lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * SHA256SUMS text for `sums` (file name → hex), sorted by name.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { formatSums } from "./checksums.ts";
 * equal(formatSums(new Map([["b.zip", "bb"], ["a.tar.gz", "aa"]])), "aa  a.tar.gz\nbb  b.zip\n");
 * ```
 */
export function formatSums(sums: ReadonlyMap<string, string>): string {
  return [...sums].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    .map(([name, hex]) => `${hex}  ${name}\n`).join("");
}

/**
 * Read SHA256SUMS text back: file name → hex.
 *
 * @throws SyntaxError naming the first line that is not `<64 hex>  <name>`
 */
export function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const [i, line] of text.split("\n").entries()) {
    if (line === "") continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new SyntaxError(`SHA256SUMS line ${i + 1} is not "<sha256>  <file>": ${line}`);
    sums.set(m[2], m[1]);
  }
  return sums;
}
