/**
 * "did you mean" suggestions for typos in closed vocabularies (phases, query fields).
 * @module
 */

/** Levenshtein distance, case-insensitive: `Runing` is one edit from `running`. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The closest candidate within a typo budget (1 edit for short words, 2 for longer), or
 * undefined; also accepts a unique prefix (`run` → `Running`).
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (input === "") return undefined;
  const budget = input.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(input, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (bestDistance <= budget) return best;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(input.toLowerCase()));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/**
 * The ` (did you mean "x"?)` tail of an error message (` (did you mean "x" or "y"?)` for several),
 * or "" without a suggestion, so every message quotes its hints the same way.
 */
export function didYouMean(hint: string | readonly string[] | undefined): string {
  const hints = typeof hint === "string" ? [hint] : hint ?? [];
  return hints.length ? ` (did you mean ${hints.map((h) => JSON.stringify(h)).join(" or ")}?)` : "";
}
