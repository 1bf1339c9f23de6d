/**
 * Timestamps as Kubernetes writes them (RFC 3339, second precision, UTC).
 * @module
 */

let lastSecond = NaN;
let lastText = "";

/** Format epoch milliseconds the way the API server formats `metav1.Time`. */
export function rfc3339(ms: number): string {
  // Reconciles stamp many objects within one second (seeding 100 000 VMs): format it once.
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    lastSecond = second;
  }
  return lastText;
}

/** Parse an RFC 3339 timestamp; undefined for anything unparseable. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
