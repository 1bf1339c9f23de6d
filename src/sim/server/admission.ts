/**
 * The decode/admit pipeline every write goes through: structural pruning, defaulting, unknown
 * field reporting (`fieldValidation`), schema and name validation.
 *
 * Kept apart from the verbs so create, update, patch and apply admit objects identically,
 * as the real server's strategy does.
 * @module
 */

import { GENERATE_NAME_BASE_MAX } from "../../core/generate_name.ts";
import { isRecord, type KubeObject } from "../../core/types.ts";
import { canonical } from "./_canonical.ts";
import type { ResourceDef } from "./resource_defs.ts";
import {
  compileValidator,
  type ObjectValidator,
  validateGenerateName,
  validateName,
} from "./schema_validate.ts";
import { badRequest, type Cause, invalid } from "./status.ts";
import { annotationCauses } from "./limits.ts";
import { qualifiedNameErrors } from "./_qualified_name.ts";
import { applyDefaults, prune } from "./structural.ts";

/** `fieldValidation` query parameter values. */
export type FieldValidation = "Ignore" | "Warn" | "Strict";

/** A resource definition with its compiled validator. */
export interface Admitter {
  def: ResourceDef;
  validate: ObjectValidator;
}

/** Compile the schema of a resource once. */
export function admitterFor(def: ResourceDef): Admitter {
  return { def, validate: compileValidator(def.schema) };
}

/**
 * Prune and default an incoming object in place; returns warnings for dropped fields, or throws
 * 400 under `fieldValidation=Strict` like the real server.
 */
export function decode(a: Admitter, obj: KubeObject, mode: FieldValidation): string[] {
  const dropped = prune(obj, a.def.schema);
  applyDefaults(obj, a.def.schema);
  if (dropped.length === 0 || mode === "Ignore") return [];
  const msgs = dropped.map((f) => `unknown field "${f}"`);
  if (mode === "Strict") {
    const k = a.def.kind;
    throw badRequest(
      `${k} in version "${a.def.version}" cannot be handled as a ${k}: strict decoding error: ${
        msgs.sort().join(", ")
      }`,
    );
  }
  return msgs;
}

/** Validate a fully prepared object (after metadata stamping); throws 422 Invalid. */
export function validateObject(a: Admitter, obj: KubeObject): void {
  const name = obj.metadata?.name ?? "";
  const prefix = obj.metadata?.generateName;
  const causes: Cause[] = [
    // The real server checks the prefix first, then the name made from it.
    ...(typeof prefix === "string" && prefix !== "" ? validateGenerateName(prefix) : []),
    ...validateName(name),
    ...validateLabels(obj),
    ...keyCauses(obj, "annotations"),
    ...annotationCauses(obj),
    ...a.validate(obj),
  ];
  if (causes.length > 0) throw invalid(a.def, name, causes);
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Keys that are no qualified names; the server checks annotation keys in lower case. */
function keyCauses(obj: KubeObject, field: "labels" | "annotations"): Cause[] {
  const map = obj.metadata?.[field];
  if (!isRecord(map)) return [];
  return Object.keys(map).sort().flatMap((key) =>
    qualifiedNameErrors(field === "annotations" ? key.toLowerCase() : key).map((message) => ({
      reason: "FieldValueInvalid",
      message: `Invalid value: ${JSON.stringify(key)}: ${message}`,
      field: `metadata.${field}`,
    }))
  );
}

function validateLabels(obj: KubeObject): Cause[] {
  const labels = obj.metadata?.labels;
  if (!isRecord(labels)) return [];
  const out: Cause[] = [...keyCauses(obj, "labels")];
  for (const v of Object.values(labels)) {
    if (typeof v !== "string" || v.length > 63 || !LABEL_VALUE.test(v)) {
      out.push({
        reason: "FieldValueInvalid",
        message: `Invalid value: ${
          JSON.stringify(v)
        }: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        field: `metadata.labels`,
      });
    }
  }
  return out;
}

/** Everything but metadata (and status, when it is a subresource): what bumps generation. */
export function specPart(obj: KubeObject, hasStatus: boolean): string {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k !== "metadata" && !(hasStatus && k === "status")) rest[k] = v;
  }
  return JSON.stringify(canonical(rest));
}

/** True when two stored objects differ in anything but resourceVersion and managedFields. */
export function sameObject(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { resourceVersion: _rv, managedFields: _mf, ...meta } = o.metadata ?? {};
    return JSON.stringify(canonical({ ...o, metadata: meta }));
  };
  return strip(a) === strip(b);
}

/** RFC 3339 with seconds precision, the format of every Kubernetes timestamp. */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

const NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

/**
 * A name from generateName as the real server makes it: the prefix cut to 58 characters, so the
 * name with its 5-character suffix fits in 63 (the prefix itself is validated separately).
 */
export function generatedName(prefix: string): string {
  return `${prefix.slice(0, GENERATE_NAME_BASE_MAX)}${randomSuffix()}`;
}

/** The 5-character suffix the real server appends to generateName. */
function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return Array.from(bytes, (b) => NAME_CHARS[b % NAME_CHARS.length]).join("");
}
