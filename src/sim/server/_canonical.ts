/**
 * Sorted-key deep copies: the order Go's JSON encoder gives unstructured objects, and a stable
 * form for comparing JSON values.
 * @module
 */

import { isRecord } from "../../core/types.ts";

/** Deep copy with object keys sorted, the order Go's JSON encoder gives unstructured objects. */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = canonical(value[k]);
  return out as T;
}
