/**
 * Quantity parsing time for absurd input: a config preset or `--where` can hold a quantity of any
 * length, and parsing once grew with the square of the digits (0.48 s at 25 000, 23 s at 200 000
 * through the CLI). Now the longest accepted quantity is 64 characters and longer text is refused
 * before any arithmetic, so every case here should take microseconds.
 * @module
 */

import { MAX_QUANTITY_LENGTH, parseQuantity } from "../../src/core/quantity.ts";
import type { Section } from "./results.ts";

const LOOPS = 200;

/** Median-friendly samples: `reps` timings of LOOPS parses each, in ms per parse. */
function timeParse(text: string, reps: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    for (let i = 0; i < LOOPS; i++) {
      try {
        parseQuantity(text);
      } catch { /* refused input is the case being timed */ }
    }
    times.push((performance.now() - start) / LOOPS);
  }
  return times;
}

/** The section: one case per input size, in-process. */
export function quantityParseSection(reps: number): Section {
  const inputs: [string, string][] = [
    ["64 characters (longest accepted)", `1${"0".repeat(MAX_QUANTITY_LENGTH - 3)}Gi`],
    ["25 000 digits (refused)", `1${"0".repeat(25_000)}`],
    ["100 000 digits (refused)", `1${"0".repeat(100_000)}`],
    ["200 000 digits (refused)", `1${"0".repeat(200_000)}`],
  ];
  return {
    title: "Quantity parsing",
    intro: "`parseQuantity()` in-process, ms per parse; refusal happens before any BigInt work.",
    cases: inputs.map(([name, text]) => ({
      name,
      samples: [{ label: "hyperctl", times: timeParse(text, reps), rss: [] }],
    })),
  };
}
