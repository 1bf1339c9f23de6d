/**
 * `describe`'s content as pure data: the object, the objects related to it and the events about
 * it go in; the view (what the text shows) and the document (what `-o json|yaml` prints) come out.
 * @module
 */

import type { Noun } from "../kinds.ts";
import {
  getPath,
  getString,
  getStringMap,
  isRecord,
  type KubeObject,
  nameOf,
  namespaceOf,
} from "../types.ts";
import { EVENT_COLUMNS, eventRows } from "./event_rows.ts";
import { objectNodes } from "./object_fields.ts";
import { relatedTable } from "./related_rows.ts";
import type { Cell, DescribeNode, DescribeView } from "./view.ts";

/** Related objects of one kind, found by one query. */
export interface RelatedObjects {
  key: string;
  title: string;
  noun: Noun;
  items: readonly KubeObject[];
}

/** Everything a describe shows of one object. */
export interface DescribeInput {
  object: KubeObject;
  related: readonly RelatedObjects[];
  /** Events about the object; undefined when the cluster has no events API. */
  events: readonly KubeObject[] | undefined;
}

/** kubectl hides this one: it repeats the whole object. */
const HIDDEN_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** kubectl's limit for an annotation on one line; longer ones are cut to it with `...`. */
const MAX_ANNOTATION_LENGTH = 140;

function labelLines(labels: Record<string, string>): string[] {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`);
}

/** `key: value`, or for a long or multi-line value `key:` then its lines, cut, as kubectl. */
function annotationLines(annotations: Record<string, string>): string[] {
  const cut = (s: string, max: number) => s.length > max ? `${s.slice(0, max)}...` : s;
  return Object.keys(annotations).sort().filter((k) => !HIDDEN_ANNOTATIONS.has(k)).flatMap(
    (k) => {
      const value = annotations[k].replace(/\n$/, "");
      if (value.length + k.length + 2 <= MAX_ANNOTATION_LENGTH && !value.includes("\n")) {
        return [`${k}: ${value}`];
      }
      return [`${k}:`, ...value.split("\n").map((l) => `  ${cut(l, MAX_ANNOTATION_LENGTH - 2)}`)];
    },
  );
}

function conditionsTable(status: unknown): DescribeNode {
  const list = getPath(status, ["conditions"]);
  const rows = (Array.isArray(list) ? list.filter(isRecord) : []).map((c): Cell[] => [
    getString(c, ["type"]) ?? "",
    getString(c, ["status"]) ?? "",
    getString(c, ["reason"]) ?? "",
    { age: getString(c, ["lastTransitionTime"]) },
    getString(c, ["message"]) ?? "",
  ]);
  return {
    type: "table",
    label: "Conditions",
    columns: ["Type", "Status", "Reason", "Age", "Message"],
    rows,
  };
}

function statusNode(status: unknown): DescribeNode {
  const phase = getString(status, ["phase"]);
  const children = [
    ...(phase === undefined ? [] : [{ type: "field" as const, label: "Phase", value: phase }]),
    ...objectNodes(status, ["phase", "conditions"]),
  ];
  return children.length
    ? { type: "section", label: "Status", children }
    : { type: "field", label: "Status", value: "<none>" };
}

/**
 * The text view of one object: metadata, spec and status in words, conditions, related objects
 * and events (left out when the cluster has no events API).
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { describeView } from "./describe_view.ts";
 * const vm = { metadata: { name: "web-1", namespace: "dev" }, spec: { cpus: 2 } };
 * const view = describeView({ object: vm, related: [], events: undefined });
 * deepEqual(view.slice(0, 2), [
 *   { type: "field", label: "Name", value: "web-1" },
 *   { type: "field", label: "Namespace", value: "dev" },
 * ]);
 * ```
 */
export function describeView(input: DescribeInput): DescribeView {
  const obj = input.object;
  const spec = objectNodes(obj.spec);
  const nodes: DescribeNode[] = [
    { type: "field", label: "Name", value: nameOf(obj) },
    { type: "field", label: "Namespace", value: namespaceOf(obj) },
    {
      type: "lines",
      label: "Labels",
      values: labelLines(getStringMap(obj, ["metadata", "labels"])),
    },
    {
      type: "lines",
      label: "Annotations",
      values: annotationLines(getStringMap(obj, ["metadata", "annotations"])),
    },
    {
      type: "field",
      label: "Created",
      value: { time: getString(obj, ["metadata", "creationTimestamp"]) ?? "" },
    },
    spec.length
      ? { type: "section", label: "Spec", children: spec }
      : { type: "field", label: "Spec", value: "<none>" },
    statusNode(obj.status),
    conditionsTable(obj.status),
    ...input.related.map((r): DescribeNode => ({
      type: "table",
      label: r.title,
      ...relatedTable(r.noun, r.items),
    })),
  ];
  if (input.events !== undefined) {
    nodes.push({
      type: "table",
      label: "Events",
      columns: EVENT_COLUMNS,
      rows: eventRows(input.events),
    });
  }
  return nodes;
}

/**
 * What `describe -o json|yaml` prints: the object, the related objects by key and the events
 * (no `events` key when the cluster has no events API).
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { describeDocument } from "./describe_view.ts";
 * const vm = { metadata: { name: "web-1" } };
 * deepEqual(
 *   describeDocument({ object: vm, related: [{ key: "snapshots", title: "Snapshots", noun: "snapshot", items: [] }], events: [] }),
 *   { object: vm, related: { snapshots: [] }, events: [] },
 * );
 * ```
 */
export function describeDocument(input: DescribeInput): Record<string, unknown> {
  return {
    object: input.object,
    related: Object.fromEntries(input.related.map((r) => [r.key, r.items])),
    ...(input.events === undefined ? {} : { events: input.events }),
  };
}
