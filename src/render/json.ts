/**
 * `-o json`: kubectl's pretty JSON (4-space indent) for a list or a single object.
 *
 * A list is always a `List` wrapper so `jq '.items[]'` works for zero, one or many results
 * as kubectl does; an empty result is kubectl's
 * `{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}`.
 * Events print as JSON Lines (see `jsonl.ts`); the factory picks that renderer under watch.
 * @module
 */

import type { KubeObject } from "../core/types.ts";
import { jsonLine } from "./jsonl.ts";
import type { Renderer, RenderEvent } from "./renderer.ts";

/** kubectl's JSONPrinter uses `json.MarshalIndent(obj, "", "    ")`. */
const INDENT = 4;

/**
 * Wrap items in the `List` kubectl prints for `get -o json|yaml` of a collection or of several
 * names: these keys in this order (kubectl marshals the map sorted), so the bytes match.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(listOf([]), { apiVersion: "v1", items: [], kind: "List", metadata: { resourceVersion: "" } });
 * ```
 */
export function listOf(items: readonly KubeObject[]): {
  apiVersion: "v1";
  items: KubeObject[];
  kind: "List";
  metadata: { resourceVersion: "" };
} {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}

/**
 * Create the `-o json` renderer. Contexts are not part of a manifest, so list and single output
 * stay plain objects; the JSON Lines events carry a `context` field instead.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const out = createJsonRenderer().list([]);
 * deepEqual(JSON.parse(out).items, []);
 * ```
 */
export function createJsonRenderer(): Renderer {
  return {
    list: (items) => JSON.stringify(listOf(items), null, INDENT) + "\n",
    single: (obj) => JSON.stringify(obj, null, INDENT) + "\n",
    event: (ev: RenderEvent) => jsonLine(ev),
  };
}
