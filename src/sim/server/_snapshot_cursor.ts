/**
 * A walk over one resource's objects as they were at an earlier resourceVersion, in key order,
 * from a key on: what a paginated list reads, one page at a time.
 *
 * Why a cursor and not an array: a page of 500 out of 100 000 objects must cost the page, not the
 * store. The current keys are read in place from the sorted key array (binary search to the
 * start); only the few keys changed since the snapshot (the events after it) are looked at
 * separately, so nothing is copied or sorted per page.
 * @module
 */

import type { KubeObject } from "../../core/types.ts";

/** The index of the first key in `sorted[lo, hi)` that is > `key` (or >= when `inclusive`). */
export function bound(
  sorted: readonly string[],
  key: string,
  lo = 0,
  hi = sorted.length,
  inclusive = false,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key || (!inclusive && sorted[mid] === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the cursor reads: the current state and what changed since the snapshot. */
export interface SnapshotSource {
  /** Every current key of the resource, sorted (read, never changed, during the walk). */
  sorted: readonly string[];
  /** The range of `sorted` inside the namespace. */
  lo: number;
  hi: number;
  current: ReadonlyMap<string, KubeObject>;
  /** Keys changed since the snapshot → their object at the snapshot (undefined: absent then). */
  changed: ReadonlyMap<string, KubeObject | undefined>;
  /** The namespace's key prefix ("" for all). */
  prefix: string;
}

/** Walks the snapshot; `next()` until undefined, `remaining()` counts what is left. */
export class SnapshotCursor {
  #i: number;
  #j = 0;
  /** Keys gone since the snapshot (not in the current array), sorted: merged into the walk. */
  readonly #gone: string[];

  constructor(private readonly src: SnapshotSource, after: string) {
    this.#i = bound(src.sorted, after, src.lo, src.hi);
    this.#gone = [...src.changed.keys()]
      .filter((k) => k.startsWith(src.prefix) && k > after && !src.current.has(k))
      .sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  }

  /** The next key and object of the snapshot, or undefined at the end. */
  next(): [string, KubeObject] | undefined {
    const { sorted, hi, current, changed } = this.src;
    while (this.#i < hi || this.#j < this.#gone.length) {
      const fromCurrent = this.#j >= this.#gone.length ||
        (this.#i < hi && sorted[this.#i] < this.#gone[this.#j]);
      const key = fromCurrent ? sorted[this.#i++] : this.#gone[this.#j++];
      const obj = changed.has(key) ? changed.get(key) : current.get(key);
      if (obj) return [key, obj];
    }
    return undefined;
  }

  /** How many objects `next()` would still return, without walking them. */
  remaining(): number {
    const { hi, changed } = this.src;
    let n = hi - this.#i;
    // Keys created since the snapshot are in the array but were not there at the snapshot.
    for (const [key, then] of changed) {
      if (then === undefined && this.src.current.has(key) && this.#ahead(key)) n--;
    }
    for (let j = this.#j; j < this.#gone.length; j++) if (changed.get(this.#gone[j])) n++;
    return n;
  }

  #ahead(key: string): boolean {
    const { sorted, hi } = this.src;
    return key.startsWith(this.src.prefix) && this.#i < hi && key >= sorted[this.#i];
  }
}
