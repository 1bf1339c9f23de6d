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
import { parseSortKey } from "../../core/sort.ts";
import { parseDuration } from "../../core/duration.ts";
import type { Deps, GlobalFlags } from "../deps.ts";
import { validateGlobalFlags } from "../global_flags.ts";
import { parseOutputFlags } from "../print_flags.ts";
import { InputError } from "../outcomes.ts";
import type { ListCommandOptions, RawListFlags } from "./list_options.ts";
import { colorFor, refFor } from "./common.ts";
import { listEvents$, streamWatch } from "./_stream_watch.ts";
import { listRenderer } from "./_list_renderer.ts";
import { printList } from "./_print_list.ts";
import { runMultiList } from "./_multi_cluster.ts";
import { openStateFile } from "./_state_file.ts";
import { clusterIdentity } from "../../k8s/cluster_identity.ts";
import { watchHealth } from "./_watch_health.ts";
import type { WatchResume } from "../../core/watch_state.ts";

/** Environment variable that sets the dead-stream bound of watches (default 90s). */
export const IDLE_TIMEOUT_ENV = "HYPERCTL_WATCH_IDLE_TIMEOUT";

function parseIdleTimeout(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch (e) {
    throw new InputError(`${IDLE_TIMEOUT_ENV}: ${(e as Error).message}`);
  }
  if (ms < 3000) throw new InputError(`${IDLE_TIMEOUT_ENV} must be at least 3s, got "${value}"`);
  return ms;
}

function parseChunkSize(value: string | undefined): number {
  if (value === undefined) return 500;
  if (!/^\d+$/.test(value)) {
    throw new InputError(`--chunk-size must be a whole number >= 0, got "${value}"`);
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
  terminal = false,
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
    throw new InputError("--for needs --watch or --watch-only");
  }
  if (flags.live && watch === "none") throw new InputError("--live needs --watch");
  const context = globals.context;
  const contexts = flags.allContexts
    ? "all" as const
    : context?.includes(",")
    ? context.split(",").map((c) => c.trim()).filter(Boolean)
    : undefined;
  if (flags.stateFile !== undefined && (watch === "none" || contexts !== undefined)) {
    throw new InputError("--state-file needs --watch (or --watch-only) on one cluster");
  }
  if (flags.allContexts && globals.context !== undefined) {
    throw new InputError("use --context or --all-contexts, not both");
  }
  return {
    kind,
    allNamespaces: globals.allNamespaces === true,
    labelSelector: flags.selector,
    fieldSelector: flags.fieldSelector,
    keep: where ? (o) => filter(o) && where(o) : filter,
    sortKey: flags.sortBy === undefined ? undefined : parseSortKey(flags.sortBy, kind),
    ...parseOutputFlags(globals.output, flags, { watch: watch !== "none", terminal }),
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
      const health = watchHealth(
        (line) => void deps.io.err.write(line).catch(() => {}),
        () => deps.clock.now(),
        conn.api.server,
      );
      const onNotice = health.onNotice;
      if (options.stateFile === undefined) {
        await streamWatch(
          listEvents$(conn.api, ref, options, { onNotice }),
          { ...options, color },
          renderer,
          deps,
        );
        if (options.forMs !== undefined) health.finish(options.forMs);
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
        state.checkCluster(await clusterIdentity(conn.api, ref));
        const events$ = listEvents$(conn.api, ref, options, {
          resume: state.resume(),
          checkpoint: (r) => (read = r),
          onNotice,
        });
        await streamWatch(events$, { ...options, color }, renderer, deps);
        if (options.forMs !== undefined) health.finish(options.forMs);
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
  const options = parseListOptions(kind, flags, globals, deps.clock.now(), deps.io.stdoutIsTTY);
  options.idleMs = parseIdleTimeout(deps.env(IDLE_TIMEOUT_ENV));
  await runList(options, globals, deps);
}
