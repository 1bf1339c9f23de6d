/**
 * `translateK8sArgs`: HyperSDK's `hyperctl k8s` arguments → hyperctl argv. Pure: no I/O, so the
 * whole mapping is table-tested and `run()` executes the result like any command line.
 * @module
 */

import { closest } from "../../core/did_you_mean.ts";
import { InputError } from "../outcomes.ts";
import { missingFlag, output, scope } from "./_mapping.ts";
import { parseGoFlags } from "./go_flags.ts";
import { k8sHelp } from "./help.ts";
import { K8S_FLAGS, K8sFlags } from "./k8s_flags.ts";
import { opByName, OPS, opsByGroup } from "./ops.ts";

/** The outcome: a command line to run, or the help text to print (exit 0). */
export type K8sTranslation = { argv: string[] } | { help: string };

function unknownOp(op: string): InputError {
  const hint = closest(op, OPS.map((o) => o.op));
  const groups = [...opsByGroup()].map(([group, ops]) => `${group}: ${ops.join(", ")}`);
  // exit_code.errorLine joins these lines with "; " into one error line.
  return new InputError(
    [
      `hyperctl k8s: unknown -op ${JSON.stringify(op)}${hint ? ` (did you mean "${hint}"?)` : ""}`,
      `valid ops: ${groups[0]}`,
      ...groups.slice(1),
    ].join("\n"),
  );
}

/** Words that start a new-syntax command line (`hyperctl k8s vm list` was meant as one). */
const NEW_SYNTAX = /^(vms?|ops?|snapshots?|templates?|backups?|restores?|schedules?|status)$/;

function leftover(rest: readonly string[]): InputError {
  const arg = rest[0];
  const hint = /^(true|false|[01tTfF]|TRUE|FALSE|True|False)$/.test(arg)
    ? "a bool flag takes its value as -flag=false"
    : NEW_SYNTAX.test(arg)
    ? `-op selects the operation (did you mean "hyperctl ${rest.join(" ")}"?)`
    : "hyperctl k8s takes flags only, e.g. -vm NAME";
  // HyperSDK silently ignored everything from here on (so `k8s vm list` ran `status`).
  return new InputError(`hyperctl k8s: unexpected argument ${JSON.stringify(arg)}: ${hint}`);
}

/**
 * Translate `hyperctl k8s` arguments (without the leading "k8s").
 *
 * @returns `{ argv }` to run, or `{ help }` for `-h`/`-help`
 * @throws InputError (exit 2) for bad flag syntax, an unknown op, a missing required flag (with an
 *   example), a leftover argument, or a flag hyperctl cannot express
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { translateK8sArgs } from "./translate.ts";
 * deepEqual(translateK8sArgs(["-op", "vm-list", "-status", "running", "-watch"]), {
 *   argv: ["vm", "list", "--status", "Running", "--watch", "-o", "yaml"],
 * });
 * ```
 */
export function translateK8sArgs(args: readonly string[]): K8sTranslation {
  const parsed = parseGoFlags(K8S_FLAGS, args);
  if ("help" in parsed) return { help: k8sHelp() };
  if (parsed.rest.length > 0) throw leftover(parsed.rest);
  const f = new K8sFlags(parsed);
  const spec = opByName(f.str("op"));
  if (!spec) throw unknownOp(f.str("op"));
  spec.reject?.(f);
  for (const flag of spec.required) {
    if (f.str(flag) === "") throw missingFlag(spec, flag);
  }
  return {
    argv: [
      ...spec.translate(f, spec),
      ...output(f, spec),
      // `status` addresses no namespace: HyperSDK ignored -namespace there, hyperctl refuses -n.
      ...scope(f, spec.listing === true, spec.group !== "cluster"),
    ],
  };
}
