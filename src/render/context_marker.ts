/**
 * Several clusters in one output (`--context a,b`, `--all-contexts`): say which cluster each
 * object came from without breaking the format's contract.
 *
 * `-o json|yaml` (and their watch forms) add the annotation `hyperctl.hypersdk.io/context` to
 * the printed copy — a manifest stays valid for `kubectl apply`, and nothing is written to the
 * cluster. `-o name` puts `--context=NAME` before the name, so each line is an argument list that
 * both `kubectl` and `hyperctl` accept (`… | xargs -L1 kubectl delete`).
 * @module
 */

import { isRecord, type KubeObject } from "../core/types.ts";
import { escapeCell } from "./escape.ts";
import type { Renderer } from "./renderer.ts";

/** The annotation that names an object's cluster in multi-cluster json/yaml output. */
export const CONTEXT_ANNOTATION = "hyperctl.hypersdk.io/context";

/**
 * A copy of `obj` annotated with its context (the input is not modified).
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { annotateContext } from "./context_marker.ts";
 * deepEqual(annotateContext({ metadata: { name: "a" } }, "prod"), {
 *   metadata: { name: "a", annotations: { "hyperctl.hypersdk.io/context": "prod" } },
 * });
 * ```
 */
export function annotateContext(obj: KubeObject, context: string | undefined): KubeObject {
  if (context === undefined) return obj;
  const metadata = isRecord(obj.metadata) ? obj.metadata : {};
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  return {
    ...obj,
    metadata: { ...metadata, annotations: { ...annotations, [CONTEXT_ANNOTATION]: context } },
  };
}

/** `--context=NAME ` for a name line; quoted for xargs and shells when it needs to be. */
function contextFlag(context: string | undefined): string {
  if (context === undefined) return "";
  const safe = escapeCell(context);
  return /^[\w.:@/+-]+$/.test(safe)
    ? `--context=${safe} `
    : `'--context=${safe.replaceAll("'", `'\\''`)}' `;
}

/**
 * Wrap the renderer of `format` so each object says which context it came from.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "../core/kinds.ts";
 * import { createNameRenderer } from "./name.ts";
 * import { withContextMarker } from "./context_marker.ts";
 * const r = withContextMarker(createNameRenderer(kindByNoun("vm")), "name");
 * equal(r.list([{ metadata: { name: "a" } }], ["prod"]), "--context=prod virtualmachine.hypersdk.io/a\n");
 * ```
 */
export function withContextMarker(renderer: Renderer, format: "json" | "yaml" | "name"): Renderer {
  if (format === "name") {
    return {
      list: (items, contexts) =>
        items.map((o, i) => contextFlag(contexts?.[i]) + renderer.single(o)).join(""),
      single: (obj, context) => contextFlag(context) + renderer.single(obj, context),
      event: (ev, atMs) => contextFlag(ev.context) + renderer.event(ev, atMs),
    };
  }
  return {
    list: (items, contexts) =>
      renderer.list(items.map((o, i) => annotateContext(o, contexts?.[i])), contexts),
    single: (obj, context) => renderer.single(annotateContext(obj, context), context),
    event: (ev, atMs) =>
      renderer.event({ ...ev, object: annotateContext(ev.object, ev.context) }, atMs),
  };
}
