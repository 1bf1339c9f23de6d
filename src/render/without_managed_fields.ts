/**
 * A renderer wrapper that drops `metadata.managedFields` before printing.
 *
 * kubectl prints them only with `--show-managed-fields`; hyperctl never does, so `-o yaml`
 * gives a clean manifest. As a wrapper it applies to every format without each one knowing.
 * @module
 */

import { stripManagedFields } from "../core/managed_fields.ts";
import { isStreamingRenderer, type ListStream, type StreamingRenderer } from "./list_stream.ts";
import type { Renderer } from "./renderer.ts";

export { stripManagedFields };

/**
 * Wrap a renderer so no output contains managedFields.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { createJsonLinesRenderer } from "./jsonl.ts";
 * const r = withoutManagedFields(createJsonLinesRenderer());
 * equal(r.single({ metadata: { managedFields: [{}] } }), '{"type":"ADDED","object":{"metadata":{}}}\n');
 * ```
 */
export function withoutManagedFields(renderer: Renderer): Renderer {
  const wrapped: Renderer = {
    list: (items, contexts) => renderer.list(items.map(stripManagedFields), contexts),
    single: (obj, context) => renderer.single(stripManagedFields(obj), context),
    event: (ev, atMs) => renderer.event({ ...ev, object: stripManagedFields(ev.object) }, atMs),
  };
  const events = renderer.events;
  if (events) {
    wrapped.events = (evs, atMs) =>
      events.call(
        renderer,
        evs.map((ev) => ({ ...ev, object: stripManagedFields(ev.object) })),
        atMs,
      );
  }
  if (!isStreamingRenderer(renderer)) return wrapped;
  const listStream = (): ListStream => {
    const inner = renderer.listStream();
    return {
      page: (items, contexts) => inner.page(items.map(stripManagedFields), contexts),
      end: () => inner.end(),
    };
  };
  const streaming: StreamingRenderer = {
    ...wrapped,
    listStream,
    ...(renderer.laysOutWholeList ? { laysOutWholeList: true } : {}),
  };
  return streaming;
}
