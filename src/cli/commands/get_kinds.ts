/**
 * `hyperctl get KIND,KIND… [NAME…]` and `hyperctl get KIND/NAME…` of several kinds: kubectl's
 * `get vm,vmop`, printed as kubectl prints it (a table per kind, one `List` for the data formats).
 * The verb-first rewrite (parse/verb_first.ts) sends such lines here; one kind stays with
 * `KIND list` and `KIND get`.
 *
 * The command in one place: its flags, `parse` (pure: every problem at once, nothing sent) and
 * `run`, which imports the cluster side (_run_get_kinds.ts) only when it runs.
 * @module
 */

import { isRight } from "fp-ts/Either";
import { readsOnlyMetadata } from "../../core/metadata_only.ts";
import { rowsToRequest } from "../../core/table_rows.ts";
import { parseFieldSelector } from "../../core/field_selector.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { resourceRequest } from "../../core/resource_words.ts";
import { parseSortKey } from "../../core/sort.ts";
import { attempt, collect, mapValid, unless, type Validation } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { switchFlag, valueFlag } from "../command_spec.ts";
import { checkGlobals } from "../global_flags.ts";
import { READ_GLOBALS } from "../honoured_globals.ts";
import { GET_KINDS } from "../parse/verb_first.ts";
import { parseChunkSize } from "./chunk_size.ts";
import type { GetKindsOptions } from "./get_kinds_options.ts";
import { checkPrintFlags, NO_HEADERS_FLAG, PRINT_FLAGS } from "./print_flags.ts";
import { checkNames } from "./target_spec.ts";
import { watchModeOf } from "./watch_flags.ts";

const FLAGS = [
  valueFlag("--selector", "selector", "label selector, sent to the server (a=b,c!=d,e in (f))", {
    short: "-l",
  }),
  valueFlag("--field-selector", "selector", "field selector, sent to the server"),
  valueFlag("--sort-by", "field", "sort by a JSONPath (.spec.cpus), or by name, memory, age, …"),
  valueFlag("--chunk-size", "n", "list page size (0 = unpaginated)", { default: "500" }),
  // Known so that the one problem named is kubectl's, not an unknown flag.
  switchFlag("--watch", "refused: a watch follows one kind", "-w"),
  switchFlag("--watch-only", "refused: a watch follows one kind"),
  ...PRINT_FLAGS,
  NO_HEADERS_FLAG,
  // list's own filters and modes, known so that the problem named is that they take one kind
  // (not an unknown flag, with its value read as a name).
  valueFlag("--status", "phases", "refused: list one kind to filter by phase"),
  valueFlag("--where", "expr", "refused: list one kind to query"),
  valueFlag("--preset", "name", "refused: list one kind to use a preset"),
  valueFlag("--created-after", "time", "refused: list one kind to filter by age"),
  valueFlag("--created-before", "time", "refused: list one kind to filter by age"),
  valueFlag("--node", "name", "refused: list VMs to filter by node"),
  valueFlag("--min-cpus", "n", "refused: list VMs to filter by CPUs"),
  valueFlag("--min-memory", "quantity", "refused: list VMs to filter by memory"),
  valueFlag("--for", "duration", "refused: a watch follows one kind"),
  valueFlag("--state-file", "path", "refused: a watch follows one kind"),
  switchFlag("--live", "refused: a watch follows one kind"),
  switchFlag("--all-contexts", "refused: list one kind across contexts"),
] as const;

/** The flags above that only `KIND list` takes, as typed and as parsed. */
const ONE_KIND_ONLY = {
  "--status": "status",
  "--where": "where",
  "--preset": "preset",
  "--created-after": "createdAfter",
  "--created-before": "createdBefore",
  "--node": "node",
  "--min-cpus": "minCpus",
  "--min-memory": "minMemory",
  "--for": "for",
  "--state-file": "stateFile",
  "--live": "live",
  "--all-contexts": "allContexts",
} as const;

/** kubectl's refusal of a watch of several kinds. */
export const ONE_KIND_TO_WATCH = "you may only specify a single resource type";

/** list's filters and modes given with several kinds: one problem naming them all. */
function oneKindOnly(flags: Record<string, unknown>): Validation<void> {
  const given = Object.entries(ONE_KIND_ONLY)
    .filter(([, key]) => flags[key] !== undefined && flags[key] !== false)
    .map(([flag]) => flag);
  return unless(
    given.length > 0,
    `${given.join(", ")} take${given.length === 1 ? "s" : ""} one kind: ` +
      `run hyperctl get KIND ${given[0]} … for each kind`,
  );
}

/** `get-kinds`: what a verb-first `get` of several kinds runs. */
export const getKindsCommand = defineCommand({
  spec: {
    name: GET_KINDS,
    description: "show objects of several kinds (get KIND,KIND… [NAME…] or get KIND/NAME…)",
    args: [{ name: "resources", required: true, variadic: true }],
    globals: READ_GLOBALS,
    flags: FLAGS,
    hidden: true,
  },
  parse: ({ flags, args }, env): Validation<GetKindsOptions> => {
    const request = attempt(() => resourceRequest(args));
    const refs = isRight(request) && request.right.form === "objects" ? request.right.refs : [];
    const named = refs.length > 0;
    const optional = <T>(value: string | undefined, parse: (v: string) => T) =>
      attempt(() => value === undefined ? undefined : parse(value));
    const checked = collect({
      globals: checkGlobals(flags),
      request,
      names: collect(Object.fromEntries(refs.map((r, i) => [i, checkNames(r.kind, [r.name])]))),
      namespaced: unless(
        named && flags.allNamespaces === true,
        "a resource cannot be retrieved by name across all namespaces; use -n NAMESPACE",
      ),
      selectors: unless(
        named && (flags.selector !== undefined || flags.fieldSelector !== undefined),
        "selectors cannot be used when passing resource/name arguments",
      ),
      selector: optional(flags.selector, parseLabelSelector),
      fieldSelector: optional(flags.fieldSelector, parseFieldSelector),
      watch: unless(watchModeOf(flags) !== "none", ONE_KIND_TO_WATCH),
      oneKind: oneKindOnly(flags),
      // kubectl's `--sort-by ""` sorts nothing.
      sortKey: optional(flags.sortBy || undefined, (s) => parseSortKey(s)),
      chunkSize: attempt(() => parseChunkSize(flags.chunkSize)),
      out: checkPrintFlags(flags.output, flags, { watch: false, terminal: env.stdoutIsTTY }),
    });
    return mapValid(checked, (v): GetKindsOptions => ({
      ...v.out,
      request: v.request,
      globals: v.globals,
      allNamespaces: flags.allNamespaces === true,
      labelSelector: flags.selector,
      fieldSelector: flags.fieldSelector,
      sortKey: v.sortKey,
      noHeaders: flags.headers === false,
      chunkSize: v.chunkSize,
      metadataOnly: readsOnlyMetadata({
        output: v.out.output,
        customColumns: v.out.print.customColumns,
        jsonPath: v.out.print.jsonPath,
        allowMissingKeys: v.out.print.allowMissingKeys,
        filter: {},
        where: false,
        sortTemplate: v.sortKey?.template,
        watching: false,
      }),
      rows: rowsToRequest({
        output: v.out.output,
        watching: false,
        sorted: v.sortKey !== undefined,
        filter: {},
        where: false,
        severalClusters: false,
        allNamespaces: flags.allNamespaces === true,
        labelColumns: v.out.print.labelColumns,
        showLabels: v.out.print.showLabels,
      }),
    }));
  },
  async run(options, deps) {
    const { runGetKinds } = await import("./_run_get_kinds.ts");
    await runGetKinds(options, deps);
  },
});
