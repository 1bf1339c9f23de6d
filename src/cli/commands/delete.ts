/**
 * `<noun> delete NAME…|-l SEL [--yes] [--wait]`: delete objects like kubectl does, asking first
 * on a terminal (see _delete.ts for what runs).
 * @module
 */

import { kindByNoun, type Noun } from "../../core/kinds.ts";
import { mapValid } from "../../core/validation.ts";
import { type Command, defineCommand } from "../command.ts";
import { switchFlag, valueFlag } from "../command_spec.ts";
import { NAMESPACED_GLOBALS } from "../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS } from "./mutation_flags.ts";
import { checkTargets } from "./target_spec.ts";
import type { DeleteCommandOptions } from "./_delete.ts";

export type { DeleteCommandOptions };

const FLAGS = [
  valueFlag("--selector", "selector", "delete everything matching this label selector", {
    short: "-l",
  }),
  switchFlag("--yes", "do not ask for confirmation", "-y"),
  ...MUTATION_FLAGS,
] as const;

/** `<noun> delete`. */
export function deleteCommand(noun: Noun): Command<DeleteCommandOptions> {
  const kind = kindByNoun(noun);
  return defineCommand({
    spec: {
      name: "delete",
      description: `delete ${noun} objects (asks on a terminal; --yes required otherwise)`,
      args: [{ name: "names", required: false, variadic: true }],
      flags: FLAGS,
      globals: NAMESPACED_GLOBALS,
    },
    parse: ({ flags, args }, env) =>
      checkWriting(
        // delete prints "x deleted" lines only: it honours no -o.
        { ...flags, output: undefined },
        env.stderrIsTTY,
        true,
        mapValid(
          checkTargets(kind, args, flags.selector),
          (targets) => ({ kind, targets, yes: flags.yes }),
        ),
      ),
    async run(options, deps) {
      const { runDelete } = await import("./_delete.ts");
      await runDelete(options, deps);
    },
  });
}
