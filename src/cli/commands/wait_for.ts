/**
 * `hyperctl wait KIND NAME…|KIND/NAME… [-l SEL | --all] --for COND [--timeout D]`: kubectl's
 * wait for any HyperSDK object — a phase, a condition, a deletion or a field's value.
 *
 * The command in one place: its flags, `parse` (pure: every problem at once, nothing sent) and
 * `run`, which imports the watches (_run_wait_for.ts) only when it runs.
 * @module
 */

import { parseDuration } from "../../core/duration.ts";
import { InputError } from "../../core/input_error.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { resourceArgs } from "../../core/resource_words.ts";
import { parseWaitCondition } from "../../core/wait_condition.ts";
import { andThen, attempt, collect, mapValid, unless } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { switchFlag, valueFlag } from "../command_spec.ts";
import { checkGlobals } from "../global_flags.ts";
import { QUERY_GLOBALS, WRITE_OUTPUTS } from "../honoured_globals.ts";
import { parseOutputFormat } from "../output.ts";
import { parseProgressMode } from "../progress_mode.ts";
import { NOTIFY_FLAG } from "./mutation_flags.ts";
import { checkNames } from "./target_spec.ts";
import type { WaitForOptions } from "./wait_for_options.ts";

/** kubectl's default; a negative timeout means a week, as in kubectl. */
const WEEK_MS = 7 * 24 * 3_600_000;

const FLAGS = [
  valueFlag(
    "--for",
    "condition",
    "phase=P[,P2] | condition=C[=True|False] | create | delete | jsonpath='{.path}'[=VALUE]",
    { required: true },
  ),
  valueFlag("--timeout", "duration", "give up after this long (0 = check once)", {
    default: "30s",
  }),
  valueFlag("--selector", "selector", "wait for every object matching this label selector", {
    short: "-l",
  }),
  switchFlag("--all", "wait for every object of the kind in the namespace"),
  valueFlag("--progress", "mode", "auto|bar|lines|none (auto: a bar on a terminal, else none)"),
  NOTIFY_FLAG,
] as const;

/** What to wait for, as given. */
interface WaitWhat {
  for?: string;
  selector?: string;
  all: boolean;
  allNamespaces?: boolean;
}

type Targets = Pick<WaitForOptions, "kind" | "names" | "condition">;

/** The objects and the condition, every problem with them named. */
function checkTargets(kind: KindInfo, names: string[], flags: WaitWhat) {
  const chosen = [names.length > 0, flags.selector !== undefined, flags.all];
  const wanted = flags.for;
  return mapValid(
    collect({
      names: checkNames(kind, names),
      one: unless(
        chosen.filter(Boolean).length !== 1,
        `wait needs exactly one of: ${kind.singular} names, -l SELECTOR, --all`,
      ),
      selector: attempt(() =>
        flags.selector === undefined ? undefined : parseLabelSelector(flags.selector)
      ),
      namespaces: unless(
        flags.allNamespaces === true && names.length > 0,
        `-A goes with -l or --all; names are looked up in one namespace (-n)`,
      ),
      create: unless(
        wanted === "create" && names.length === 0,
        "--for create needs names: objects that do not exist match no selector",
      ),
      condition: attempt(() => {
        if (wanted === undefined) {
          throw new InputError(
            "wait needs --for phase=P | condition=C[=V] | create | delete | jsonpath='{…}'=V",
          );
        }
        return parseWaitCondition(kind, wanted);
      }),
    }),
    ({ condition }): Targets => ({ kind, names, condition }),
  );
}

/** `hyperctl wait`. */
export const waitForCommand = defineCommand({
  spec: {
    name: "wait",
    description: "wait for objects to reach a phase or condition, or to be deleted (kubectl wait)",
    args: [{ name: "resources", required: true, variadic: true }],
    globals: QUERY_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
    flags: FLAGS,
  },
  parse: ({ flags, args }, env) => {
    const resource = attempt(() => {
      if (args.length === 0) {
        throw new InputError(
          "wait needs a resource: wait KIND NAME… | KIND/NAME… | KIND -l SELECTOR",
        );
      }
      return resourceArgs(args);
    });
    const timeout = flags.timeout;
    return mapValid(
      collect({
        globals: checkGlobals(flags),
        targets: andThen(resource, ({ kind, names }) => checkTargets(kind, names, flags)),
        timeoutMs: attempt(() => timeout.startsWith("-") ? WEEK_MS : parseDuration(timeout)),
        // Off a terminal the wait is quiet, like kubectl's; --progress lines asks for the log.
        progress: attempt(() =>
          flags.progress === undefined && !env.stderrIsTTY
            ? "none"
            : parseProgressMode(flags.progress, false, env.stderrIsTTY)
        ),
        output: attempt(() =>
          flags.output === undefined
            ? undefined
            : parseOutputFormat(flags.output, ["json", "yaml", "name"]) as WaitForOptions["output"]
        ),
      }),
      (v): WaitForOptions => ({
        ...v.targets,
        globals: v.globals,
        selector: flags.selector,
        all: flags.all,
        allNamespaces: flags.allNamespaces === true,
        timeoutMs: v.timeoutMs,
        progress: v.progress,
        notify: flags.notify,
        output: v.output,
      }),
    );
  },
  async run(options, deps) {
    const { runWaitFor } = await import("./_run_wait_for.ts");
    await runWaitFor(options, deps);
  },
});
