/**
 * Objects of several kinds in the order they are printed: a section per run of one kind, as
 * kubectl prints a table per run (`get vm/a vm/b vmop/c vm/d` prints three) and one `List` of all.
 * @module
 */

import type { KindInfo } from "./kinds.ts";
import { type SortKey, sortObjects } from "./sort.ts";
import type { KubeObject } from "./types.ts";

/** Consecutive objects of one kind (none: a kind listed that has no objects). */
export interface KindSection {
  kind: KindInfo;
  objects: KubeObject[];
}

/** One object and its kind. */
export interface KindObject {
  kind: KindInfo;
  object: KubeObject;
}

/**
 * A section per run of objects of one kind, in order.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "./kinds.ts";
 * import { sectionsOf } from "./kind_sections.ts";
 * const [vm, op] = [kindByNoun("vm"), kindByNoun("op")];
 * const s = sectionsOf([vm, vm, op, vm].map((kind) => ({ kind, object: {} })));
 * equal(s.map((x) => `${x.kind.noun}×${x.objects.length}`).join(" "), "vm×2 op×1 vm×1");
 * ```
 */
export function sectionsOf(entries: readonly KindObject[]): KindSection[] {
  const sections: KindSection[] = [];
  for (const { kind, object } of entries) {
    const last = sections.at(-1);
    if (last?.kind === kind) last.objects.push(object);
    else sections.push({ kind, objects: [object] });
  }
  return sections;
}

/**
 * Whether more than one kind is printed, so that a table's NAME says each object's kind
 * (`virtualmachine.hypersdk.io/web-1`). A kind listed with no objects counts; a name not found
 * does not.
 */
export function showsKinds(sections: readonly KindSection[]): boolean {
  return new Set(sections.map((s) => s.kind)).size > 1;
}

/**
 * `sections` sorted by `key`: each section apart for tables (a table per kind), or every object
 * together when they print as one `List` (its sections then follow the sorted order).
 *
 * @throws SortFieldError as {@link sortObjects}
 */
export function sortSections(
  sections: readonly KindSection[],
  key: SortKey,
  together: boolean,
): KindSection[] {
  if (!together) {
    return sections.map((s) => ({ kind: s.kind, objects: sortObjects(s.objects, key) }));
  }
  const kindOf = new Map<KubeObject, KindInfo>();
  for (const s of sections) for (const o of s.objects) kindOf.set(o, s.kind);
  const sorted = sortObjects(sections.flatMap((s) => s.objects), key);
  return sectionsOf(sorted.map((object) => ({ kind: kindOf.get(object)!, object })));
}
