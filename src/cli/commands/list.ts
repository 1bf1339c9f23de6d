/**
 * `hyperctl <noun> list`: list, or list and watch, one kind.
 *
 * The command in one place: its flags, `parse` (pure: every problem of the command line at once,
 * nothing sent) and `run`, which imports the pipeline (_run_list.ts: list$ or watch$ → keep
 * matching → renderer → stdout sink) only when it runs.
 * @module
 */

import { parseFieldSelector } from "../../core/field_selector.ts";
import { parseFilterOptions, toPredicate } from "../../core/filters.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { parseQuery, queryPredicate } from "../../core/query.ts";
import { parseSortKey } from "../../core/sort.ts";
import { readsOnlyMetadata } from "../../core/metadata_only.ts";
import { rowsToRequest } from "../../core/table_rows.ts";
import type { ObjectPredicate } from "../../core/types.ts";
import { attempt, collect, mapValid, unless, type Validation } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { switchFlag, valueFlag } from "../command_spec.ts";
import { checkGlobals, type GlobalFlags } from "../global_flags.ts";
import { READ_GLOBALS } from "../honoured_globals.ts";
import type { ListCommandOptions } from "./list_options.ts";
import { checkPrintFlags, NO_HEADERS_FLAG, PRINT_FLAGS } from "./print_flags.ts";
import { checkFor, watchModeOf } from "./watch_flags.ts";
import { parseChunkSize } from "./chunk_size.ts";

const LIST_FLAGS = [
  valueFlag("--selector", "selector", "label selector, sent to the server (a=b,c!=d,e in (f))", {
    short: "-l",
  }),
  valueFlag("--field-selector", "selector", "field selector, sent to the server"),
  valueFlag("--created-after", "time", "created after an RFC 3339 time or a duration ago (24h)"),
  valueFlag("--created-before", "time", "created before an RFC 3339 time or a duration ago"),
  valueFlag("--where", "expr", "query, e.g. 'status = Running and memory >= 8Gi'"),
  valueFlag("--preset", "name", "saved filter set from the config file"),
  valueFlag(
    "--sort-by",
    "field",
    "sort by a JSONPath, as kubectl (.spec.cpus, .metadata.labels['tier']), or by name, memory, " +
      "age, … (reads the whole list before printing)",
  ),
  NO_HEADERS_FLAG,
  valueFlag("--chunk-size", "n", "list page size (0 = unpaginated)", { default: "500" }),
  switchFlag("--watch", "after listing, watch for changes", "-w"),
  switchFlag("--watch-only", "watch for changes without listing first"),
  valueFlag("--for", "duration", "watch for this long, then exit 0 (0: print the list and stop)"),
  switchFlag("--live", "on a terminal, redraw the watched table in place (keeps every row)"),
  switchFlag("--all-contexts", "list/watch in every context of the kubeconfig (CONTEXT column)"),
  valueFlag("--state-file", "path", "resume a watch across runs from this checkpoint file"),
] as const;

/** Filters only VirtualMachines have. */
const VM_LIST_FLAGS = [
  valueFlag("--node", "name", "only VMs on this node"),
  valueFlag("--min-cpus", "n", "only VMs with at least this many CPUs"),
  valueFlag("--min-memory", "quantity", "only VMs with at least this memory (exact, e.g. 8Gi)"),
] as const;

function statusFlag(kind: KindInfo) {
  const phases = kind.phases.length ? ` (${kind.phases.join(", ")})` : "";
  return valueFlag("--status", "phases", `only these phases, comma-separated, any case${phases}`);
}

/** Where to list: one cluster (undefined), the named contexts, or every context. */
function checkContexts(
  flags: { allContexts: boolean; stateFile?: string; watching: boolean },
  globals: GlobalFlags,
): Validation<string[] | "all" | undefined> {
  const context = globals.context;
  const contexts = flags.allContexts
    ? "all" as const
    : context?.includes(",")
    ? context.split(",").map((c) => c.trim()).filter(Boolean)
    : undefined;
  return mapValid(
    collect({
      stateFile: unless(
        flags.stateFile !== undefined && (!flags.watching || contexts !== undefined),
        "--state-file needs --watch (or --watch-only) on one cluster",
      ),
      // An empty path would only fail when saving, after printing, with a lock left in ".".
      statePath: unless(flags.stateFile === "", '--state-file needs a path, not ""'),
      both: unless(
        flags.allContexts && context !== undefined,
        "use --context or --all-contexts, not both",
      ),
    }),
    () => contexts,
  );
}

/**
 * The client-side filters given, flag → value: phases canonical and sorted (`--status run,STOP`
 * is `--status Running,Stopped`), the rest as typed (a duration ago names the same query on
 * every run).
 */
function clientFilters(
  flags: Partial<
    Record<"node" | "minCpus" | "minMemory" | "createdAfter" | "createdBefore" | "where", string>
  >,
  statuses: readonly string[] | undefined,
): Record<string, string> {
  const given: [string, string | undefined][] = [
    ["--status", statuses && [...new Set(statuses)].sort().join(",")],
    ["--node", flags.node],
    ["--min-cpus", flags.minCpus],
    ["--min-memory", flags.minMemory],
    ["--created-after", flags.createdAfter],
    ["--created-before", flags.createdBefore],
    ["--where", flags.where],
  ];
  return Object.fromEntries(given.filter((e): e is [string, string] => e[1] !== undefined));
}

/** `KIND list` for one kind. */
export function listCommand(kind: KindInfo) {
  const flags = [
    statusFlag(kind),
    ...LIST_FLAGS,
    ...PRINT_FLAGS,
    ...(kind.noun === "vm" ? VM_LIST_FLAGS : []),
  ] as const;
  return defineCommand({
    spec: {
      name: "list",
      aliases: ["ls"],
      description: `list ${kind.plural}`,
      flags,
      globals: READ_GLOBALS,
    },
    parse: ({ flags }, env): Validation<ListCommandOptions> => {
      const watch = watchModeOf(flags);
      const optional = <T>(value: string | undefined, parse: (v: string) => T) =>
        attempt(() => value === undefined ? undefined : parse(value));
      const checked = collect({
        globals: checkGlobals(flags),
        selector: optional(flags.selector, parseLabelSelector),
        fieldSelector: optional(flags.fieldSelector, parseFieldSelector),
        filter: attempt(() =>
          parseFilterOptions(
            {
              status: flags.status,
              node: flags.node,
              minCpus: flags.minCpus,
              minMemory: flags.minMemory,
              createdAfter: flags.createdAfter,
              createdBefore: flags.createdBefore,
            },
            kind,
            env.now,
          )
        ),
        where: optional(flags.where, (w) => queryPredicate(parseQuery(w, kind), env.now)),
        // kubectl's `--sort-by ""` sorts nothing.
        sortKey: optional(flags.sortBy || undefined, (s) => parseSortKey(s, kind)),
        out: checkPrintFlags(flags.output, flags, {
          watch: watch !== "none",
          terminal: env.stdoutIsTTY,
        }),
        chunkSize: attempt(() => parseChunkSize(flags.chunkSize)),
        forMs: checkFor(flags),
        live: unless(flags.live && watch === "none", "--live needs --watch"),
        contexts: checkContexts(
          {
            allContexts: flags.allContexts,
            stateFile: flags.stateFile,
            watching: watch !== "none",
          },
          flags,
        ),
      });
      return mapValid(checked, (v) => {
        const where: ObjectPredicate | undefined = v.where;
        const filter = toPredicate(v.filter);
        return {
          ...v.out,
          kind,
          globals: v.globals,
          allNamespaces: flags.allNamespaces === true,
          labelSelector: flags.selector,
          fieldSelector: flags.fieldSelector,
          keep: where ? (o) => filter(o) && where(o) : filter,
          clientFilters: clientFilters(flags, v.filter.statuses),
          sortKey: v.sortKey,
          noHeaders: flags.headers === false,
          chunkSize: v.chunkSize,
          watch,
          forMs: v.forMs,
          live: flags.live,
          contexts: v.contexts,
          stateFile: flags.stateFile,
          metadataOnly: readsOnlyMetadata({
            output: v.out.output,
            customColumns: v.out.print.customColumns,
            jsonPath: v.out.print.jsonPath,
            allowMissingKeys: v.out.print.allowMissingKeys,
            filter: v.filter,
            where: where !== undefined,
            sortTemplate: v.sortKey?.template,
            watching: watch !== "none",
            watchEvents: v.out.print.watchEvents,
            stateFile: flags.stateFile !== undefined,
          }),
          rows: rowsToRequest({
            output: v.out.output,
            watching: watch !== "none",
            sorted: v.sortKey !== undefined,
            filter: v.filter,
            where: where !== undefined,
            severalClusters: v.contexts !== undefined,
            allNamespaces: flags.allNamespaces === true,
            labelColumns: v.out.print.labelColumns,
            showLabels: v.out.print.showLabels,
          }),
        };
      });
    },
    async run(options, deps) {
      const { runList } = await import("./_run_list.ts");
      await runList(options, deps);
    },
  });
}
