/**
 * Timestamps as Kubernetes writes them (RFC 3339, second precision, UTC).
 * @module
 */

/** Format epoch milliseconds the way the API server formats `metav1.Time`. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Parse an RFC 3339 timestamp; undefined for anything unparseable. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
