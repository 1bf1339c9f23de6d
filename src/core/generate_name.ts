/**
 * The `generateName` hyperctl sends: what the API server would keep of the prefix anyway.
 * @module
 */

/**
 * How much of a generateName the server keeps before adding its 5 random characters, so that
 * the name fits in 63 (Kubernetes' SimpleNameGenerator: 63 - 5).
 */
export const GENERATE_NAME_BASE_MAX = 58;

/**
 * Cut a generateName prefix to the part the server keeps. Sending it whole would change nothing
 * for a prefix up to 253 characters, but the server refuses a longer one (so `vm stop` of a VM
 * with a valid 250-character name would fail), and `--dry-run=client` would show a name no
 * server makes. A trailing dot left by the cut is dropped: the server validates the prefix
 * itself as a name (only a trailing dash is allowed).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { boundedGenerateName } from "./generate_name.ts";
 * equal(boundedGenerateName("web-1-stop-"), "web-1-stop-");
 * equal(boundedGenerateName(`${"a".repeat(100)}-stop-`), "a".repeat(58));
 * equal(boundedGenerateName(`${"d".repeat(57)}.x-stop-`), "d".repeat(57));
 * ```
 */
export function boundedGenerateName(prefix: string): string {
  if (prefix.length <= GENERATE_NAME_BASE_MAX) return prefix;
  return prefix.slice(0, GENERATE_NAME_BASE_MAX).replace(/\.+$/, "");
}
