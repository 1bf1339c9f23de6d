/**
 * How fast the simulated operator moves between steps.
 * @module
 */

/** `fast` ≈ 20–50 ms per step (tests), `normal` ≈ 0.5–1.5 s (demos), or a fixed step. */
export type Pace = "fast" | "normal" | { stepMs: number };

/** A function giving the delay before the next step, in ms. */
export function paceDelay(pace: Pace, random: () => number = Math.random): () => number {
  if (pace === "fast") return () => 20 + Math.round(random() * 30);
  if (pace === "normal") return () => 500 + Math.round(random() * 1000);
  const ms = pace.stepMs;
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`cannot use pace stepMs ${JSON.stringify(ms)}: expected a number ≥ 0`);
  }
  return () => ms;
}
