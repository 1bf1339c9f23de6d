/**
 * `-o name`: `kind.group/name` per object, kind lowercased, as kubectl prints it
 * e.g. `virtualmachine.hypersdk.io/web-1`. The output feeds back into
 * `hyperctl` and `kubectl` arguments and into `grep`, so nothing else is printed.
 * @module
 */

import { GROUP, type KindInfo } from "../core/kinds.ts";
import { type KubeObject, nameOf } from "../core/types.ts";
import { escapeCell } from "./escape.ts";
import { concatenatingStream, type StreamingRenderer } from "./list_stream.ts";

/**
 * The `kind.group/name` reference of one object.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "../core/kinds.ts";
 * equal(resourceName(kindByNoun("vm"), { metadata: { name: "web-1" } }), "virtualmachine.hypersdk.io/web-1");
 * ```
 */
export function resourceName(kind: KindInfo, obj: KubeObject): string {
  return `${qualifiedKind(kind)}/${escapeCell(nameOf(obj))}`;
}

/** The kind as kubectl names it in messages and `-o name`: `virtualmachine.hypersdk.io`. */
export function qualifiedKind(kind: KindInfo): string {
  return `${kind.kind.toLowerCase()}.${GROUP}`;
}

/**
 * Create the `-o name` renderer: one line per object or event, no event type (like kubectl).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "../core/kinds.ts";
 * const r = createNameRenderer(kindByNoun("op"));
 * equal(r.list([{ metadata: { name: "a" } }]), "vmoperation.hypersdk.io/a\n");
 * ```
 */
export function createNameRenderer(kind: KindInfo): StreamingRenderer {
  const line = (obj: KubeObject) => resourceName(kind, obj) + "\n";
  const list = (items: readonly KubeObject[]) => items.map(line).join("");
  return {
    list,
    single: line,
    event: (ev) => line(ev.object),
    listStream: () => concatenatingStream({ list }),
  };
}
