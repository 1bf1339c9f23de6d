/**
 * Cases where the client runs once and exits: startup and `list`. Each repetition runs every
 * client once, in rotating order, after one unmeasured warm-up per client (module/code cache,
 * kubectl's discovery cache), so neither side always runs first on a warm CPU.
 * @module
 */

import { type Measured, runMeasured, type Tool } from "./process_run.ts";
import type { Sample } from "./results.ts";

/** One client and its command line for the case. */
export interface Contender {
  tool: Tool;
  args: string[];
  /**
   * Checks the warm-up run's output; returns a problem or undefined. Measured runs only drain
   * stdout, so the bench process does no parsing while a client is timed.
   */
  check?: (run: Measured) => string | undefined;
}

/** Run every contender `reps` times; throws when a run fails or its check does. */
export async function compareOneShot(contenders: Contender[], reps: number): Promise<Sample[]> {
  const samples = contenders.map((c): Sample => ({ label: c.tool.label, times: [], rss: [] }));
  const runOne = async (c: Contender, keep: boolean) => {
    const run = await runMeasured(c.tool, c.args, { capture: !keep && c.check !== undefined });
    if (run.code !== 0) {
      throw new Error(
        `${c.tool.label} ${c.args.join(" ")} exited ${run.code}: ${
          run.stderr.trim().slice(0, 500)
        }`,
      );
    }
    const problem = keep ? undefined : c.check?.(run);
    if (problem) throw new Error(`${c.tool.label} ${c.args.join(" ")}: ${problem}`);
    return keep ? run : undefined;
  };
  for (const c of contenders) await runOne(c, false);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (r + k) % contenders.length;
      const run = (await runOne(contenders[i], true))!;
      samples[i].times.push(run.wallMs);
      samples[i].rss.push(run.peakRssKb);
    }
  }
  return samples;
}

/** A check: stdout has exactly `n` non-empty lines (a table with a header has n+1). */
export function linesCheck(n: number): (run: Measured) => string | undefined {
  return (run) => {
    const lines = (run.stdout ?? "").split("\n").filter((l) => l.trim()).length;
    return lines === n ? undefined : `expected ${n} lines of output, got ${lines}`;
  };
}

/** A check: stdout is a JSON list with `n` items. */
export function jsonItemsCheck(n: number): (run: Measured) => string | undefined {
  return (run) => {
    try {
      const items = (JSON.parse(run.stdout ?? "") as { items?: unknown[] }).items;
      return items?.length === n ? undefined : `expected ${n} items, got ${items?.length}`;
    } catch (err) {
      return `stdout is not JSON: ${(err as Error).message}`;
    }
  };
}
