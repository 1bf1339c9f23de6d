/**
 * `hyperctl <noun> get NAME… [-w]`: objects by name, or one object followed over time.
 *
 * The command in one place: its flags, `parse` (pure: every problem at once, nothing sent) and
 * `run`, which imports the cluster side (_run_get.ts) only when it runs.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import { parseSortKey } from "../../core/sort.ts";
import { attempt, collect, mapValid, unless } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { switchFlag, valueFlag } from "../command_spec.ts";
import { checkGlobals } from "../global_flags.ts";
import { READ_GLOBALS } from "../honoured_globals.ts";
import type { GetCommandOptions } from "./get_options.ts";
import { checkNames } from "./target_spec.ts";
import { checkPrintFlags, NO_HEADERS_FLAG, PRINT_FLAGS } from "./print_flags.ts";
import { checkFor, watchModeOf } from "./watch_flags.ts";

const FLAGS = [
  switchFlag("--watch", "after getting, watch the object for changes", "-w"),
  switchFlag("--watch-only", "watch the object without printing it first"),
  valueFlag("--for", "duration", "watch for this long, then exit 0"),
  valueFlag("--sort-by", "field", "print several names sorted, as list --sort-by"),
  // kubectl's get takes them too and refuses them beside names: known here, so that is the one
  // problem named, not an unknown flag and its value taken for a name.
  valueFlag("--selector", "selector", "refused with names, as kubectl (list -l selects)", {
    short: "-l",
  }),
  valueFlag("--field-selector", "selector", "refused with names, as kubectl"),
  ...PRINT_FLAGS,
  NO_HEADERS_FLAG,
] as const;

/** `KIND get` for one kind. */
export function getCommand(kind: KindInfo) {
  return defineCommand({
    spec: {
      name: "get",
      description: `show ${kind.plural} by name`,
      args: [{ name: "names", required: true, variadic: true }],
      globals: READ_GLOBALS,
      flags: FLAGS,
    },
    parse: ({ flags, args }, env) => {
      const watch = watchModeOf(flags);
      const checked = collect({
        globals: checkGlobals(flags),
        namespaced: unless(
          flags.allNamespaces === true,
          `a ${kind.singular} cannot be retrieved by name across all namespaces; use -n NAMESPACE`,
        ),
        names: checkNames(kind, args),
        selector: unless(
          flags.selector !== undefined || flags.fieldSelector !== undefined,
          "name cannot be provided when a selector is specified",
        ),
        // kubectl's `--sort-by ""` sorts nothing.
        sortKey: attempt(() => flags.sortBy ? parseSortKey(flags.sortBy, kind) : undefined),
        one: unless(
          watch !== "none" && args.length > 1,
          `--watch follows one ${kind.singular}; for several use list -w (-l SELECTOR)`,
        ),
        forMs: checkFor(flags),
        out: checkPrintFlags(flags.output, flags, {
          watch: watch !== "none",
          terminal: env.stdoutIsTTY,
        }),
      });
      return mapValid(checked, (v): GetCommandOptions => ({
        ...v.out,
        kind,
        globals: v.globals,
        names: v.names,
        sortKey: v.sortKey,
        noHeaders: flags.headers === false,
        watch,
        forMs: v.forMs,
      }));
    },
    async run(options, deps) {
      const { runGet } = await import("./_run_get.ts");
      await runGet(options, deps);
    },
  });
}
