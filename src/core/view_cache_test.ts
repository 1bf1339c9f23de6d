import { deepStrictEqual as assertEquals, ok } from "node:assert/strict";
import fc from "fast-check";
import type { KubeObject, WatchEvent } from "./types.ts";
import { objectKey } from "./types.ts";
import {
  applyEvent,
  applyListPage,
  cachedObjects,
  emptyCache,
  endList,
  replaceAll,
  type ViewEvent,
  visibleObjects,
} from "./view_cache.ts";

/** An object whose content is a function of (name, uid, rv): even rv = tier web. */
function obj(name: string, rv: number, uid = `uid-${name}`, namespace = "ns"): KubeObject {
  return {
    metadata: {
      name,
      namespace,
      uid,
      resourceVersion: String(rv),
      labels: { tier: rv % 2 === 0 ? "web" : "db" },
    },
  };
}
const isWeb = (o: KubeObject) => o.metadata?.labels?.tier === "web";
const ev = (type: WatchEvent["type"], object: KubeObject): WatchEvent => ({ type, object });

Deno.test("applyEvent() ADDED then MODIFIED then DELETED passes through", () => {
  const cache = emptyCache();
  const a1 = obj("a", 1);
  const a3 = obj("a", 3);
  assertEquals(applyEvent(cache, ev("ADDED", a1)), [{ type: "ADDED", object: a1 }]);
  assertEquals(applyEvent(cache, ev("MODIFIED", a3)), [{ type: "MODIFIED", object: a3 }]);
  assertEquals(applyEvent(cache, ev("DELETED", a3)), [{ type: "DELETED", object: a3 }]);
  assertEquals(cache.entries.size, 0);
  assertEquals(cache.resourceVersion, "3");
});

Deno.test("applyEvent() swallows a repeated event with the same uid and resourceVersion", () => {
  const cache = emptyCache();
  applyEvent(cache, ev("ADDED", obj("a", 1)));
  assertEquals(applyEvent(cache, ev("ADDED", obj("a", 1))), []);
  assertEquals(applyEvent(cache, ev("MODIFIED", obj("a", 1))), []);
});

Deno.test("applyEvent() turns ADDED of a known object into MODIFIED (no duplicate ADDED)", () => {
  const cache = emptyCache();
  applyEvent(cache, ev("ADDED", obj("a", 1)));
  assertEquals(applyEvent(cache, ev("ADDED", obj("a", 3))), [
    { type: "MODIFIED", object: obj("a", 3) },
  ]);
});

Deno.test("applyEvent() reports a recreate under a new uid as DELETED then ADDED", () => {
  const cache = emptyCache();
  applyEvent(cache, ev("ADDED", obj("a", 1, "u1")));
  assertEquals(applyEvent(cache, ev("MODIFIED", obj("a", 5, "u2"))), [
    { type: "DELETED", object: obj("a", 1, "u1") },
    { type: "ADDED", object: obj("a", 5, "u2") },
  ]);
  // A late DELETED for the old uid must not remove the new object.
  assertEquals(applyEvent(cache, ev("DELETED", obj("a", 1, "u1"))), []);
  assertEquals(cache.entries.size, 1);
});

Deno.test("applyEvent() BOOKMARK advances the resourceVersion and emits nothing", () => {
  const cache = emptyCache("3");
  const bookmark = { kind: "VirtualMachine", metadata: { resourceVersion: "77" } };
  assertEquals(applyEvent(cache, ev("BOOKMARK", bookmark)), []);
  assertEquals(cache.resourceVersion, "77");
  assertEquals(cache.entries.size, 0);
});

Deno.test("applyEvent() view: leaving the filter is DELETED, entering is ADDED, outside is dropped", () => {
  const cache = emptyCache();
  assertEquals(applyEvent(cache, ev("ADDED", obj("a", 2)), isWeb), [
    { type: "ADDED", object: obj("a", 2) },
  ]);
  assertEquals(applyEvent(cache, ev("MODIFIED", obj("a", 3)), isWeb), [
    { type: "DELETED", object: obj("a", 3) },
  ]);
  assertEquals(applyEvent(cache, ev("MODIFIED", obj("a", 5)), isWeb), []);
  assertEquals(applyEvent(cache, ev("MODIFIED", obj("a", 6)), isWeb), [
    { type: "ADDED", object: obj("a", 6) },
  ]);
  assertEquals(applyEvent(cache, ev("ADDED", obj("b", 7)), isWeb), []);
  assertEquals(applyEvent(cache, ev("DELETED", obj("b", 7)), isWeb), []);
  assertEquals(applyEvent(cache, ev("DELETED", obj("zz", 9)), isWeb), []);
});

Deno.test("replaceAll() emits MODIFIED/ADDED in list order, then DELETED for what is gone", () => {
  const cache = emptyCache();
  replaceAll(cache, [obj("a", 1), obj("b", 2), obj("d", 4)], "5");
  assertEquals(
    replaceAll(cache, [obj("a", 1), obj("b", 5), obj("c", 6), obj("d", 8, "new")], "9"),
    [
      { type: "MODIFIED", object: obj("b", 5) },
      { type: "ADDED", object: obj("c", 6) },
      { type: "DELETED", object: obj("d", 4) },
      { type: "ADDED", object: obj("d", 8, "new") },
    ],
  );
  // Gone objects go in the order the cache first saw their keys.
  assertEquals(replaceAll(cache, [obj("b", 5)], "10"), [
    { type: "DELETED", object: obj("a", 1) },
    { type: "DELETED", object: obj("d", 8, "new") },
    { type: "DELETED", object: obj("c", 6) },
  ]);
});

Deno.test("a packed cache keeps its own copy of a replacing version, the first one as given", () => {
  const cache = emptyCache(undefined, { packed: true });
  const a1 = obj("a", 1);
  applyEvent(cache, ev("ADDED", a1));
  assertEquals(cachedObjects(cache).get("ns/a") === a1, true, "the first version is not copied");
  const a2 = obj("a", 2);
  applyEvent(cache, ev("MODIFIED", a2));
  a2.metadata!.labels!.tier = "changed after the event";
  assertEquals(cachedObjects(cache).get("ns/a"), obj("a", 2));
});

Deno.test("a packed cache reports a recreate with the object it held", () => {
  const cache = emptyCache(undefined, { packed: true });
  applyEvent(cache, ev("ADDED", obj("a", 1, "u1")));
  assertEquals(applyEvent(cache, ev("MODIFIED", obj("a", 5, "u2"))), [
    { type: "DELETED", object: obj("a", 1, "u1") },
    { type: "ADDED", object: obj("a", 5, "u2") },
  ]);
  assertEquals(replaceAll(cache, [], "9"), [{ type: "DELETED", object: obj("a", 5, "u2") }]);
});

Deno.test("replaceAll() on an unchanged list emits nothing (no reprint after a relist)", () => {
  const cache = emptyCache();
  const items = [obj("a", 1), obj("b", 2)];
  assertEquals(replaceAll(cache, items, "10").length, 2);
  assertEquals(replaceAll(cache, items, "20"), []);
  assertEquals(cache.resourceVersion, "20");
});

// ---- properties ----

const names = fc.constantFrom("a", "b", "c", "d");
const arbObject = fc.record({
  name: names,
  namespace: fc.constantFrom("x", "y"),
  uid: fc.constantFrom("u1", "u2"),
  rv: fc.integer({ min: 1, max: 30 }),
}).map(({ name, namespace, uid, rv }) => obj(name, rv, `${uid}`, namespace));
const arbSnapshot = fc.uniqueArray(arbObject, { selector: objectKey, maxLength: 8 });

type Step =
  | { kind: "event"; event: WatchEvent }
  | { kind: "relist"; items: KubeObject[]; cuts: number[] };
const arbStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("event" as const),
      event: fc.record({
        type: fc.constantFrom("ADDED", "MODIFIED", "DELETED", "BOOKMARK") as fc.Arbitrary<
          WatchEvent["type"]
        >,
        object: arbObject,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("relist" as const),
      items: arbSnapshot,
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
    }),
  },
);

/** Objects by `namespace/name`, in the given order. */
function snapshotOf(items: Iterable<KubeObject>): Map<string, KubeObject> {
  return new Map([...items].map((item) => [objectKey(item), item]));
}

/** key -> "uid@rv": what identifies an object's version. */
function versions(map: ReadonlyMap<string, KubeObject>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, o] of map) out[k] = `${o.metadata?.uid}@${o.metadata?.resourceVersion}`;
  return out;
}

/** `items` cut into pages at the given points (sorted, deduplicated, within bounds). */
function pagesOf<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((x, y) => x - y);
  const pages: T[][] = [];
  let from = 0;
  for (const to of [...at, items.length]) {
    pages.push(items.slice(from, to));
    from = to;
  }
  return pages;
}

/** A list applied page by page, as a watch applies one. */
function applyPaged(
  cache: ReturnType<typeof emptyCache>,
  items: readonly KubeObject[],
  cuts: readonly number[],
  keep?: (o: KubeObject) => boolean,
): ViewEvent[] {
  const seen = new Set<string>();
  const out: ViewEvent[] = [];
  for (const page of pagesOf(items, cuts)) out.push(...applyListPage(cache, page, seen, keep));
  out.push(...endList(cache, seen, "9", keep));
  return out;
}

const arbCuts = fc.array(fc.nat(), { maxLength: 4 });

Deno.test("property: a list applied in any pages leaves the cache holding exactly the list", () => {
  fc.assert(fc.property(arbSnapshot, arbSnapshot, arbCuts, (a, b, cuts) => {
    const cache = emptyCache();
    replaceAll(cache, a, "1");
    applyPaged(cache, b, cuts);
    assertEquals(versions(cachedObjects(cache)), versions(snapshotOf(b)));
    assertEquals(cache.resourceVersion, "9");
  }));
});

Deno.test("property: a list emits the same events in any pages as in one", () => {
  fc.assert(fc.property(arbSnapshot, arbSnapshot, arbCuts, (a, b, cuts) => {
    const paged = emptyCache();
    const whole = emptyCache();
    replaceAll(paged, a, "1", isWeb);
    replaceAll(whole, a, "1", isWeb);
    assertEquals(applyPaged(paged, b, cuts, isWeb), replaceAll(whole, b, "9", isWeb));
  }));
});

Deno.test("property: relisting an unchanged list emits nothing", () => {
  fc.assert(fc.property(arbSnapshot, arbCuts, (a, cuts) => {
    const cache = emptyCache();
    replaceAll(cache, a, "1");
    return applyPaged(cache, a, cuts).length === 0;
  }));
});

Deno.test("property: the view built from emitted events equals the filtered cache, with no duplicate ADDED", () => {
  fc.assert(fc.property(arbSnapshot, fc.array(arbStep, { maxLength: 40 }), (initial, steps) => {
    const cache = emptyCache();
    const view = new Map<string, KubeObject>();
    const applyView = (events: ViewEvent[]) => {
      for (const e of events) {
        const key = objectKey(e.object);
        if (e.type === "ADDED") {
          ok(!view.has(key), `duplicate ADDED for ${key} without DELETED in between`);
          view.set(key, e.object);
        } else if (e.type === "MODIFIED") {
          ok(view.has(key), `MODIFIED for ${key} which is not in the view`);
          view.set(key, e.object);
        } else {
          ok(view.has(key), `DELETED for ${key} which is not in the view`);
          view.delete(key);
        }
      }
    };
    applyView(replaceAll(cache, initial, "1", isWeb));
    for (const s of steps) {
      applyView(
        s.kind === "event"
          ? applyEvent(cache, s.event, isWeb)
          : applyPaged(cache, s.items, s.cuts, isWeb),
      );
      const filtered = new Map([...cachedObjects(cache)].filter(([, o]) => isWeb(o)));
      assertEquals(versions(view), versions(filtered));
      assertEquals(versions(snapshotOf(visibleObjects(cache))), versions(filtered));
    }
  }));
});

Deno.test("property: a packed cache emits the same events and holds the same objects as a plain one", () => {
  fc.assert(fc.property(arbSnapshot, fc.array(arbStep, { maxLength: 40 }), (initial, steps) => {
    const plain = emptyCache();
    const packed = emptyCache(undefined, { packed: true });
    const both = (run: (cache: ReturnType<typeof emptyCache>) => ViewEvent[]) => {
      assertEquals(run(packed), run(plain));
      assertEquals(cachedObjects(packed), cachedObjects(plain));
      assertEquals(visibleObjects(packed), visibleObjects(plain));
      assertEquals(packed.resourceVersion, plain.resourceVersion);
    };
    both((cache) => replaceAll(cache, initial, "1", isWeb));
    for (const s of steps) {
      both((cache) =>
        s.kind === "event"
          ? applyEvent(cache, s.event, isWeb)
          : replaceAll(cache, s.items, "9", isWeb)
      );
    }
  }));
});
