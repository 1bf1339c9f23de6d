/**
 * Small statistics for the benchmark report: medians, ratios and human-readable sizes.
 *
 * Why medians: a 2-core machine shared with an API server has outliers (GC, scheduler), and the
 * median of a few repetitions is stable where a mean is not.
 * @module
 */

/** Median of the finite numbers in `values`; NaN for none. */
export function median(values: readonly number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** `a / b` rounded to two decimals as text, or "n/a" when either side is missing. */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "n/a";
  return (a / b).toFixed(2);
}

/** Milliseconds as `4.5 ms`, `123 ms` or `4.56 s`; "n/a" when missing. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Kibibytes as `12.3 MiB`; "n/a" when missing. */
export function formatKb(kb: number): string {
  if (!Number.isFinite(kb)) return "n/a";
  return `${(kb / 1024).toFixed(1)} MiB`;
}

/**
 * Least-squares slope of `ys` over `xs` (per unit of x), for RSS growth over time; NaN when
 * fewer than two points or all xs equal.
 */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return NaN;
  let sx = 0, sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n, my = sy / n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}
