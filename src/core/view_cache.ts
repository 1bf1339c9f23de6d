/**
 * The keyed cache behind a watch, and the "view" it shows through a client-side filter.
 *
 * Modelled on the kube-rs reflector store: objects are keyed by `namespace/name`, raw watch events
 * update the store, and what the user sees are view events derived from the store's before/after
 * visibility. A list (the initial one, or a relist after 410 Gone) is applied page by page against
 * the store, so only the differences come out as synthetic events, never a full reprint.
 *
 * For throughput (a burst of 10 000 updates must stay linear) the cache is updated in place:
 * functions that take a `ViewCache` and return events mutate it. Whoever holds the cache owns it.
 * A packed cache keeps each replaced object as JSON bytes (packed_json.ts) and parses it back
 * only when a relist deletes it or the state file is written; a cache that is read on every redraw (`--live`)
 * keeps the objects themselves (docs/watch-memory.md).
 * @module
 */

import type { KubeObject, ObjectPredicate, WatchEvent } from "./types.ts";
import { getString, objectKey, resourceVersionOf } from "./types.ts";
import { type PackedJson, packJson, unpackJson } from "./packed_json.ts";

/** The event types a view emits; BOOKMARK and ERROR never reach it. */
export type ViewEventType = "ADDED" | "MODIFIED" | "DELETED";

/** One change of the view, in kubectl's `{type, object}` shape. */
export interface ViewEvent {
  readonly type: ViewEventType;
  readonly object: KubeObject;
}

/** What a diff needs of an object, without the object. */
interface Version {
  uid: string | undefined;
  resourceVersion: string | undefined;
}

/** One cached object: the object itself, or (in a packed cache) its JSON bytes. */
interface Entry extends Version {
  object: KubeObject | undefined;
  packed: PackedJson | undefined;
  visible: boolean;
}

/** The store of one watch: every object seen (visible or not) and the last resourceVersion. */
export interface ViewCache {
  readonly entries: Map<string, Entry>;
  resourceVersion: string | undefined;
  /** Replaced objects are kept as JSON bytes, not as objects. */
  readonly packed: boolean;
}

/** Options of `emptyCache`. */
export interface ViewCacheOptions {
  /**
   * Keep each object, once replaced, as JSON bytes rewritten in place by its next version: a long
   * watch then leaves no replaced objects behind for the collector, at the price of a
   * `JSON.stringify` per update. A first version stays the parsed object, so the initial list is
   * not held twice. For caches whose objects are rarely read back. @default false
   */
  packed?: boolean;
}

const keepAll: ObjectPredicate = () => true;

/**
 * A new, empty cache.
 *
 * Why: the initial list is applied to an empty cache, which makes it the same code path as a relist.
 *
 * @param resourceVersion where a resumed watch starts (a saved checkpoint), if any
 * @param options whether objects are kept packed
 * @returns a cache with no objects
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * assertEquals(emptyCache().entries.size, 0);
 * ```
 */
export function emptyCache(resourceVersion?: string, options: ViewCacheOptions = {}): ViewCache {
  return { entries: new Map(), resourceVersion, packed: options.packed ?? false };
}

/** The uid of an object, or undefined. */
function uidOf(object: KubeObject): string | undefined {
  return getString(object, ["metadata", "uid"]);
}

function versionOf(object: KubeObject): Version {
  return { uid: uidOf(object), resourceVersion: resourceVersionOf(object) };
}

/** True when both versions carry a uid and the uids differ: a delete and recreate. */
function isRecreated(before: Version, after: Version): boolean {
  return before.uid !== undefined && after.uid !== undefined && before.uid !== after.uid;
}

/** True when both versions carry the same resourceVersion, i.e. nothing changed. */
function isSameVersion(before: Version, after: Version): boolean {
  return before.resourceVersion !== undefined && before.resourceVersion === after.resourceVersion;
}

/** The cached object (parsed afresh from a packed entry). */
function entryObject(entry: Entry): KubeObject {
  return entry.object ?? unpackJson(entry.packed!) as KubeObject;
}

/** Store `object` under `key`, overwriting `old` in place (and its packed bytes, if they fit). */
function store(
  cache: ViewCache,
  key: string,
  old: Entry | undefined,
  object: KubeObject,
  version: Version,
  visible: boolean,
): void {
  // A first version is held as the parsed object: packing it too would add a copy while the
  // whole initial list is alive (+125 MiB at 100 000 VMs). A replacing version is packed, into
  // the same buffer from then on, so a burst of updates leaves nothing for the collector.
  const pack = cache.packed && old !== undefined;
  const packed = pack ? packJson(object, old.packed) : undefined;
  const held = pack ? undefined : object;
  if (old === undefined) {
    cache.entries.set(key, { ...version, object: held, packed, visible });
    return;
  }
  old.uid = version.uid;
  old.resourceVersion = version.resourceVersion;
  old.object = held;
  old.packed = packed;
  old.visible = visible;
}

/**
 * Apply one raw watch event to the cache and return the view events it causes.
 *
 * Why: the view follows visibility, not the raw type — an object that stops matching leaves as
 * DELETED, one that starts matching enters as ADDED, and a repeated event (same uid and
 * resourceVersion) emits nothing, so a replay after reconnecting can never print twice.
 * BOOKMARK only advances the resourceVersion. Mutates `cache`.
 *
 * @param cache the store to update
 * @param event a raw watch event (ERROR events are ignored here; the state machine handles them)
 * @param keep the client-side filter @default keep everything
 * @returns zero, one or two (DELETED then ADDED on a new uid) view events
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const cache = emptyCache();
 * const vm = { metadata: { name: "a", namespace: "ns", resourceVersion: "5" } };
 * assertEquals(applyEvent(cache, { type: "ADDED", object: vm }), [{ type: "ADDED", object: vm }]);
 * assertEquals(applyEvent(cache, { type: "MODIFIED", object: vm }), []);
 * assertEquals(cache.resourceVersion, "5");
 * ```
 */
export function applyEvent(
  cache: ViewCache,
  event: WatchEvent,
  keep: ObjectPredicate = keepAll,
): ViewEvent[] {
  if (event.type === "ERROR") return [];
  const object = event.object;
  const rv = resourceVersionOf(object);
  if (rv !== undefined && rv !== "") cache.resourceVersion = rv;
  if (event.type === "BOOKMARK") return [];

  const key = objectKey(object);
  const old = cache.entries.get(key);
  const version = versionOf(object);
  if (event.type === "DELETED") {
    // A DELETED for another uid than ours is stale (the one we hold replaced it): ignore it.
    if (old === undefined || isRecreated(old, version)) return [];
    cache.entries.delete(key);
    return old.visible ? [{ type: "DELETED", object }] : [];
  }

  const visible = keep(object);
  if (old === undefined) {
    store(cache, key, old, object, version, visible);
    return visible ? [{ type: "ADDED", object }] : [];
  }
  if (isRecreated(old, version)) {
    const out: ViewEvent[] = [];
    // Read before `store` overwrites the entry.
    if (old.visible) out.push({ type: "DELETED", object: entryObject(old) });
    store(cache, key, old, object, version, visible);
    if (visible) out.push({ type: "ADDED", object });
    return out;
  }
  if (isSameVersion(old, version)) return [];
  const wasVisible = old.visible;
  store(cache, key, old, object, version, visible);
  if (wasVisible && visible) return [{ type: "MODIFIED", object }];
  if (visible) return [{ type: "ADDED", object }];
  if (wasVisible) return [{ type: "DELETED", object }];
  return [];
}

/**
 * Every object in the cache (visible or not), keyed by `namespace/name`.
 *
 * @param cache the store
 * @returns a fresh map, safe to keep while the cache changes
 */
export function cachedObjects(cache: ViewCache): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  for (const [key, entry] of cache.entries) out.set(key, entryObject(entry));
  return out;
}

/**
 * The objects currently in the view (those the filter keeps), in cache order.
 *
 * Why: a `--live` redraw shows the whole view, not only the last event.
 *
 * @param cache the store
 * @returns the visible objects
 */
export function visibleObjects(cache: ViewCache): KubeObject[] {
  const out: KubeObject[] = [];
  for (const entry of cache.entries.values()) if (entry.visible) out.push(entryObject(entry));
  return out;
}

/**
 * Replace the cache's contents with a fresh list and return the view events of the difference:
 * the list as one page (`applyListPage`, then `endList`).
 *
 * Why: a checkpoint's objects (`--state-file`) are loaded this way, and a relist of any number of
 * pages goes through the same per-object rule, so a relist can never reprint what is already on
 * screen. Mutates `cache`.
 *
 * @param cache the store to update
 * @param items the list response's items
 * @param resourceVersion the list response's resourceVersion, where the next watch starts
 * @param keep the client-side filter @default keep everything
 * @returns the view events of the difference
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const cache = emptyCache();
 * const a = { metadata: { name: "a", resourceVersion: "1" } };
 * assertEquals(replaceAll(cache, [a], "7").length, 1);
 * assertEquals(replaceAll(cache, [a], "9"), []);
 * assertEquals(cache.resourceVersion, "9");
 * ```
 */
export function replaceAll(
  cache: ViewCache,
  items: readonly KubeObject[],
  resourceVersion: string | undefined,
  keep: ObjectPredicate = keepAll,
): ViewEvent[] {
  const seen = new Set<string>();
  const out = applyListPage(cache, items, seen, keep);
  for (const event of endList(cache, seen, resourceVersion, keep)) out.push(event);
  return out;
}

/**
 * Apply one page of a (re)list: each item as it would arrive from a watch, its key noted in `seen`.
 *
 * Why: a watch over a large fleet prints its initial list page by page, as a plain list does, and
 * never holds the whole list at once; `endList` then removes what the list did not return. The
 * cache's resourceVersion is left alone until `endList`: a checkpoint read between two pages must
 * not claim a snapshot the cache does not hold yet. Mutates `cache` and `seen`.
 *
 * @param cache the store to update
 * @param items one page's items
 * @param seen the keys of this list's pages so far
 * @param keep the client-side filter @default keep everything
 * @returns the view events of the page (ADDED, MODIFIED, or DELETED then ADDED for a new uid)
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const cache = emptyCache();
 * const a = { metadata: { name: "a", resourceVersion: "1" } };
 * assertEquals(applyListPage(cache, [a], new Set()), [{ type: "ADDED", object: a }]);
 * assertEquals(cache.resourceVersion, undefined);
 * ```
 */
export function applyListPage(
  cache: ViewCache,
  items: readonly KubeObject[],
  seen: Set<string>,
  keep: ObjectPredicate = keepAll,
): ViewEvent[] {
  const resourceVersion = cache.resourceVersion;
  const out: ViewEvent[] = [];
  for (const object of items) {
    seen.add(objectKey(object));
    for (const event of applyEvent(cache, { type: "ADDED", object }, keep)) out.push(event);
  }
  cache.resourceVersion = resourceVersion;
  return out;
}

/**
 * End a (re)list applied with `applyListPage`: what it did not return is gone.
 *
 * @param cache the store to update
 * @param seen the keys of every page of the list
 * @param resourceVersion the list's resourceVersion, where the next watch starts
 * @param keep the client-side filter @default keep everything
 * @returns DELETED for each visible object the list did not return
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const cache = emptyCache();
 * const a = { metadata: { name: "a", resourceVersion: "1" } };
 * applyListPage(cache, [a], new Set());
 * assertEquals(endList(cache, new Set(), "9"), [{ type: "DELETED", object: a }]);
 * assertEquals(cache.resourceVersion, "9");
 * ```
 */
export function endList(
  cache: ViewCache,
  seen: ReadonlySet<string>,
  resourceVersion: string | undefined,
  keep: ObjectPredicate = keepAll,
): ViewEvent[] {
  const out: ViewEvent[] = [];
  for (const [key, entry] of cache.entries) {
    if (seen.has(key)) continue;
    const object = entryObject(entry);
    for (const event of applyEvent(cache, { type: "DELETED", object }, keep)) out.push(event);
  }
  // Without a list resourceVersion the next watch must start "now" (the server then replays the
  // current objects as ADDED, which the same-version check swallows), not at some item's RV.
  cache.resourceVersion = resourceVersion || undefined;
  return out;
}
