/**
 * JSON merge patch (RFC 7386) and JSON patch (RFC 6902), the two patch flavours CRs accept.
 *
 * Pure functions over plain JSON values; the handler turns thrown errors into the real server's
 * Status (400 for malformed patches, 422 for patches that do not apply).
 * @module
 */

import { cloneJson } from "./_clone_json.ts";
import { isRecord } from "../../core/types.ts";
import { canonical } from "./_canonical.ts";
import { childAt, pointerKeys } from "./_json_pointer.ts";

/** Apply an RFC 7386 merge patch; returns a new value (inputs are not modified). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  return isRecord(patch) ? mergeInto(cloneJson(target), patch) : cloneJson(patch);
}

/** Merge into `target`, which the caller owns: the copy is made once, not once per level. */
function mergeInto(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return cloneJson(patch);
  const out: Record<string, unknown> = isRecord(target) ? target : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergeInto(out[k], v);
  }
  return out;
}

/** A patch that cannot be applied (failed `test`, missing path): the server answers 422. */
export class PatchConflictError extends Error {
  override name = "PatchConflictError";
}

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parentOf(doc: unknown, keys: string[], path: string): unknown {
  let cur = doc;
  for (const k of keys.slice(0, -1)) {
    cur = childAt(cur, k);
    if (cur === undefined) {
      throw new PatchConflictError(`doc is missing path: "${path}": missing value`);
    }
  }
  return cur;
}

function index(arr: unknown[], key: string, path: string, allowEnd: boolean): number {
  if (key === "-" && allowEnd) return arr.length;
  const i = Number(key);
  if (!/^\d+$/.test(key) || i > arr.length || (!allowEnd && i === arr.length)) {
    throw new PatchConflictError(`Unable to access invalid index: ${key}: "${path}"`);
  }
  return i;
}

function get(doc: unknown, path: string): unknown {
  let cur = doc;
  for (const k of pointerKeys(path)) {
    cur = childAt(cur, k);
    if (cur === undefined) throw new PatchConflictError(`doc is missing path: "${path}"`);
  }
  return cur;
}

function remove(doc: unknown, path: string): unknown {
  const keys = pointerKeys(path);
  const parent = parentOf(doc, keys, path);
  const last = keys[keys.length - 1];
  if (Array.isArray(parent)) return parent.splice(index(parent, last, path, false), 1)[0];
  if (!isRecord(parent) || !(last in parent)) {
    throw new PatchConflictError(`Unable to remove nonexistent key: ${last}: missing value`);
  }
  const v = parent[last];
  delete parent[last];
  return v;
}

function add(doc: unknown, path: string, value: unknown, replace: boolean): unknown {
  const keys = pointerKeys(path);
  if (keys.length === 0) return value;
  const parent = parentOf(doc, keys, path);
  const last = keys[keys.length - 1];
  if (Array.isArray(parent)) {
    const i = index(parent, last, path, !replace);
    parent.splice(i, replace ? 1 : 0, value);
  } else if (isRecord(parent)) {
    if (replace && !(last in parent)) {
      throw new PatchConflictError(`replace operation does not apply: doc is missing key: ${path}`);
    }
    parent[last] = value;
  } else throw new PatchConflictError(`doc is missing path: "${path}": missing value`);
  return doc;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Apply an RFC 6902 JSON patch; returns a new document. Throws SyntaxError for malformed ops. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) {
    throw new SyntaxError("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  }
  let doc = cloneJson(target);
  for (const raw of ops as Op[]) {
    if (!isRecord(raw) || typeof raw.op !== "string" || typeof raw.path !== "string") {
      throw new SyntaxError(`invalid JSON patch operation ${JSON.stringify(raw)}`);
    }
    const value = cloneJson(raw.value);
    switch (raw.op) {
      case "add":
        doc = add(doc, raw.path, value, false);
        break;
      case "replace":
        doc = add(doc, raw.path, value, true);
        break;
      case "remove":
        remove(doc, raw.path);
        break;
      case "move": {
        const v = remove(doc, String(raw.from));
        doc = add(doc, raw.path, v, false);
        break;
      }
      case "copy":
        doc = add(doc, raw.path, cloneJson(get(doc, String(raw.from))), false);
        break;
      case "test":
        if (!deepEqual(get(doc, raw.path), raw.value)) {
          throw new PatchConflictError(`testing value ${raw.path} failed: test failed`);
        }
        break;
      default:
        throw new SyntaxError(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc;
}
