/**
 * The `wait` command's place in the tree: kubectl's `wait` for every HyperSDK kind.
 * @module
 */

import { type CommandSpec, switchFlag, valueFlag } from "./command_spec.ts";
import type { Deps, GlobalFlags } from "./deps.ts";
import { QUERY_GLOBALS, WRITE_OUTPUTS } from "./honoured_globals.ts";

/** `--notify`, on every wait. */
export const NOTIFY_FLAG = switchFlag(
  "--notify",
  "on a terminal, a desktop notification when the wait ends",
);

/** `hyperctl wait KIND NAME…|KIND/NAME… [-l SEL|--all] --for COND [--timeout D] [--notify]`. */
export function waitForCommand(deps: Deps): CommandSpec {
  return {
    name: "wait",
    description: "wait for objects to reach a phase or condition, or to be deleted (kubectl wait)",
    args: [{ name: "resources", required: true, variadic: true }],
    globals: QUERY_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
    flags: [
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
    ],
    run: async ({ flags, args }) => {
      const { runWaitForCommand } = await import("./commands/wait_for.ts");
      await runWaitForCommand(args, flags, flags as GlobalFlags, deps);
    },
  };
}
