/**
 * The shapes every benchmark scenario returns and the report renders.
 * @module
 */

/** One client's measurements for one case. */
export interface Sample {
  /** Tool label, e.g. `hyperctl`. */
  label: string;
  /** Milliseconds, one per repetition. */
  times: number[];
  /** Peak RSS in KiB, one per repetition (NaN where unknown). */
  rss: number[];
  /** Anything else worth a column, e.g. `10000/10000 events`. */
  detail?: string;
}

/** A measured case: one line of a report table. */
export interface CaseResult {
  name: string;
  samples: Sample[];
  /** The target for hyperctl, and whether the median met it. */
  target?: { text: string; met: boolean | undefined };
  note?: string;
}

/** A group of cases with its own heading and explanation. */
export interface Section {
  title: string;
  intro?: string;
  cases: CaseResult[];
  /** Extra Markdown after the table (breakdowns, time series). */
  after?: string;
}
