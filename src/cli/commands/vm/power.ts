/**
 * `vm start|stop|restart NAME…|-l SEL [--force]`: one VMOperation per VM, optionally waited for.
 * @module
 */

import { kindByNoun } from "../../../core/kinds.ts";
import { mapValid } from "../../../core/validation.ts";
import { type Command, defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS } from "../mutation_flags.ts";
import { checkTargets } from "../target_spec.ts";
import type { PowerCommandOptions, PowerOperation } from "./operation.ts";

export type { PowerCommandOptions };

const flagsOf = (operation: PowerOperation) =>
  [
    valueFlag("--selector", "selector", `${operation} every VM matching this label selector`, {
      short: "-l",
    }),
    switchFlag("--force", "force the operation"),
    ...MUTATION_FLAGS,
  ] as const;

/** `vm start`, `vm stop` or `vm restart`. */
export function powerCommand(operation: PowerOperation): Command<PowerCommandOptions> {
  return defineCommand({
    spec: {
      name: operation,
      description: `${operation} VMs (one VMOperation each)`,
      args: [{ name: "names", required: false, variadic: true }],
      flags: flagsOf(operation),
      globals: WRITE_GLOBALS,
      outputFormats: WRITE_OUTPUTS,
    },
    parse: ({ flags, args }, env) =>
      checkWriting(
        flags,
        env.stderrIsTTY,
        true,
        mapValid(
          checkTargets(kindByNoun("vm"), args, flags.selector),
          (targets) => ({ operation, targets, force: flags.force }),
        ),
      ),
    async run(options, deps) {
      const { runPowerOperations } = await import("./operation.ts");
      await runPowerOperations(options, deps);
    },
  });
}
