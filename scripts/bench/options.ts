/**
 * Command-line options of `deno task bench`.
 * @module
 */

/** Every scenario, in report order; `--only`/`--skip` take these names. */
export const SCENARIOS = [
  "startup",
  "list",
  "watch",
  "wait",
  "memory",
  "breakdown",
  "parse",
] as const;
/** One scenario name. */
export type Scenario = typeof SCENARIOS[number];

/** Parsed options. */
export interface BenchOptions {
  mode: "full" | "quick";
  /** Repetitions of one-shot cases (startup, list, wait, import probes). */
  reps: number;
  /** Repetitions of the watch burst per client. */
  watchReps: number;
  /** VMs in the big list. */
  bigList: number;
  /** Status updates in one watch burst. */
  updates: number;
  /** Length of the memory-over-time watch. */
  rssMinutes: number;
  updatesPerS: number;
  scenarios: Scenario[];
  out: string;
  /** Checkout whose main.ts is benchmarked (a scratch copy for before/after runs). */
  root: string;
  /** Build the bundle and try `deno compile`; each result that exists is one more client. */
  compile: boolean;
}

/** Usage text for `--help`. */
export const USAGE = `usage: deno task bench [options]
  --quick              short run for trying (fewer reps, 2000 VMs/updates, 1-minute RSS watch)
  --reps N             repetitions of one-shot cases (default 5, quick 3)
  --watch-reps N       repetitions of the watch burst (default 3, quick 1)
  --big N              VMs in the big list (default 10000, quick 2000)
  --updates N          updates in one watch burst (default 10000, quick 2000)
  --rss-minutes M      length of the memory watch (default 10, quick 1; fractions allowed)
  --rate N             updates per second during the memory watch (default 20)
  --only a,b           run only these scenarios (${SCENARIOS.join(", ")})
  --skip a,b           skip these scenarios
  --out PATH           report file (default bench/REPORT.md)
  --root DIR           benchmark the hyperctl checkout in DIR (default: this repository)
  --no-compile         measure the source only: no bundle, no deno compile
  --scale              instead: lists and watches at 1k/10k/100k VMs on the real API server and
                       the sim vs kubectl and the raw paged transfer (bench/REPORT-scale.md);
                       takes --sizes a,b,c (sim) --real-sizes a,b --reps N --clusters real,sim
                       --updates N --no-watch --out`;

function positive(flag: string, value: string | undefined, integer: boolean): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new RangeError(
      `${flag} needs a ${integer ? "whole " : ""}number above 0, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function scenarioList(flag: string, value: string | undefined): Scenario[] {
  const names = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(SCENARIOS as readonly string[]).includes(n)) {
      throw new RangeError(`${flag}: unknown scenario "${n}" (one of ${SCENARIOS.join(", ")})`);
    }
  }
  return names as Scenario[];
}

/** Parse the arguments; throws RangeError naming the flag on bad input. */
export function parseBenchArgs(args: readonly string[], defaultRoot: string): BenchOptions {
  const quick = args.includes("--quick");
  const o: BenchOptions = {
    mode: quick ? "quick" : "full",
    reps: quick ? 3 : 5,
    watchReps: quick ? 1 : 3,
    bigList: quick ? 2000 : 10_000,
    updates: quick ? 2000 : 10_000,
    rssMinutes: quick ? 1 : 10,
    updatesPerS: 20,
    scenarios: [...SCENARIOS],
    out: "bench/REPORT.md",
    root: defaultRoot,
    compile: true,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = () => args[++i];
    if (a === "--quick") continue;
    else if (a === "--reps") o.reps = positive(a, v(), true);
    else if (a === "--watch-reps") o.watchReps = positive(a, v(), true);
    else if (a === "--big") o.bigList = positive(a, v(), true);
    else if (a === "--updates") o.updates = positive(a, v(), true);
    else if (a === "--rss-minutes") o.rssMinutes = positive(a, v(), false);
    else if (a === "--rate") o.updatesPerS = positive(a, v(), false);
    else if (a === "--only") o.scenarios = scenarioList(a, v());
    else if (a === "--skip") {
      const skip = scenarioList(a, v());
      o.scenarios = o.scenarios.filter((s) => !skip.includes(s));
    } else if (a === "--out") o.out = v() ?? "";
    else if (a === "--root") o.root = (v() ?? "").replace(/\/$/, "");
    else if (a === "--no-compile") o.compile = false;
    else throw new RangeError(`unknown argument "${a}"\n${USAGE}`);
  }
  if (!o.out) throw new RangeError("--out needs a path");
  if (!o.root) throw new RangeError("--root needs a directory");
  return o;
}

/** The arguments that shape the measurements, for the report's header: all but `--out PATH`. */
export function measurementArgs(args: readonly string[]): string[] {
  return args.filter((a, i) => a !== "--out" && args[i - 1] !== "--out");
}
