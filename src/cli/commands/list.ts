/**
 * `hyperctl <noun> list`: list, or list and watch, one kind.
 *
 * Reads as one pipeline: list$ or watch$ → keep matching (server selectors, then the client-side
 * predicate) → renderer → stdout sink.
 * @module
 */

import { parseFieldSelector } from "../../core/field_selector.ts";
import { parseFilterOptions, toPredicate } from "../../core/filters.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { parseQuery, queryPredicate } from "../../core/query.ts";
import { parseSortKey, type SortKey } from "../../core/sort.ts";
import type { KubeObject } from "../../core/types.ts";
import { parseDuration } from "../../core/duration.ts";
import type { OutputFormat } from "../../render/renderer.ts";
import type { Deps, GlobalFlags } from "../deps.ts";
import { validateGlobalFlags } from "../global_flags.ts";
import { parseOutputFormat } from "../output.ts";
import { UsageError } from "../outcomes.ts";
import type { RawListFlags } from "../program.ts";
import { colorFor, refFor } from "./_common.ts";
import { listEvents$, streamWatch } from "./_stream_watch.ts";
import { listRenderer } from "./_list_renderer.ts";
import { printList } from "./_print_list.ts";
import { runMultiList } from "./_multi_cluster.ts";
import { openStateFile } from "./_state_file.ts";
import type { WatchResume } from "../../core/watch_state.ts";

/** Typed options of `list`, produced before anything is sent. */
export interface ListCommandOptions {
  kind: KindInfo;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** Client-side filters and `--where`, ANDed. */
  keep: (obj: KubeObject) => boolean;
  sortKey?: SortKey;
  output: OutputFormat;
  noHeaders: boolean;
  chunkSize: number;
  watch: "none" | "watch" | "watch-only";
  /** `--for`: stop watching after this long (exit 0). */
  forMs?: number;
  live: boolean;
  /** Several clusters: context names, or every context of the kubeconfig. */
  contexts?: string[] | "all";
  /** `--state-file`: resume a cron watch where the last run stopped. */
  stateFile?: string;
}

function parseChunkSize(value: string | undefined): number {
  if (value === undefined) return 500;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`--chunk-size must be a whole number >= 0, got "${value}"`);
  }
  return Number(value);
}

/**
 * Parse and check every flag of `list`; throws a usage error (exit 2) before any request.
 *
 * @param nowMs the current time, for `--created-after 24h` and `--where 'age > 7d'`
 */
export function parseListOptions(
  kind: KindInfo,
  flags: RawListFlags,
  globals: GlobalFlags,
  nowMs: number,
): ListCommandOptions {
  validateGlobalFlags(globals);
  if (flags.selector !== undefined) parseLabelSelector(flags.selector);
  if (flags.fieldSelector !== undefined) parseFieldSelector(flags.fieldSelector);
  const filter = toPredicate(parseFilterOptions(
    {
      status: flags.status,
      node: flags.node,
      minCpus: flags.minCpus,
      minMemory: flags.minMemory,
      createdAfter: flags.createdAfter,
      createdBefore: flags.createdBefore,
    },
    kind,
    nowMs,
  ));
  const where = flags.where === undefined
    ? undefined
    : queryPredicate(parseQuery(flags.where, kind), nowMs);
  const watch = flags.watchOnly ? "watch-only" : flags.watch ? "watch" : "none";
  if (flags.for !== undefined && watch === "none") {
    throw new UsageError("--for needs --watch or --watch-only");
  }
  if (flags.live && watch === "none") throw new UsageError("--live needs --watch");
  const contexts = flags.allContexts
    ? "all" as const
    : globals.context?.includes(",")
    ? globals.context.split(",").map((c) => c.trim()).filter(Boolean)
    : undefined;
  if (flags.stateFile !== undefined && (watch === "none" || contexts !== undefined)) {
    throw new UsageError("--state-file needs --watch (or --watch-only) on one cluster");
  }
  if (flags.allContexts && globals.context !== undefined) {
    throw new UsageError("use --context or --all-contexts, not both");
  }
  return {
    kind,
    allNamespaces: globals.allNamespaces === true,
    labelSelector: flags.selector,
    fieldSelector: flags.fieldSelector,
    keep: where ? (o) => filter(o) && where(o) : filter,
    sortKey: flags.sortBy === undefined ? undefined : parseSortKey(flags.sortBy, kind),
    output: parseOutputFormat(globals.output),
    noHeaders: flags.headers === false,
    chunkSize: parseChunkSize(flags.chunkSize),
    watch,
    forMs: flags.for === undefined ? undefined : parseDuration(flags.for),
    live: flags.live === true,
    contexts,
    stateFile: flags.stateFile,
  };
}

/** Run `list` with parsed options. */
export async function runList(
  options: ListCommandOptions,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  if (options.contexts !== undefined) {
    await runMultiList(options, options.contexts, globals, deps);
    return;
  }
  const conn = await deps.connect(globals);
  try {
    const ref = refFor(options.kind, options.allNamespaces ? undefined : conn.namespace);
    const color = colorFor(globals, deps);
    const renderer = await listRenderer(options, { color, showContext: false }, deps);
    if (options.watch !== "none") {
      if (options.sortKey) await deps.io.err.write("warning: --sort-by is ignored under --watch\n");
      if (options.stateFile === undefined) {
        await streamWatch(
          listEvents$(conn.api, ref, options),
          { ...options, color },
          renderer,
          deps,
        );
        return;
      }
      const state = await openStateFile(options.stateFile, {
        kind: options.kind.kind,
        namespace: ref.namespace,
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        server: conn.api.server,
      });
      let read: () => WatchResume | undefined = () => undefined;
      try {
        const events$ = listEvents$(conn.api, ref, options, {
          resume: state.resume,
          checkpoint: (r) => (read = r),
        });
        await streamWatch(events$, { ...options, color }, renderer, deps);
      } finally {
        // Saved on every ending (--for, Ctrl+C, closed pipe, lost watch): the next run resumes.
        await state.save(read, deps.clock.now());
        await state.release();
      }
      return;
    }
    const kept = await printList(conn.api, ref, { ...options, renderer, out: deps.io.out });
    if (kept === 0 && ["table", "wide", "name"].includes(options.output)) {
      await deps.io.err.write(
        options.allNamespaces
          ? "No resources found\n"
          : `No resources found in ${conn.namespace} namespace.\n`,
      );
    }
  } finally {
    conn.close();
  }
}

/** Entry point from the command tree. */
export async function runListCommand(
  kind: KindInfo,
  flags: RawListFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  await runList(parseListOptions(kind, flags, globals, deps.clock.now()), globals, deps);
}
