/**
 * `--output-watch-events` for formats that print objects (`-o yaml` under `-w`): each event
 * becomes the object `{object, type}`, as kubectl prints a `WatchEvent` (`object:` first, its
 * keys sorted). `-o json` under `-w` has this shape already (JSON Lines).
 * @module
 */

import type { KubeObject } from "../core/types.ts";
import type { Renderer, RenderEvent } from "./renderer.ts";

const asEvent = (type: RenderEvent["type"], object: KubeObject): KubeObject => ({ object, type });

/**
 * Wrap a watch renderer so every event (and every initial item, an ADDED event) prints as
 * `{object, type}`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { createJsonRenderer } from "./json.ts";
 * const r = withWatchEventObjects(createJsonRenderer());
 * equal(JSON.parse(r.event({ type: "DELETED", object: { kind: "VirtualMachine" } }, 0)).type, "DELETED");
 * ```
 */
export function withWatchEventObjects(renderer: Renderer): Renderer {
  return {
    list: (items, contexts) => renderer.list(items.map((o) => asEvent("ADDED", o)), contexts),
    single: (obj, context) => renderer.single(asEvent("ADDED", obj), context),
    event: (ev, atMs) => renderer.event({ ...ev, object: asEvent(ev.type, ev.object) }, atMs),
  };
}
