/**
 * `-o json` under watch: JSON Lines, one compact `{"type":…,"object":…}` per event.
 *
 * This is kubectl's `--output-watch-events` shape, made the default because
 * it is the only JSON a `while read` loop or `jq -c` can consume line by line.
 * @module
 */

import type { KubeObject } from "../core/types.ts";
import type { Renderer, RenderEvent } from "./renderer.ts";

/**
 * One event as one line: `type`, then `context` when present, then `object`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const line = jsonLine({ type: "ADDED", object: { kind: "VMOperation" } });
 * equal(line, '{"type":"ADDED","object":{"kind":"VMOperation"}}\n');
 * ```
 */
export function jsonLine(ev: RenderEvent): string {
  const out = ev.context === undefined
    ? { type: ev.type, object: ev.object }
    : { type: ev.type, context: ev.context, object: ev.object };
  // JSON.stringify escapes control characters (a newline in a string is `\n`): one event, one line.
  return JSON.stringify(out) + "\n";
}

/**
 * Create the watch-mode JSON renderer: the initial list and a single object print as ADDED
 * events, as kubectl does with `--output-watch-events`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const r = createJsonLinesRenderer();
 * equal(r.list([{ a: 1 }, { a: 2 }], ["x", "y"]).split("\n").length, 3);
 * ```
 */
export function createJsonLinesRenderer(): Renderer {
  const added = (object: KubeObject, context?: string) =>
    jsonLine({ type: "ADDED", object, context });
  return {
    list: (items, contexts) => items.map((o, i) => added(o, contexts?.[i])).join(""),
    single: (obj, context) => added(obj, context),
    event: (ev) => jsonLine(ev),
  };
}
