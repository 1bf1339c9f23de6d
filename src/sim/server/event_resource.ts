/**
 * `events.k8s.io/v1` Events, served by the sim next to the CRDs so `describe` shows what the
 * simulated operator did, as it would on a real cluster. The field selectors are the ones a
 * real server accepts for this group (`regarding.*`, `reason`, `type`, `reportingController`).
 * @module
 */

import type { ResourceDef } from "./resource_defs.ts";

/** The Event resource as the sim serves it; any Event body is accepted as is. */
export const EVENT_RESOURCE: ResourceDef = {
  group: "events.k8s.io",
  version: "v1",
  kind: "Event",
  listKind: "EventList",
  plural: "events",
  singular: "event",
  shortNames: ["ev"],
  categories: [],
  namespaced: true,
  hasStatus: false,
  schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
  selectableFields: [
    "regarding.kind",
    "regarding.namespace",
    "regarding.name",
    "regarding.uid",
    "regarding.apiVersion",
    "reason",
    "type",
    "reportingController",
  ],
  printerColumns: [],
};
