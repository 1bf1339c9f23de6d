/**
 * Shared pieces of the manifest builders: the manifest shape, metadata, pruning of empty fields
 * and the flag-value parsers every command uses (integers, switches, key=value lists).
 * @module
 */

import { InputError } from "../input_error.ts";
import { closest, didYouMean } from "../did_you_mean.ts";
import { boundedGenerateName } from "../generate_name.ts";
import { API_VERSION } from "../kinds.ts";
import { labelKeyError, labelValueError } from "../label_selector.ts";
import { validateDns1123Label, validateDns1123Name } from "../names.ts";
import type { KubeObject, ObjectMeta } from "../types.ts";

/** Label naming the VM an object acts on, so `-l hypersdk.io/vm=web-1` finds its operations. */
export const VM_LABEL = "hypersdk.io/vm";
/** Label naming the operation type of a VMOperation. */
export const OPERATION_LABEL = "hypersdk.io/operation";

/** Metadata of a built manifest: always a namespace, and a name or a generateName. */
export interface ManifestMeta extends ObjectMeta {
  namespace: string;
  labels?: Record<string, string>;
}

/** A complete, applyable object as a builder returns it: no status, no empty fields. */
export interface Manifest<S = Record<string, unknown>> extends KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ManifestMeta;
  spec: S;
}

/** How a builder names an object: a fixed name, or a prefix the server completes. */
export type Naming = { name: string } | { generateName: string };

/**
 * The `--name` the user chose, or else `generateName` so the server appends a random suffix and
 * repeating the command creates a new object instead of failing with AlreadyExists.
 */
export function nameOr(name: string | undefined, generateName: string): Naming {
  return name === undefined ? { generateName } : { name };
}

/**
 * Drop undefined, null, empty arrays and empty objects, recursively, so a manifest printed with
 * `--dry-run -o yaml` never carries `null` or `{}` the server would store. `false`, `0` and ""
 * are kept: they are real values (a label value may be empty); parsers reject empty flags.
 */
export function prune<T>(value: T): T {
  return pruneValue(value) as T;
}

function pruneValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out = value.map(pruneValue).filter((v) => v !== undefined);
    return out.length === 0 ? undefined : out;
  }
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = pruneValue(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value === null ? undefined : value;
}

/** Assemble a pruned manifest of a hypersdk.io kind; a generateName is cut as the server would. */
export function manifest<S>(
  kind: string,
  meta: Naming & { namespace: string; labels?: Record<string, string> },
  spec: S,
): Manifest<S> {
  const metadata: ManifestMeta = "name" in meta
    ? { name: meta.name, namespace: meta.namespace }
    : { generateName: boundedGenerateName(meta.generateName), namespace: meta.namespace };
  if (meta.labels && Object.keys(meta.labels).length > 0) metadata.labels = { ...meta.labels };
  return prune({ apiVersion: API_VERSION, kind, metadata, spec });
}

/**
 * Labels tying an object to its VM (and `extra` ones such as the operation). A name longer than
 * 63 characters is a valid object name but not a valid label value, so such a label is left out
 * rather than making create fail.
 */
export function vmLabels(vm: string, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ [VM_LABEL]: vm, ...extra })) {
    if (labelValueError(v) === undefined) out[k] = v;
  }
  return out;
}

/**
 * Check a required object name from the command line.
 *
 * @param what names the value in the invalid-name message (`VM name`)
 * @param missing the whole message when the value is absent (`vm create needs a VM name`)
 */
export function checkName(value: string | undefined, what: string, missing: string): string {
  if (value === undefined || value === "") throw new InputError(missing);
  return validateDns1123Name(value, what);
}

/** Check the namespace the command will write to. */
export function checkNamespace(namespace: string): string {
  return validateDns1123Label(namespace, "namespace");
}

/**
 * Parse an integer flag within bounds: `--cpus must be an integer from 1 to 128, got "0"`.
 * Only plain decimal digits are accepted (`1e2`, `0x10`, `4.0` are typos, not integers).
 */
export function parseIntFlag(flag: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  const message = `${flag} must be an integer ${range}, got ${JSON.stringify(raw)}`;
  if (!Number.isSafeInteger(n)) throw new InputError(message);
  if (n < min || n > max) throw new InputError(message);
  return n;
}

/**
 * Read a switch that may arrive as a boolean (`--start`) or as text (`--running=false`).
 * Undefined stays undefined so the caller can apply its own default.
 */
export function parseBoolFlag(
  flag: string,
  raw: string | boolean | undefined,
): boolean | undefined {
  if (raw === undefined || typeof raw === "boolean") return raw;
  const t = raw.trim().toLowerCase();
  if (["true", "1", "yes", "t", ""].includes(t)) return true;
  if (["false", "0", "no", "f"].includes(t)) return false;
  throw new InputError(`${flag} must be true or false, got ${JSON.stringify(raw)}`);
}

/**
 * Parse `k=v,k2=v2` (or several such strings, one per repeated flag) into a map of valid label
 * keys and values. Duplicated keys are an error: silently keeping one would hide a typo.
 */
export function parseKeyValues(
  flag: string,
  raw: string | readonly string[],
): Record<string, string> {
  const items = (typeof raw === "string" ? [raw] : raw)
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq < 0) {
      throw new InputError(
        `${flag} ${JSON.stringify(item)} is not key=value (as in "disktype=ssd")`,
      );
    }
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    const why = labelKeyError(key) ?? labelValueError(value);
    if (why) throw new InputError(`${flag} ${JSON.stringify(item)} is invalid: ${why}`);
    if (key in out) throw new InputError(`${flag} sets ${JSON.stringify(key)} more than once`);
    out[key] = value;
  }
  return out;
}

/**
 * Check a single-token flag value (bucket, region, node): non-empty and without whitespace, which
 * would otherwise reach the server or the storage backend as a confusing name.
 */
export function parseToken(flag: string, raw: string): string {
  if (raw.trim() === "") throw new InputError(`${flag} must not be empty`);
  if (/\s/.test(raw)) {
    throw new InputError(`${flag} ${JSON.stringify(raw)} must not contain spaces`);
  }
  return raw;
}

/**
 * Parse one value of a closed set, case-insensitively (`QCOW2` → `qcow2`), with a "did you mean"
 * for typos and unique prefixes (`azure` → `azure-blob`).
 */
export function parseEnum<T extends string>(flag: string, raw: string, values: readonly T[]): T {
  const found = values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
  if (found !== undefined) return found;
  const hint = closest(raw.trim(), values);
  throw new InputError(
    `${flag} ${JSON.stringify(raw)} is not one of ${values.join(", ")}` +
      didYouMean(hint),
  );
}
