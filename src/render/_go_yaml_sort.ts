/**
 * The order kubectl prints map keys in: sigs.k8s.io/yaml v1.4.0 decodes the JSON into Go maps and
 * its go-yaml v2 fork sorts their keys with `keyList.Less`, a "natural" order: at the first rune
 * that differs, letters compare by code point and come after everything else, and runs of digits
 * compare as numbers (`disk2` before `disk10`). Ported with its quirks (an int64 that wraps, any
 * Unicode digit counted as `rune - '0'`); it is not transitive for every set of keys (`x2`, `x10`,
 * `x1a`), where kubectl's own order depends on Go's random map order.
 * @module
 */

import { isGoDigit as isDigit, isGoLetter as isLetter } from "./_go_unicode.ts";

/** ASCII letters: the common case is decided without Unicode tables. */
const ASCII_LETTER = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII_LETTER[c] = ASCII_LETTER[c + 32] = 1;

/**
 * `keyList.Less` for two string keys: whether `a` sorts before `b`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(keyLess("disk2", "disk10"), true);
 * equal(keyLess("a_b", "aB"), true); // non-letters before letters
 * equal(keyLess("B", "a"), true);
 * ```
 */
export function keyLess(a: string, b: string): boolean {
  const a0 = a.charCodeAt(0);
  const b0 = b.charCodeAt(0);
  if (a0 !== b0 && a0 < 128 && b0 < 128 && ASCII_LETTER[a0] + ASCII_LETTER[b0] === 2) {
    return a0 < b0;
  }
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length;
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(i);
  if (ca < 128 && cb < 128) {
    const al = ASCII_LETTER[ca] === 1;
    const bl = ASCII_LETTER[cb] === 1;
    if (al && bl) return ca < cb;
    if (al || bl) return bl;
    // Neither starts a run of digits: the runs compare equal (empty) and the runes decide.
    if ((ca < 48 || ca > 57) && (cb < 48 || cb > 57)) return ca < cb;
  }
  return runeLess([...a].map(codePoint), [...b].map(codePoint));
}

const codePoint = (ch: string) => ch.codePointAt(0)!;

/** The Go function over rune slices, for what the fast paths above leave. */
function runeLess(ar: number[], br: number[]): boolean {
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) {
      an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 48));
    }
    for (; bi < br.length && isDigit(br[bi]); bi++) {
      bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 48));
    }
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/**
 * `keys` in kubectl's order: returned as they are when already in it (objects from the API
 * server mostly are), else sorted in place.
 */
export function sortKeys(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    if (!keyLess(keys[i - 1], keys[i])) {
      return keys.length > 16 ? keys.sort(compareKeys) : insertionSorted(keys, i);
    }
  }
  return keys;
}

/** Insertion sort from `from` on (the keys before it are in order): cheaper for a few keys. */
function insertionSorted(keys: string[], from: number): string[] {
  for (let i = from; i < keys.length; i++) {
    const key = keys[i];
    let j = i;
    while (j > 0 && keyLess(key, keys[j - 1])) {
      keys[j] = keys[j - 1];
      j--;
    }
    keys[j] = key;
  }
  return keys;
}

/** Keys of one object are distinct, so one call decides. */
function compareKeys(a: string, b: string): number {
  return keyLess(a, b) ? -1 : 1;
}
