/**
 * `-o yaml`: manifests a person can edit and `kubectl apply`, in kubectl 1.33's bytes.
 *
 * Output follows the YAML 1.1 reader of Go tooling (sigs.k8s.io/yaml, go-yaml v2): strings such
 * as `"yes"`, `"on"`, `"0755"`, `"0o644"`, `"123"` and timestamps are quoted so they stay strings.
 * Under watch every event is a new document with `---\n` before each one after the first, like
 * kubectl's YAMLPrinter; the document count lives in the instance.
 * @module
 */

import type { KubeObject } from "../core/types.ts";
import { escapeCell } from "./escape.ts";
import { listOf } from "./json.ts";
import { emitYaml } from "./_yaml_emitter.ts";
import { concatenatingStream, type StreamingRenderer } from "./list_stream.ts";

/**
 * One YAML document (no separator) as kubectl prints it: keys sorted, sequences not indented
 * under their key, long strings folded at column 80, no anchors/aliases even when a value object
 * is shared (_yaml_emitter.ts).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(toYaml({ on: "yes", kind: "VM" }), 'kind: VM\n"on": "yes"\n');
 * ```
 */
export function toYaml(value: unknown): string {
  return emitYaml(value);
}

/** Options for {@link createYamlRenderer}. */
export interface YamlRendererOptions {
  /** Print each object as its own document (watch) instead of a `List`. @default false */
  watch?: boolean;
}

/**
 * Create the `-o yaml` renderer. Under watch, a document for an event from a named cluster
 * starts with a `# context: NAME` comment, which YAML readers ignore.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const r = createYamlRenderer({ watch: true });
 * const a = r.event({ type: "ADDED", object: { kind: "A" } }, 0);
 * const b = r.event({ type: "DELETED", object: { kind: "B" } }, 0);
 * equal(a + b, "kind: A\n---\nkind: B\n");
 * ```
 */
export function createYamlRenderer(options: YamlRendererOptions = {}): StreamingRenderer {
  let documents = 0;
  const doc = (value: unknown, context?: string): string => {
    const sep = documents++ > 0 ? "---\n" : "";
    const note = context === undefined ? "" : `# context: ${escapeCell(context)}\n`;
    return sep + note + toYaml(value);
  };
  const list = (items: readonly KubeObject[], contexts?: readonly (string | undefined)[]) => {
    if (options.watch) return items.map((o, i) => doc(o, contexts?.[i])).join("");
    return doc(listOf(items));
  };
  return {
    list,
    single: (obj, context) => doc(obj, options.watch ? context : undefined),
    event: (ev) => doc(ev.object, ev.context),
    listStream() {
      if (options.watch) return concatenatingStream({ list });
      // One `List` document: its header at the first item, each page's items as the block
      // sequence under `items:` (sequences are not indented under their key, so a page of items
      // prints exactly as a top-level sequence does), `items: []` when there were none.
      let opened = false;
      return {
        page(items) {
          if (items.length === 0) return "";
          const head = opened ? "" : doc({ apiVersion: "v1" }) + "items:\n";
          opened = true;
          return head + toYaml(items);
        },
        // The keys after `items`, as listOf() orders them.
        end: () =>
          opened ? toYaml({ kind: "List", metadata: { resourceVersion: "" } }) : doc(listOf([])),
      };
    },
  };
}
