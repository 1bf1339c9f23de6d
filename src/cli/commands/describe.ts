/**
 * `hyperctl <noun> describe [NAME… | -l SELECTOR]`: kubectl's describe view of each object, or
 * with `-o json|yaml` the same content as one document.
 *
 * The command in one place: its flag, `parse` (pure: every problem at once, nothing sent) and
 * `run`, which imports the cluster side (_run_describe.ts) only when it runs.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import { collect, mapValid, unless } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { valueFlag } from "../command_spec.ts";
import { QUERY_GLOBALS, REPORT_OUTPUTS } from "../honoured_globals.ts";
import type { DescribeOptions } from "./describe_options.ts";
import { checkTargets } from "./target_spec.ts";
import { checkReport } from "./report_flags.ts";

/** `KIND describe` for one kind. */
export function describeCommand(kind: KindInfo) {
  return defineCommand({
    spec: {
      name: "describe",
      description: `show ${kind.plural} in detail: spec, status, related objects, events`,
      args: [{ name: "names", required: false, variadic: true }],
      globals: QUERY_GLOBALS,
      outputFormats: REPORT_OUTPUTS,
      flags: [
        valueFlag("--selector", "selector", `describe the ${kind.plural} matching it`, {
          short: "-l",
        }),
      ] as const,
    },
    parse: ({ flags, args }) =>
      mapValid(
        collect({
          // As kubectl: no name and no selector describes every object of the kind.
          targets: checkTargets(kind, args, flags.selector),
          namespaced: unless(
            flags.allNamespaces === true && args.length > 0,
            `a ${kind.singular} cannot be described by name across all namespaces; use -n NAMESPACE`,
          ),
          report: checkReport(flags),
        }),
        (v): DescribeOptions => ({
          kind,
          ...v.report,
          targets: v.targets,
          allNamespaces: flags.allNamespaces === true,
        }),
      ),
    async run(options, deps) {
      const { runDescribe } = await import("./_run_describe.ts");
      await runDescribe(options, deps);
    },
  });
}
