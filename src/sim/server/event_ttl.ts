/**
 * Events expire, as on a real cluster (kube-apiserver `--event-ttl`, 1 h by default), so a sim
 * left running with busy schedules does not grow without end. Expired Events are deleted like
 * any object, so watchers see them go.
 * @module
 */

import { parseTimestamp } from "../../core/age.ts";
import { getString, type KubeObject } from "../../core/types.ts";
import { EVENT_RESOURCE } from "./event_resource.ts";
import { type Store, storeKey } from "./store.ts";

/** kube-apiserver's default `--event-ttl`. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/**
 * Delete the Events created more than `ttlMs` before `nowMs`; returns how many went.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { Store } from "./store.ts";
 * import { expireEvents } from "./event_ttl.ts";
 * const store = new Store();
 * const ev = (name: string, t: string) => ({ metadata: { name, namespace: "ns", creationTimestamp: t } });
 * store.commit("events", "ADDED", "ns/old", ev("old", "2026-01-01T00:00:00Z"));
 * store.commit("events", "ADDED", "ns/new", ev("new", "2026-01-01T01:30:00Z"));
 * equal(expireEvents(store, Date.parse("2026-01-01T02:00:00Z"), 3_600_000), 1);
 * equal(store.list("events").length, 1);
 * ```
 */
export function expireEvents(store: Store, nowMs: number, ttlMs = EVENT_TTL_MS): number {
  const expired = store.list(EVENT_RESOURCE.plural).filter((e: KubeObject) => {
    const created = parseTimestamp(getString(e, ["metadata", "creationTimestamp"]));
    return created !== undefined && nowMs - created > ttlMs;
  });
  for (const e of expired) {
    const gone = structuredClone(e);
    gone.metadata = { ...gone.metadata, resourceVersion: String(store.nextResourceVersion()) };
    store.commit(
      EVENT_RESOURCE.plural,
      "DELETED",
      storeKey(
        getString(e, ["metadata", "namespace"]) ?? "",
        getString(e, ["metadata", "name"]) ?? "",
      ),
      gone,
    );
  }
  return expired.length;
}
