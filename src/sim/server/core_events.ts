/**
 * Core `v1` Events: a read-only view of the `events.k8s.io/v1` Events, as a real API server
 * serves one storage under both groups. `kubectl describe` reads Events only from here
 * (`involvedObject.*` field selectors), so against the sim it shows the operator's Events too.
 * @module
 */

import { matchesFields, parseFieldSelector } from "../../core/field_selector.ts";
import { getPath, isRecord, type KubeObject } from "../../core/types.ts";
import { badRequest } from "./status.ts";
import type { Store } from "./store.ts";

/** The field selectors the real server accepts for core Events. */
const SELECTABLE = new Set([
  "metadata.name",
  "metadata.namespace",
  "involvedObject.kind",
  "involvedObject.namespace",
  "involvedObject.name",
  "involvedObject.uid",
  "involvedObject.apiVersion",
  "involvedObject.resourceVersion",
  "involvedObject.fieldPath",
  "reason",
  "reportingComponent",
  "source",
  "type",
]);

/**
 * One `events.k8s.io/v1` Event in its core `v1` form, field for field as apimachinery converts
 * it (`note` → `message`, `regarding` → `involvedObject`, `deprecated*` → the old fields).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { coreEvent } from "./core_events.ts";
 * const e = coreEvent({ apiVersion: "events.k8s.io/v1", kind: "Event", note: "hi", regarding: { name: "web-1" } });
 * equal(e.message, "hi");
 * equal((e.involvedObject as { name: string }).name, "web-1");
 * ```
 */
export function coreEvent(e: KubeObject): KubeObject {
  const field = (name: string) => getPath(e, [name]);
  const defined = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return defined({
    apiVersion: "v1",
    kind: "Event",
    metadata: e.metadata,
    involvedObject: field("regarding") ?? {},
    related: field("related"),
    reason: field("reason"),
    message: field("note"),
    source: isRecord(field("deprecatedSource")) ? field("deprecatedSource") : {},
    firstTimestamp: field("deprecatedFirstTimestamp") ?? null,
    lastTimestamp: field("deprecatedLastTimestamp") ?? null,
    count: field("deprecatedCount"),
    type: field("type"),
    eventTime: field("eventTime"),
    series: field("series"),
    action: field("action"),
    reportingComponent: field("reportingController") ?? "",
    reportingInstance: field("reportingInstance") ?? "",
  });
}

/** `GET /api/v1[/namespaces/NS]/events[?fieldSelector=…]`: the EventList the real server gives. */
export function listCoreEvents(
  store: Store,
  namespace: string | undefined,
  fieldSelector: string | null,
): KubeObject {
  let selector;
  try {
    selector = parseFieldSelector(fieldSelector ?? "");
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  for (const r of selector) {
    if (!SELECTABLE.has(r.field)) throw badRequest(`field label not supported: ${r.field}`);
  }
  const items = store.list("events", namespace).map(coreEvent).filter((e) =>
    matchesFields(selector, e)
  );
  return {
    kind: "EventList",
    apiVersion: "v1",
    metadata: { resourceVersion: String(store.resourceVersion) },
    items,
  };
}
