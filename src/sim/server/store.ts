/**
 * The sim's storage: objects per resource, one global resourceVersion counter and a bounded
 * event history, like etcd plus the apiserver's watch cache.
 *
 * Watches resume from the history and get 410 once it no longer covers their resourceVersion;
 * paginated lists read a consistent snapshot at the first page's resourceVersion by undoing the
 * events that happened since, and get 410 once those have been compacted away.
 * @module
 */

import type { KubeObject } from "../../core/types.ts";
import { bound, SnapshotCursor } from "./_snapshot_cursor.ts";

/** A committed change. Objects are never mutated after commit. */
export interface StoreEvent {
  rv: number;
  type: "ADDED" | "MODIFIED" | "DELETED";
  resource: string;
  key: string;
  object: KubeObject;
  /** The object before the change (undefined for ADDED). */
  prev?: KubeObject;
}

/** Thrown when the history no longer reaches back to a requested resourceVersion. */
export class TooOldError extends Error {
  constructor(readonly requested: number, readonly horizon: number) {
    super(`too old resource version: ${requested} (${horizon})`);
    this.name = "TooOldError";
  }
}

class Table {
  readonly objects = new Map<string, KubeObject>();
  private sorted: string[] | undefined;
  keys(): string[] {
    if (!this.sorted) {
      this.sorted = [...this.objects.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
    }
    return this.sorted;
  }
  /**
   * Keep the sorted keys in step with one insert or delete (a binary search and a move, not a
   * sort of the whole table); a bulk load before the first read sorts once, on that read.
   */
  added(key: string): void {
    this.sorted?.splice(bound(this.sorted, key, 0, this.sorted.length, true), 0, key);
  }
  removed(key: string): void {
    if (!this.sorted) return;
    const i = bound(this.sorted, key, 0, this.sorted.length, true);
    if (this.sorted[i] === key) this.sorted.splice(i, 1);
  }
}

/** `namespace/name` (cluster-scoped objects: `/name`). */
export const storeKey = (namespace: string, name: string) => `${namespace}/${name}`;

/** In-memory object store with a global resourceVersion and a bounded event history. */
export class Store {
  private readonly tables = new Map<string, Table>();
  private history: StoreEvent[] = [];
  private head = 0;
  private rv: number;
  /** Every event with rv > horizon is still in the history. */
  private horizon: number;
  private readonly listeners = new Set<(e: StoreEvent) => void>();

  constructor(readonly historyWindow = 10_000, startRv = 1) {
    this.rv = startRv;
    this.horizon = startRv;
  }

  /** The latest committed resourceVersion. */
  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch may resume from. */
  get oldestResumable(): number {
    return this.horizon;
  }

  private table(resource: string): Table {
    let t = this.tables.get(resource);
    if (!t) this.tables.set(resource, t = new Table());
    return t;
  }

  get(resource: string, key: string): KubeObject | undefined {
    return this.tables.get(resource)?.objects.get(key);
  }

  /** Objects of a resource in key order, optionally only one namespace (a key prefix). */
  list(resource: string, namespace?: string): KubeObject[] {
    const t = this.table(resource);
    const keys = t.keys();
    const [lo, hi] = prefixRange(keys, prefixOf(namespace));
    const out: KubeObject[] = new Array(hi - lo);
    for (let i = lo; i < hi; i++) out[i - lo] = t.objects.get(keys[i])!;
    return out;
  }

  /**
   * Walk the objects as they were at `rv` (inclusive), in key order, with keys > `after`: one
   * page of a paginated list costs its page, not a copy or sort of the whole resource.
   * Throws TooOldError when the history no longer covers `rv`.
   */
  cursorAt(resource: string, rv: number, namespace?: string, after = ""): SnapshotCursor {
    if (rv < this.horizon) throw new TooOldError(rv, this.horizon);
    const t = this.table(resource);
    // What changed since the snapshot; walking back, the earliest change's `prev` wins.
    const changed = new Map<string, KubeObject | undefined>();
    for (let i = this.history.length - 1; i >= this.head && this.history[i].rv > rv; i--) {
      const e = this.history[i];
      if (e.resource === resource) changed.set(e.key, e.prev);
    }
    const prefix = prefixOf(namespace);
    const sorted = t.keys();
    const [lo, hi] = prefixRange(sorted, prefix);
    return new SnapshotCursor({ sorted, lo, hi, current: t.objects, changed, prefix }, after);
  }

  /** Every entry of `cursorAt`, as an array (small collections and tests). */
  listAt(resource: string, rv: number, namespace?: string, after = ""): [string, KubeObject][] {
    const cursor = this.cursorAt(resource, rv, namespace, after);
    const out: [string, KubeObject][] = [];
    for (let e = cursor.next(); e; e = cursor.next()) out.push(e);
    return out;
  }

  /** Allocate the next resourceVersion (the caller stamps it into the object it commits). */
  nextResourceVersion(): number {
    return this.rv + 1;
  }

  /** Store (or remove, for DELETED) an object stamped with `nextResourceVersion()` and notify. */
  commit(resource: string, type: StoreEvent["type"], key: string, object: KubeObject): StoreEvent {
    const t = this.table(resource);
    const prev = t.objects.get(key);
    this.rv += 1;
    if (type === "DELETED") {
      if (t.objects.delete(key)) t.removed(key);
    } else {
      t.objects.set(key, object);
      if (!prev) t.added(key);
    }
    const event: StoreEvent = { rv: this.rv, type, resource, key, object, prev };
    this.history.push(event);
    this.trim();
    for (const l of this.listeners) l(event);
    return event;
  }

  private trim(): void {
    const size = this.history.length - this.head;
    if (size > this.historyWindow) {
      const drop = size - this.historyWindow;
      this.head += drop;
      this.horizon = this.history[this.head - 1].rv;
    }
    // amortised O(1): reclaim the dropped prefix once it dominates the array
    if (this.head > 1024 && this.head * 2 > this.history.length) {
      this.history = this.history.slice(this.head);
      this.head = 0;
    }
  }

  /** Events of a resource with rv > `rv`; throws TooOldError when they are no longer all kept. */
  eventsSince(resource: string, rv: number): StoreEvent[] {
    if (rv < this.horizon) throw new TooOldError(rv, this.horizon);
    const out: StoreEvent[] = [];
    // binary search for the first event newer than rv
    let lo = this.head, hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid].rv > rv) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < this.history.length; i++) {
      if (this.history[i].resource === resource) out.push(this.history[i]);
    }
    return out;
  }

  /** Forget all history: older resourceVersions and continue tokens now get 410. */
  compact(): void {
    this.history = [];
    this.head = 0;
    this.horizon = this.rv;
  }

  /** Subscribe to committed events; returns the unsubscribe function. */
  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The key prefix of one namespace; all namespaces: "". */
const prefixOf = (namespace?: string) => namespace === undefined ? "" : `${namespace}/`;

/** The contiguous run `[lo, hi)` of sorted keys starting with `prefix` (binary search, no scan). */
function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  if (prefix === "") return [0, sorted.length];
  const lo = bound(sorted, prefix, 0, sorted.length, true);
  // Keys are `namespace/name`, and "0" is the character after "/": the end of the prefix's run.
  const hi = bound(sorted, prefix.slice(0, -1) + "0", lo, sorted.length, true);
  return [lo, hi];
}
