/**
 * A source whose lists and watch events come without `metadata.managedFields`.
 *
 * Why: a watch keeps every object of its view (for diffs after a relist and for the state
 * file), and on a real API server managedFields is a large share of each object; nothing
 * downstream prints or reads it, so it is dropped as it arrives instead of being held per object.
 * @module
 */

import { map } from "../rx.ts";
import { stripManagedFields } from "../core/managed_fields.ts";
import { type KubeSource, type RxKube, toRxKube } from "./_rx_kube.ts";

/**
 * Wrap a source so every listed and watched object is stored without managedFields.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { lastValueFrom, of } from "../rx.ts";
 * const kube = { list$: () => of({ items: [{ metadata: { name: "a", managedFields: [] } }] }), watch$: () => of() };
 * const list = await lastValueFrom(leanSource(kube).list$({ group: "", version: "v1", plural: "x" }, {}));
 * deepEqual(list.items, [{ metadata: { name: "a" } }]);
 * ```
 */
export function leanSource(source: KubeSource): RxKube {
  const kube = toRxKube(source);
  return {
    list$: (ref, options) =>
      kube.list$(ref, options).pipe(
        map((list) => ({ ...list, items: list.items.map(stripManagedFields) })),
      ),
    watch$: (ref, options) =>
      kube.watch$(ref, options).pipe(
        map((event) =>
          event.object === undefined
            ? event
            : { ...event, object: stripManagedFields(event.object) }
        ),
      ),
  };
}
