/**
 * CRD openAPIV3Schema validation with ajv, reporting errors in the real server's wording.
 *
 * hyperctl prints server validation errors verbatim and tests compare them with the real
 * server, so each ajv error is translated into the apimachinery `field.Error` text
 * (`spec.cpus: Invalid value: 0: spec.cpus in body should be greater than or equal to 1`).
 * @module
 */

import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { isRecord } from "../../core/types.ts";
import { childAt, pointerKeys } from "./_json_pointer.ts";
import type { Cause } from "./status.ts";

type Schema = Record<string, unknown>;

const DROP = new Set(["default", "description", "example", "format", "externalDocs"]);

/** Rewrite a Kubernetes structural schema into one ajv (draft-07) understands. */
export function toAjvSchema(schema: unknown, root = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toAjvSchema(s, false));
  if (!isRecord(schema)) return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (DROP.has(k) || k.startsWith("x-kubernetes-")) continue;
    if (k === "properties" && isRecord(v)) {
      const ps: Schema = {};
      for (const [name, sub] of Object.entries(v)) {
        // metadata is validated by the generic ObjectMeta rules, never by the CRD schema
        if (!(root && name === "metadata")) ps[name] = toAjvSchema(sub, false);
      }
      out.properties = ps;
    } else if (k === "enum" || k === "required") {
      out[k] = v;
    } else out[k] = toAjvSchema(v, false);
  }
  if (schema["x-kubernetes-int-or-string"] === true) out.type = ["integer", "string"];
  // OpenAPI 3.0 boolean exclusive bounds -> draft-07 numeric ones
  if (schema.exclusiveMinimum === true && typeof schema.minimum === "number") {
    out.exclusiveMinimum = schema.minimum;
    delete out.minimum;
  } else if (typeof schema.exclusiveMinimum === "boolean") delete out.exclusiveMinimum;
  if (schema.exclusiveMaximum === true && typeof schema.maximum === "number") {
    out.exclusiveMaximum = schema.maximum;
    delete out.maximum;
  } else if (typeof schema.exclusiveMaximum === "boolean") delete out.exclusiveMaximum;
  if (out.nullable === true && out.type === undefined) delete out.nullable;
  return out;
}

/** `/spec/disks/0/name` -> `spec.disks[0].name` */
function fieldPath(instancePath: string): string {
  let out = "";
  for (const key of pointerKeys(instancePath)) {
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out;
}

/** Render a value the way apimachinery's field.Error does. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function goType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function valueAt(doc: unknown, instancePath: string): unknown {
  let cur = doc;
  for (const key of pointerKeys(instancePath)) {
    cur = childAt(cur, key);
  }
  return cur;
}

const inv = (field: string, value: unknown, detail: string): Cause => ({
  reason: "FieldValueInvalid",
  message: `Invalid value: ${renderValue(value)}: ${detail}`,
  field,
});

/** Translate one ajv error into the real server's cause, or undefined for combinator noise. */
function toCause(e: ErrorObject, doc: unknown): Cause | undefined {
  const field = fieldPath(e.instancePath);
  const value = valueAt(doc, e.instancePath);
  const p = e.params as Record<string, unknown>;
  const body = `${field} in body`;
  switch (e.keyword) {
    case "required": {
      const f = field === "" ? String(p.missingProperty) : `${field}.${p.missingProperty}`;
      return { reason: "FieldValueRequired", message: "Required value", field: f };
    }
    case "type": {
      const want = Array.isArray(p.type) ? p.type.join(",") : String(p.type);
      const got = goType(value);
      return {
        reason: "FieldValueTypeInvalid",
        message: `Invalid value: "${got}": ${body} must be of type ${want}: "${got}"`,
        field,
      };
    }
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).map(renderValue).join(", ");
      return {
        reason: "FieldValueNotSupported",
        message: `Unsupported value: ${renderValue(value)}: supported values: ${allowed}`,
        field,
      };
    }
    case "minimum":
      return inv(field, value, `${body} should be greater than or equal to ${p.limit}`);
    case "exclusiveMinimum":
      return inv(field, value, `${body} should be greater than ${p.limit}`);
    case "maximum":
      return inv(field, value, `${body} should be less than or equal to ${p.limit}`);
    case "exclusiveMaximum":
      return inv(field, value, `${body} should be less than ${p.limit}`);
    case "pattern":
      return inv(field, value, `${body} should match '${p.pattern}'`);
    case "minLength":
      return inv(field, value, `${body} should be at least ${p.limit} chars long`);
    case "maxLength":
      return {
        reason: "FieldValueTooLong",
        message: `Too long: may not be more than ${p.limit} bytes`,
        field,
      };
    case "minItems":
      return inv(field, value, `${body} should have at least ${p.limit} items`);
    case "maxItems":
      return {
        reason: "FieldValueTooMany",
        message: `Too many: ${
          Array.isArray(value) ? value.length : 0
        }: must have at most ${p.limit} items`,
        field,
      };
    case "uniqueItems":
      return inv(field, value, `${body} shouldn't contain duplicates`);
    case "multipleOf":
      return inv(field, value, `${body} should be a multiple of ${p.multipleOf}`);
    case "minProperties":
      return inv(field, value, `${body} should have at least ${p.limit} properties`);
    case "maxProperties":
      return inv(field, value, `${body} should have at most ${p.limit} properties`);
    case "anyOf":
    case "oneOf":
    case "if":
      return undefined;
    default:
      return inv(field, value, `${body} ${e.message ?? "is invalid"}`);
  }
}

/** A compiled validator for one resource's schema. */
export type ObjectValidator = (obj: unknown) => Cause[];

/** Compile a CRD schema once; the returned function lists every violation (never throws). */
export function compileValidator(schema: Record<string, unknown>): ObjectValidator {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate: ValidateFunction = ajv.compile(toAjvSchema(schema) as object);
  return (obj) => {
    if (validate(obj)) return [];
    const seen = new Set<string>();
    const causes: Cause[] = [];
    for (const e of validate.errors ?? []) {
      const c = toCause(e, obj);
      const key = c && `${c.field}\u0000${c.message}`;
      if (c && key && !seen.has(key)) {
        seen.add(key);
        causes.push(c);
      }
    }
    return causes;
  };
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Validate metadata.name as a DNS-1123 subdomain, with the real server's message. */
export function validateName(name: string): Cause[] {
  return subdomainCauses(name, name, "metadata.name");
}

/**
 * Validate metadata.generateName as the real server does: as a name whose trailing dash is
 * masked (Go's maskTrailingDash drops the last two characters and appends "a", so a 254-character
 * prefix ending in "-" passes), reporting the prefix as given.
 */
export function validateGenerateName(prefix: string): Cause[] {
  const masked = prefix.length > 1 && prefix.endsWith("-") ? `${prefix.slice(0, -2)}a` : prefix;
  return subdomainCauses(masked, prefix, "metadata.generateName");
}

function subdomainCauses(checked: string, shown: string, field: string): Cause[] {
  const causes: Cause[] = [];
  if (checked.length > 253) {
    causes.push({
      reason: "FieldValueInvalid",
      message: `Invalid value: ${renderValue(shown)}: must be no more than 253 characters`,
      field,
    });
  }
  if (!DNS1123_SUBDOMAIN.test(checked)) {
    causes.push({
      reason: "FieldValueInvalid",
      message: `Invalid value: ${
        renderValue(shown)
      }: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      field,
    });
  }
  return causes;
}
