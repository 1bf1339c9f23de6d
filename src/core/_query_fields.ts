/**
 * The fields `--where` can name, per kind, and how each reads an object defensively.
 * @module
 */

import { parseTimestamp } from "./age.ts";
import { memoryOf } from "./filters.ts";
import type { KindInfo } from "./kinds.ts";
import type { Quantity } from "./quantity.ts";
import { getNumber, getString, type KubeObject, labelsOf } from "./types.ts";

/** How a field's values are typed and compared. */
export type FieldType =
  | "string" // case-sensitive text
  | "status" // a phase, case-insensitive
  | "integer"
  | "number" // a percentage: `60` or `60%`
  | "quantity"
  | "age" // a duration, compared with now - creationTimestamp
  | "date"; // an RFC 3339 date or date-time

/** What a field reads from an object; undefined when missing or unreadable. */
export type FieldValue = string | number | Quantity | undefined;

/** One queryable field. */
export interface QueryField {
  readonly name: string;
  readonly type: FieldType;
  /** `nowMs` is only used by `age`. */
  readonly read: (obj: KubeObject, nowMs: number) => FieldValue;
}

const str = (name: string, ...paths: string[][]): QueryField => ({
  name,
  type: "string",
  read: (o) => paths.map((p) => getString(o, p)).find((v) => v !== undefined),
});
const num = (name: string, type: "integer" | "number", path: string[]): QueryField => ({
  name,
  type,
  read: (o) => getNumber(o, path),
});

const created = (o: KubeObject) => parseTimestamp(getString(o, ["metadata", "creationTimestamp"]));

const COMMON: readonly QueryField[] = [
  str("name", ["metadata", "name"]),
  str("namespace", ["metadata", "namespace"]),
  { name: "created", type: "date", read: (o) => created(o) },
  {
    name: "age",
    type: "age",
    read: (o, now) => {
      const t = created(o);
      return t === undefined ? undefined : now - t;
    },
  },
];

const status: QueryField = {
  name: "status",
  type: "status",
  read: (o) => getString(o, ["status", "phase"]),
};
const phase: QueryField = { ...status, name: "phase" };

const PER_NOUN: Readonly<Record<string, readonly QueryField[]>> = {
  vm: [
    str("node", ["status", "nodeName"]),
    num("cpus", "integer", ["spec", "cpus"]),
    { name: "memory", type: "quantity", read: (o) => memoryOf(o) },
  ],
  op: [
    str("vm", ["spec", "vmRef", "name"]),
    str("operation", ["spec", "operation"]),
    num("progress", "number", ["status", "progress"]),
  ],
  snapshot: [str("vm", ["spec", "vmRef", "name"])],
  backup: [
    str("vm", ["spec", "source", "vmName"]),
    num("progress", "number", ["status", "progress", "percentage"]),
  ],
  restore: [
    str("vm", ["spec", "destination", "vmName"], ["status", "restoredVMName"]),
    num("progress", "number", ["status", "progress", "percentage"]),
  ],
};

/** Every fixed field of a kind (labels.KEY comes on top). */
export function fieldsFor(kind: KindInfo): readonly QueryField[] {
  const phased = kind.phases.length > 0 ? [status, phase] : [];
  return [...COMMON, ...phased, ...(PER_NOUN[kind.noun] ?? [])];
}

/** The `labels.KEY` pseudo-field. */
export function labelField(key: string): QueryField {
  return { name: `labels.${key}`, type: "string", read: (o) => labelsOf(o)[key] };
}
