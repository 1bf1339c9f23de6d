/**
 * The command tree: nouns, verbs, flags and help, as data (command_spec.ts). Leaves import their
 * command module only when they run, so `--help` and `--version` never load the cluster client.
 * @module
 */

import { type KindInfo, KINDS } from "../core/kinds.ts";
import type { CommandSpec } from "./command_spec.ts";
import type { Deps } from "./deps.ts";
import { GLOBAL_FLAGS } from "./global_flags.ts";
import { EXIT_CODES_HELP } from "./help_text.ts";
import { writeCommands } from "./write_commands.ts";
import { InputError } from "./outcomes.ts";
import { leafOf } from "./command.ts";
import { listCommand } from "./commands/list.ts";
import { getCommand } from "./commands/get.ts";
import { describeCommand } from "./commands/describe.ts";
import { statusCommand } from "./commands/status.ts";
import { versionCommand } from "./commands/version.ts";
import { simCommand } from "./commands/sim.ts";
import { completionCommand } from "./completion/completion_command.ts";
import { waitForCommand } from "./commands/wait_for.ts";
import { kubectlVerbCommands } from "./kubectl_verbs.ts";

function nounCommand(kind: KindInfo, deps: Deps): CommandSpec {
  return {
    name: kind.noun,
    aliases: kind.aliases.filter((a) => a !== kind.noun),
    description: `${kind.kind} (${kind.plural}.hypersdk.io)`,
    commands: [
      leafOf(listCommand(kind), deps),
      leafOf(getCommand(kind), deps),
      leafOf(describeCommand(kind), deps),
      ...writeCommands(kind.noun, deps),
    ],
  };
}

/** Build the whole command tree bound to `deps`. */
export function commandTree(deps: Deps): CommandSpec {
  const nouns = KINDS.map((kind) => nounCommand(kind, deps));
  return {
    name: deps.programName ?? "hyperctl",
    description: "manage HyperSDK virtual machines on Kubernetes",
    helpAfter: EXIT_CODES_HELP,
    flags: GLOBAL_FLAGS,
    commands: [
      ...nouns,
      ...kubectlVerbCommands(nouns),
      leafOf(waitForCommand, deps),
      leafOf(statusCommand, deps),
      leafOf(versionCommand, deps),
      leafOf(simCommand, deps),
      {
        // run() translates `hyperctl k8s …` before parsing; this entry is for help and completion.
        name: "k8s",
        description:
          "HyperSDK's `hyperctl k8s -op OP [-flag …]` syntax, translated (see hyperctl k8s -h)",
        run: () => {
          throw new InputError("k8s must be the first word: hyperctl k8s -op OP [-flag …]");
        },
      },
      leafOf(completionCommand, deps),
    ],
  };
}
