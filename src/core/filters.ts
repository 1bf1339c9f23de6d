/**
 * Client-side list filters (`--status`, `--node`, `--min-cpus`, `--min-memory`,
 * `--created-after/--created-before`).
 *
 * The API server cannot filter CRs on these fields (a CRD's field selectors cover only
 * metadata.name, metadata.namespace and its selectableFields), so they run here as pure
 * predicates, applied to list results and to every watch event alike.
 * @module
 */

import { InputError } from "./input_error.ts";
import { parseTimestamp } from "./age.ts";
import { parseDuration } from "./duration.ts";
import type { KindInfo } from "./kinds.ts";
import { normalizePhase } from "./phases.ts";
import { compareQuantities, parseQuantity, type Quantity } from "./quantity.ts";
import {
  getNumber,
  getPath,
  getString,
  type KubeObject,
  type ObjectPredicate,
  phaseOf,
} from "./types.ts";

/** Validated filters; every field is optional and an empty filter matches everything. */
export interface Filter {
  /** Canonical phases; an object matches when its phase is any of them. */
  readonly statuses?: readonly string[];
  /** Exact `status.nodeName`. */
  readonly node?: string;
  /** Minimum `spec.cpus`. */
  readonly minCpus?: number;
  /** Minimum `spec.memory`, compared exactly. */
  readonly minMemory?: Quantity;
  /** Keep objects created strictly after this instant (epoch ms). */
  readonly createdAfterMs?: number;
  /** Keep objects created strictly before this instant (epoch ms). */
  readonly createdBeforeMs?: number;
}

/** The flags as the command line delivers them (strings, possibly repeated `--status`). */
export interface RawFilterOptions {
  status?: string | readonly string[];
  node?: string;
  minCpus?: string | number;
  minMemory?: string;
  createdAfter?: string;
  createdBefore?: string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parse an RFC 3339 date (midnight UTC) or date-time to epoch ms; undefined when it is neither.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseInstant } from "./filters.ts";
 * assert.equal(parseInstant("2024-05-01"), Date.UTC(2024, 4, 1));
 * assert.equal(parseInstant("2024-02-31"), undefined);
 * ```
 */
export function parseInstant(input: string): number | undefined {
  const d = DATE_ONLY.exec(input);
  if (!d) return parseTimestamp(input);
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const ms = Date.UTC(y, m - 1, day);
  // Date.UTC rolls 2024-02-31 over to March; reject instead of silently moving the bound.
  const back = new Date(ms);
  return back.getUTCMonth() === m - 1 && back.getUTCDate() === day ? ms : undefined;
}

/**
 * Parse an instant for `--created-after`/`--created-before`: an RFC 3339 date (midnight UTC),
 * an RFC 3339 date-time, or a duration meaning that long before `nowMs`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseTimeBound } from "./filters.ts";
 * assert.equal(parseTimeBound("2024-05-01", 0, "--created-after"), Date.UTC(2024, 4, 1));
 * assert.equal(parseTimeBound("24h", 86_400_000, "--created-after"), 0);
 * ```
 */
export function parseTimeBound(input: string, nowMs: number, flag: string): number {
  const instant = parseInstant(input);
  if (instant !== undefined) return instant;
  if (/^[+]?[\d.]/.test(input) && !input.includes("-") && !input.includes(":")) {
    try {
      return nowMs - parseDuration(input);
    } catch (e) {
      throw new InputError(`invalid ${flag}: ${(e as Error).message}`);
    }
  }
  throw new InputError(
    `cannot parse ${flag} ${JSON.stringify(input)}: expected an RFC 3339 date (2024-05-01), ` +
      `date-time (2024-05-01T12:00:00Z) or a duration such as 24h`,
  );
}

function vmOnly(kind: KindInfo, flag: string): void {
  if (kind.noun !== "vm") throw new InputError(`${flag} applies only to vm`);
}

/**
 * Validate raw flags for a kind. Throws InputError for malformed values (`--min-memory 8GB`),
 * unknown phases, out-of-range numbers (`--min-cpus 0`) and flags that make no sense for the kind.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kindByName } from "./kinds.ts";
 * import { parseFilterOptions, toPredicate } from "./filters.ts";
 * const f = parseFilterOptions({ status: "running,stopped", minMemory: "8Gi" }, kindByName("vm")!, 0);
 * const vm = { spec: { memory: "16Gi" }, status: { phase: "Running" } };
 * assert.equal(toPredicate(f)(vm), true);
 * ```
 */
export function parseFilterOptions(raw: RawFilterOptions, kind: KindInfo, nowMs: number): Filter {
  const filter: {
    -readonly [K in keyof Filter]: Filter[K];
  } = {};
  if (raw.status !== undefined) {
    if (kind.phases.length === 0) {
      throw new InputError(`--status does not apply to ${kind.noun} (it has no phases)`);
    }
    const parts = (typeof raw.status === "string" ? [raw.status] : raw.status)
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (parts.length === 0) {
      throw new InputError(`--status needs at least one phase; valid: ${kind.phases.join(", ")}`);
    }
    filter.statuses = [...new Set(parts.map((p) => normalizePhase(kind, p)))];
  }
  if (raw.node !== undefined) {
    vmOnly(kind, "--node");
    if (raw.node.trim() === "") throw new InputError(`--node needs a node name`);
    filter.node = raw.node;
  }
  if (raw.minCpus !== undefined) {
    vmOnly(kind, "--min-cpus");
    const text = String(raw.minCpus).trim();
    if (!/^\d+$/.test(text)) {
      throw new InputError(
        `invalid --min-cpus ${JSON.stringify(text)}: expected a positive integer`,
      );
    }
    const n = Number(text);
    if (n < 1 || !Number.isSafeInteger(n)) {
      throw new InputError(`invalid --min-cpus ${text}: expected a positive integer`);
    }
    filter.minCpus = n;
  }
  if (raw.minMemory !== undefined) {
    vmOnly(kind, "--min-memory");
    let q: Quantity;
    try {
      q = parseQuantity(raw.minMemory);
    } catch (e) {
      throw new InputError(`invalid --min-memory: ${(e as Error).message}`);
    }
    if (q.coefficient < 0n) {
      throw new InputError(
        `invalid --min-memory ${JSON.stringify(raw.minMemory)}: must not be negative`,
      );
    }
    filter.minMemory = q;
  }
  if (raw.createdAfter !== undefined) {
    filter.createdAfterMs = parseTimeBound(raw.createdAfter, nowMs, "--created-after");
  }
  if (raw.createdBefore !== undefined) {
    filter.createdBeforeMs = parseTimeBound(raw.createdBefore, nowMs, "--created-before");
  }
  if (
    filter.createdAfterMs !== undefined && filter.createdBeforeMs !== undefined &&
    filter.createdAfterMs >= filter.createdBeforeMs
  ) {
    throw new InputError(`--created-after must be earlier than --created-before`);
  }
  return filter;
}

/** `spec.memory` as a quantity, or undefined when missing or unparseable. */
export function memoryOf(obj: KubeObject): Quantity | undefined {
  const v = getPath(obj, ["spec", "memory"]);
  if (typeof v !== "string" && typeof v !== "number") return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}

/**
 * The filter as one predicate: every given condition must hold (AND). Objects missing a field
 * a condition needs do not match it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toPredicate } from "./filters.ts";
 * assert.equal(toPredicate({})({}), true);
 * assert.equal(toPredicate({ minCpus: 4 })({ spec: { cpus: "8" } }), true);
 * ```
 */
export function toPredicate(filter: Filter): ObjectPredicate {
  const checks: ObjectPredicate[] = [];
  const { statuses, node, minCpus, minMemory, createdAfterMs, createdBeforeMs } = filter;
  if (statuses !== undefined) {
    const wanted = new Set(statuses.map((s) => s.toLowerCase()));
    checks.push((o) => wanted.has(phaseOf(o)?.toLowerCase() ?? "\0"));
  }
  if (node !== undefined) checks.push((o) => getString(o, ["status", "nodeName"]) === node);
  if (minCpus !== undefined) {
    checks.push((o) => (getNumber(o, ["spec", "cpus"]) ?? -Infinity) >= minCpus);
  }
  if (minMemory !== undefined) {
    checks.push((o) => {
      const m = memoryOf(o);
      return m !== undefined && compareQuantities(m, minMemory) >= 0;
    });
  }
  if (createdAfterMs !== undefined || createdBeforeMs !== undefined) {
    checks.push((o) => {
      const t = parseTimestamp(getString(o, ["metadata", "creationTimestamp"]));
      if (t === undefined) return false;
      return (createdAfterMs === undefined || t > createdAfterMs) &&
        (createdBeforeMs === undefined || t < createdBeforeMs);
    });
  }
  return (o) => checks.every((check) => check(o));
}
