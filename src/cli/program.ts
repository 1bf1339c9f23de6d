/**
 * The command tree: nouns, verbs, flags and help, as data (command_spec.ts). Leaves import their
 * command module only when they run, so `--help` and `--version` never load the cluster client.
 * @module
 */

import { type KindInfo, KINDS } from "../core/kinds.ts";
import { type CommandSpec, type FlagSpec, switchFlag, valueFlag } from "./command_spec.ts";
import type { Deps, GlobalFlags } from "./deps.ts";
import { GLOBAL_FLAGS } from "./global_flags.ts";
import { EXIT_CODES_HELP } from "./help_text.ts";
import { writeCommands } from "./write_commands.ts";
import { InputError } from "./outcomes.ts";
import type { RawListFlags } from "./commands/list_options.ts";
import type { RawGetFlags } from "./commands/get.ts";
import { waitForCommand } from "./wait_command.ts";
import { kubectlVerbCommands } from "./kubectl_verbs.ts";
import {
  CLUSTER_GLOBALS,
  LOCAL_GLOBALS,
  QUERY_GLOBALS,
  READ_GLOBALS,
  REPORT_OUTPUTS,
} from "./honoured_globals.ts";

const LIST_FLAGS: readonly FlagSpec[] = [
  valueFlag("--selector", "selector", "label selector, sent to the server (a=b,c!=d,e in (f))", {
    short: "-l",
  }),
  valueFlag("--field-selector", "selector", "field selector, sent to the server"),
  valueFlag("--created-after", "time", "created after an RFC 3339 time or a duration ago (24h)"),
  valueFlag("--created-before", "time", "created before an RFC 3339 time or a duration ago"),
  valueFlag("--where", "expr", "query, e.g. 'status = Running and memory >= 8Gi'"),
  valueFlag("--preset", "name", "saved filter set from the config file"),
  valueFlag(
    "--sort-by",
    "field",
    "sort by a field path, e.g. .spec.cpus or name (reads the whole list before printing)",
  ),
  switchFlag("--no-headers", "omit the table header"),
  valueFlag("--chunk-size", "n", "list page size (0 = unpaginated)", { default: "500" }),
  switchFlag("--watch", "after listing, watch for changes", "-w"),
  switchFlag("--watch-only", "watch for changes without listing first"),
  valueFlag("--for", "duration", "watch for this long, then exit 0 (0: print the list and stop)"),
  switchFlag("--live", "on a terminal, redraw the watched table in place (keeps every row)"),
  switchFlag("--all-contexts", "list/watch in every context of the kubeconfig (CONTEXT column)"),
  valueFlag("--state-file", "path", "resume a watch across runs from this checkpoint file"),
];

/** kubectl's printing flags of `get`, on list and get alike. */
const PRINT_FLAGS: readonly FlagSpec[] = [
  valueFlag("--label-columns", "keys", "add a column per label key (a,b; repeatable)", {
    short: "-L",
    repeatable: true,
  }),
  switchFlag("--show-labels", "add a LABELS column with every label"),
  switchFlag("--show-kind", "print NAME as kind.group/name"),
  switchFlag("--show-managed-fields", "keep metadata.managedFields in -o json|yaml"),
  switchFlag("--output-watch-events", "under --watch, templates see {type, object} per event"),
  valueFlag(
    "--allow-missing-template-keys",
    "bool",
    "a missing field in a jsonpath template prints nothing (false: an error)",
    { value: "optional", default: "true" },
  ),
];

const VM_LIST_FLAGS: readonly FlagSpec[] = [
  valueFlag("--node", "name", "only VMs on this node"),
  valueFlag("--min-cpus", "n", "only VMs with at least this many CPUs"),
  valueFlag("--min-memory", "quantity", "only VMs with at least this memory (exact, e.g. 8Gi)"),
];

function listCommand(kind: KindInfo, deps: Deps): CommandSpec {
  const phases = kind.phases.length ? ` (${kind.phases.join(", ")})` : "";
  const status = valueFlag(
    "--status",
    "phases",
    `only these phases, comma-separated, any case${phases}`,
  );
  return {
    name: "list",
    aliases: ["ls"],
    description: `list ${kind.plural}`,
    flags: [status, ...LIST_FLAGS, ...PRINT_FLAGS, ...(kind.noun === "vm" ? VM_LIST_FLAGS : [])],
    globals: READ_GLOBALS,
    run: async ({ flags }) => {
      const { runListCommand } = await import("./commands/list.ts");
      await runListCommand(kind, flags as RawListFlags, flags as GlobalFlags, deps);
    },
  };
}

function getCommand(kind: KindInfo, deps: Deps): CommandSpec {
  return {
    name: "get",
    description: `show ${kind.plural} by name`,
    args: [{ name: "names", required: true, variadic: true }],
    globals: READ_GLOBALS,
    flags: [
      switchFlag("--watch", "after getting, watch the object for changes", "-w"),
      switchFlag("--watch-only", "watch the object without printing it first"),
      valueFlag("--for", "duration", "watch for this long, then exit 0"),
      ...PRINT_FLAGS,
      switchFlag("--no-headers", "omit the table header"),
    ],
    run: async ({ flags, args }) => {
      const { runGetCommand } = await import("./commands/get.ts");
      await runGetCommand(kind, args, flags as RawGetFlags, flags as GlobalFlags, deps);
    },
  };
}

function describeCommand(kind: KindInfo, deps: Deps): CommandSpec {
  return {
    name: "describe",
    description: `show ${kind.plural} in detail: spec, status, related objects, events`,
    args: [{ name: "names", required: false, variadic: true }],
    globals: QUERY_GLOBALS,
    outputFormats: REPORT_OUTPUTS,
    flags: [valueFlag("--selector", "selector", `describe the ${kind.plural} matching it`, {
      short: "-l",
    })],
    run: async ({ flags, args }) => {
      const { runDescribeCommand } = await import("./commands/describe.ts");
      await runDescribeCommand(kind, args, flags, flags as GlobalFlags, deps);
    },
  };
}

function nounCommand(kind: KindInfo, deps: Deps): CommandSpec {
  return {
    name: kind.noun,
    aliases: kind.aliases.filter((a) => a !== kind.noun),
    description: `${kind.kind} (${kind.plural}.hypersdk.io)`,
    commands: [
      listCommand(kind, deps),
      getCommand(kind, deps),
      describeCommand(kind, deps),
      ...writeCommands(kind.noun, deps),
    ],
  };
}

const SIM_FLAGS: readonly FlagSpec[] = [
  valueFlag("--port", "port", "HTTPS port (0 = any free port)", { default: "0" }),
  valueFlag("--vms", "n", "VMs to seed", { default: "12" }),
  valueFlag("--nodes", "a,b,c", "node names VMs are placed on", {
    default: "node-1,node-2,node-3",
  }),
  valueFlag(
    "--kubeconfig-out",
    "path",
    "where to write the kubeconfig (default ~/.kube/hyperctl-sim.yaml)",
  ),
  valueFlag("--pace", "pace", "fast|normal operator speed", { default: "normal" }),
  valueFlag("--seed-namespace", "ns", "namespace of the seeded VMs", { default: "default" }),
  valueFlag(
    "--ready-file",
    "path",
    "write a JSON line here once the fleet is seeded (for scripts)",
  ),
];

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
      waitForCommand(deps),
      {
        name: "status",
        description: "check the cluster: server version, HyperSDK CRDs, operator",
        globals: [...CLUSTER_GLOBALS, "--output"],
        outputFormats: REPORT_OUTPUTS,
        run: async ({ flags }) => {
          const { runStatusCommand } = await import("./commands/status.ts");
          await runStatusCommand(flags as GlobalFlags, deps);
        },
      },
      {
        name: "version",
        description: "print the client's and the server's versions",
        flags: [switchFlag("--client", "the client's version only (contacts no cluster)")],
        globals: [...CLUSTER_GLOBALS, "--output"],
        outputFormats: REPORT_OUTPUTS,
        run: async ({ flags }) => {
          const { runVersionCommand } = await import("./commands/version.ts");
          await runVersionCommand(flags, flags as GlobalFlags, deps);
        },
      },
      {
        name: "sim",
        description: "run an embedded cluster with a simulated HyperSDK operator (Ctrl+C stops it)",
        flags: SIM_FLAGS,
        globals: LOCAL_GLOBALS,
        run: async ({ flags }) => {
          const { runSimCommand } = await import("./commands/sim.ts");
          await runSimCommand(flags as Record<string, string>, deps);
        },
      },
      {
        // run() translates `hyperctl k8s …` before parsing; this entry is for help and completion.
        name: "k8s",
        description:
          "HyperSDK's `hyperctl k8s -op OP [-flag …]` syntax, translated (see hyperctl k8s -h)",
        run: () => {
          throw new InputError("k8s must be the first word: hyperctl k8s -op OP [-flag …]");
        },
      },
      {
        name: "completion",
        description: "print a shell completion script: source <(hyperctl completion bash)",
        args: [{ name: "shell", required: true, variadic: false }],
        globals: LOCAL_GLOBALS,
        run: async ({ args }) => {
          const { runCompletionCommand } = await import("./completion/mod.ts");
          await runCompletionCommand(args[0], deps);
        },
      },
    ],
  };
}
