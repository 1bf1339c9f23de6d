import { deepEqual, equal } from "node:assert/strict";
import fc from "fast-check";
import type { KubeObject } from "../../core/types.ts";
import { Store } from "./store.ts";

type Op = { type: "put" | "del"; ns: string; name: string };

const op = fc.record({
  type: fc.constantFrom<"put" | "del">("put", "put", "del"),
  ns: fc.constantFrom("a", "ab", "b"),
  name: fc.constantFrom("x", "y", "z", "w", "v"),
});

/** Apply one op through the store, the way the resource verbs commit. */
function apply(store: Store, state: Map<string, KubeObject>, o: Op): void {
  const key = `${o.ns}/${o.name}`;
  // Every version differs, so a walk that returns a newer or older version fails.
  const obj = {
    metadata: { namespace: o.ns, name: o.name, resourceVersion: String(store.resourceVersion + 1) },
  };
  if (o.type === "del") {
    if (state.delete(key)) store.commit("vms", "DELETED", key, obj);
  } else {
    store.commit("vms", state.has(key) ? "MODIFIED" : "ADDED", key, obj);
    state.set(key, obj);
  }
}

Deno.test("cursorAt() walks the snapshot at rv in key order from any key, and remaining() counts what is left (property)", () => {
  fc.assert(
    fc.property(
      fc.array(op, { maxLength: 30 }),
      fc.array(op, { maxLength: 30 }),
      fc.constantFrom<string | undefined>(undefined, "a", "ab", "b"),
      fc.constantFrom("", "a/x", "a/y", "ab/w", "b/z"),
      fc.boolean(),
      (before, after, namespace, from, readEarly) => {
        const store = new Store();
        const state = new Map<string, KubeObject>();
        // Reading between writes makes the store keep its sorted keys up to date incrementally.
        if (readEarly) store.list("vms");
        for (const o of before) apply(store, state, o);
        const rv = store.resourceVersion;
        const expected = [...state.entries()]
          .filter(([k]) => namespace === undefined || k.startsWith(`${namespace}/`))
          .filter(([k]) => k > from)
          .sort(([a], [b]) => a < b ? -1 : 1);
        for (const o of after) apply(store, state, o);
        const cursor = store.cursorAt("vms", rv, namespace, from);
        equal(cursor.remaining(), expected.length);
        const walked: [string, KubeObject][] = [];
        for (let e = cursor.next(); e; e = cursor.next()) {
          walked.push(e);
          equal(cursor.remaining(), expected.length - walked.length);
        }
        deepEqual(walked, expected);
        deepEqual(
          store.list("vms", namespace).map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`),
          [...state.keys()].filter((k) => namespace === undefined || k.startsWith(`${namespace}/`))
            .sort(),
        );
      },
    ),
    { numRuns: 500 },
  );
});
