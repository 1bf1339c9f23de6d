/**
 * `--sort-by`: order objects by a field, comparing numbers, quantities and times by value.
 *
 * kubectl sorts by a JSONPath and compares strings lexicographically, so `--sort-by=.spec.memory`
 * puts "16Gi" before "4Gi"; quantities here compare exactly instead. The sort is stable: objects
 * with equal values keep the server's order (kubectl's is not, so its ties may come out otherwise).
 * @module
 */

import { InputError } from "./input_error.ts";
import { parseTimestamp } from "./age.ts";
import type { KindInfo } from "./kinds.ts";
import { compareQuantities, parseQuantity, type Quantity } from "./quantity.ts";
import { getPath, type KubeObject } from "./types.ts";

/** A parsed sort key: a field path and how its values compare. */
export interface SortKey {
  path: readonly string[];
  /** How values compare; `auto` picks by the values themselves. */
  as: "auto" | "quantity" | "time";
}

/** Column-like names users type (`--sort-by memory`) mapped to field paths. */
const NAMED: Record<string, SortKey> = {
  name: { path: ["metadata", "name"], as: "auto" },
  namespace: { path: ["metadata", "namespace"], as: "auto" },
  age: { path: ["metadata", "creationTimestamp"], as: "time" },
  created: { path: ["metadata", "creationTimestamp"], as: "time" },
  status: { path: ["status", "phase"], as: "auto" },
  phase: { path: ["status", "phase"], as: "auto" },
  node: { path: ["status", "nodeName"], as: "auto" },
  cpus: { path: ["spec", "cpus"], as: "auto" },
  memory: { path: ["spec", "memory"], as: "quantity" },
  progress: { path: ["status", "progress"], as: "auto" },
};

/**
 * Parse `--sort-by`: a name (`memory`, `age`), a path (`.spec.cpus`) or kubectl's `{.spec.cpus}`.
 *
 * @example
 * ```ts
 * import { deepStrictEqual } from "node:assert/strict";
 * import { KINDS } from "./kinds.ts";
 * import { parseSortKey } from "./sort.ts";
 * deepStrictEqual(parseSortKey("{.spec.cpus}", KINDS[0]).path, ["spec", "cpus"]);
 * ```
 */
export function parseSortKey(input: string, _kind: KindInfo): SortKey {
  const text = input.trim();
  const named = NAMED[text.toLowerCase()];
  if (named) return named;
  const path = text.replace(/^\{(.*)\}$/, "$1");
  if (!/^(\.[A-Za-z0-9_-]+)+$/.test(path)) {
    throw new InputError(
      `cannot sort by "${input}": expected a field path like .spec.cpus or one of ${
        Object.keys(NAMED).join(", ")
      }`,
    );
  }
  const parts = path.slice(1).split(".");
  const isMemory = parts.join(".") === "spec.memory";
  const isTime = parts.at(-1)?.endsWith("Timestamp") || parts.at(-1)?.endsWith("Time");
  return { path: parts, as: isMemory ? "quantity" : isTime ? "time" : "auto" };
}

type Value =
  | { t: "num"; n: number }
  | { t: "qty"; q: Quantity }
  | { t: "str"; s: string }
  | { t: "none" };

function valueOf(obj: KubeObject, key: SortKey): Value {
  const raw = getPath(obj, key.path);
  if (raw === undefined || raw === null) return { t: "none" };
  if (key.as === "time") {
    const ms = parseTimestamp(raw);
    return ms === undefined ? { t: "none" } : { t: "num", n: ms };
  }
  if (key.as === "quantity" && (typeof raw === "string" || typeof raw === "number")) {
    try {
      return { t: "qty", q: parseQuantity(raw) };
    } catch {
      return { t: "str", s: String(raw) };
    }
  }
  if (typeof raw === "number") return { t: "num", n: raw };
  if (typeof raw === "boolean") return { t: "num", n: raw ? 1 : 0 };
  if (typeof raw === "string") return { t: "str", s: raw };
  return { t: "str", s: JSON.stringify(raw) };
}

function compareValues(a: Value, b: Value): number {
  // Missing values sort last, in list order. (kubectl 1.33's comparator calls a missing value
  // less than anything, itself included, so its sort leaves them first in an order the algorithm
  // decides: reversed for up to 12 objects.)
  if (a.t === "none" || b.t === "none") return a.t === b.t ? 0 : a.t === "none" ? 1 : -1;
  if (a.t === "num" && b.t === "num") return a.n - b.n;
  if (a.t === "qty" && b.t === "qty") return compareQuantities(a.q, b.q);
  const sa = a.t === "str" ? a.s : a.t === "num" ? String(a.n) : "";
  const sb = b.t === "str" ? b.s : b.t === "num" ? String(b.n) : "";
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Sort a copy of `items` by `key`; equal values keep their order (namespace/name from the server). */
export function sortObjects(items: readonly KubeObject[], key: SortKey): KubeObject[] {
  return items
    .map((obj, i) => ({ obj, i, v: valueOf(obj, key) }))
    .sort((a, b) => compareValues(a.v, b.v) || a.i - b.i)
    .map((x) => x.obj);
}
