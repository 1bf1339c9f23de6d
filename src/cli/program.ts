/**
 * The command tree: nouns and verbs as lazy entries (a name, a description and where the command
 * module is), so routing a command line loads only the module it names, and `--help` and
 * `--version` load no command module at all.
 * @module
 */

import { type KindInfo, KINDS } from "../core/kinds.ts";
import type { CommandSpec } from "./command_spec.ts";
import type { Deps } from "./deps.ts";
import { GLOBAL_FLAGS } from "./global_flags.ts";
import { EXIT_CODES_HELP } from "./help_text.ts";
import { writeCommands } from "./write_commands.ts";
import { InputError } from "./outcomes.ts";
import { lazyLeaf } from "./command.ts";
import { kubectlVerbCommands } from "./kubectl_verbs.ts";
import { GET_KINDS } from "./parse/verb_first.ts";

function nounCommand(kind: KindInfo, deps: Deps): CommandSpec {
  return {
    name: kind.noun,
    aliases: kind.aliases.filter((a) => a !== kind.noun),
    description: `${kind.kind} (${kind.plural}.hypersdk.io)`,
    commands: [
      lazyLeaf(
        "list",
        `list ${kind.plural}`,
        () => import("./commands/list.ts").then((m) => m.listCommand(kind)),
        deps,
        ["ls"],
      ),
      lazyLeaf(
        "get",
        `show ${kind.plural} by name`,
        () => import("./commands/get.ts").then((m) => m.getCommand(kind)),
        deps,
      ),
      lazyLeaf(
        "describe",
        `show ${kind.plural} in detail: spec, status, related objects, events`,
        () => import("./commands/describe.ts").then((m) => m.describeCommand(kind)),
        deps,
      ),
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
      {
        ...lazyLeaf(
          GET_KINDS,
          "show objects of several kinds (get KIND,KIND… [NAME…] or get KIND/NAME…)",
          () => import("./commands/get_kinds.ts").then((m) => m.getKindsCommand),
          deps,
        ),
        hidden: true,
      },
      lazyLeaf(
        "wait",
        "wait for objects to reach a phase or condition, or to be deleted (kubectl wait)",
        () => import("./commands/wait_for.ts").then((m) => m.waitForCommand),
        deps,
      ),
      lazyLeaf(
        "status",
        "check the cluster: server version, HyperSDK CRDs, operator",
        () => import("./commands/status.ts").then((m) => m.statusCommand),
        deps,
      ),
      lazyLeaf(
        "version",
        "print the client's and the server's versions",
        () => import("./commands/version.ts").then((m) => m.versionCommand),
        deps,
      ),
      lazyLeaf(
        "sim",
        "run an embedded cluster with a simulated HyperSDK operator (Ctrl+C stops it)",
        () => import("./commands/sim.ts").then((m) => m.simCommand),
        deps,
      ),
      {
        // run() translates `hyperctl k8s …` before parsing; this entry is for help and completion.
        name: "k8s",
        description:
          "HyperSDK's `hyperctl k8s -op OP [-flag …]` syntax, translated (see hyperctl k8s -h)",
        run: () => {
          throw new InputError("k8s must be the first word: hyperctl k8s -op OP [-flag …]");
        },
      },
      lazyLeaf(
        "completion",
        "print a shell completion script: source <(hyperctl completion bash)",
        () => import("./completion/completion_command.ts").then((m) => m.completionCommand),
        deps,
      ),
    ],
  };
}
