/**
 * Structural pruning and defaulting, the two rewrites the real apiextensions server applies to
 * every custom resource it decodes (pruning first, then defaults).
 *
 * Clients see the pruned, defaulted object in the write response, and hyperctl relies on CRD
 * defaults (e.g. `spec.running: true`), so the sim must produce the same shape.
 * @module
 */

import { cloneJson } from "./_clone_json.ts";
import { isRecord } from "../../core/types.ts";
import { OBJECT_META_FIELDS } from "./_object_meta.ts";

type Schema = Record<string, unknown>;

const preserves = (s: Schema) => s["x-kubernetes-preserve-unknown-fields"] === true;
const props = (s: Schema) =>
  isRecord(s.properties) ? s.properties as Record<string, Schema> : undefined;

/**
 * Drop fields the schema does not declare, in place (unless `x-kubernetes-preserve-unknown-fields`).
 *
 * At the root, `apiVersion`, `kind` and `metadata` always survive; embedded resources keep theirs.
 * Returns the dropped field paths, so `fieldValidation=Strict|Warn` can report them.
 */
export function prune(value: unknown, schema: Schema, path = "", root = true): string[] {
  const dropped: string[] = [];
  walk(value, schema, path, root, dropped);
  return dropped;
}

function walk(value: unknown, schema: Schema, path: string, root: boolean, out: string[]): void {
  if (Array.isArray(value)) {
    if (isRecord(schema.items)) {
      value.forEach((v, i) => walk(v, schema.items as Schema, `${path}[${i}]`, false, out));
    }
    return;
  }
  if (!isRecord(value)) return;
  const p = props(schema);
  const embedded = root || schema["x-kubernetes-embedded-resource"] === true;
  const additional = isRecord(schema.additionalProperties)
    ? schema.additionalProperties as Schema
    : undefined;
  for (const key of Object.keys(value)) {
    const sub = `${path === "" ? "" : path + "."}${key}`;
    if (embedded && (key === "apiVersion" || key === "kind" || key === "metadata")) {
      if (key === "metadata") pruneMeta(value[key], sub, out);
      else if (p?.[key]) walk(value[key], p[key], sub, false, out);
      continue;
    }
    const child = p?.[key] ?? additional;
    if (child) walk(value[key], child, sub, false, out);
    else if (!preserves(schema) && schema.additionalProperties !== true) {
      delete value[key];
      out.push(sub);
    }
  }
}

const META_FIELDS = new Set(OBJECT_META_FIELDS);

/** ObjectMeta is typed on the real server: unknown metadata fields never survive decoding. */
function pruneMeta(meta: unknown, path: string, out: string[]): void {
  if (!isRecord(meta)) return;
  for (const key of Object.keys(meta)) {
    if (!META_FIELDS.has(key)) {
      delete meta[key];
      out.push(`${path}.${key}`);
    }
  }
}

/**
 * Apply `default`s in place, top-down; a `null` in a non-nullable field is replaced by its
 * default or dropped (the real server's PruneNonNullableNullsWithoutDefaults).
 */
export function applyDefaults(value: unknown, schema: Schema): void {
  if (Array.isArray(value)) {
    if (isRecord(schema.items)) { for (const v of value) applyDefaults(v, schema.items as Schema); }
    return;
  }
  if (!isRecord(value)) return;
  const p = props(schema);
  if (p) {
    for (const [key, sub] of Object.entries(p)) {
      const cur = value[key];
      if (cur === undefined || (cur === null && sub.nullable !== true)) {
        if (sub.default !== undefined) value[key] = cloneJson(sub.default);
        else if (cur === null) delete value[key];
      }
      if (value[key] !== undefined) applyDefaults(value[key], sub);
    }
  }
  if (isRecord(schema.additionalProperties)) {
    for (const key of Object.keys(value)) {
      if (!p?.[key]) applyDefaults(value[key], schema.additionalProperties as Schema);
    }
  }
}
