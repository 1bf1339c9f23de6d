/**
 * RFC 6901 JSON pointers, as JSON patch paths and ajv's `instancePath` spell them.
 * @module
 */

import { isRecord } from "../../core/types.ts";

/** The unescaped reference tokens of a pointer (`""` is the whole document). */
export function pointerKeys(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new SyntaxError(`invalid JSON pointer "${path}"`);
  return path.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** One step down a pointer: an array index or an object key; undefined when there is none. */
export function childAt(value: unknown, key: string): unknown {
  return Array.isArray(value) ? value[Number(key)] : isRecord(value) ? value[key] : undefined;
}
