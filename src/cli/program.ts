/**
 * The command tree: nouns, verbs, flags and help. Actions import their command module lazily, so
 * `--help` and `--version` never load the cluster client.
 * @module
 */

import { Command, Option } from "commander";
import { type KindInfo, KINDS } from "../core/kinds.ts";
import type { Deps, GlobalFlags } from "./deps.ts";
import { VERSION } from "./version.ts";
import { EXIT_CODES_HELP } from "./help_text.ts";
import { writeCommands } from "./write_commands.ts";
import { installConfig } from "./config/install_config.ts";

/** Flags of `list`, as commander hands them over (strings until parsed). */
export interface RawListFlags {
  selector?: string;
  fieldSelector?: string;
  status?: string;
  node?: string;
  minCpus?: string;
  minMemory?: string;
  createdAfter?: string;
  createdBefore?: string;
  where?: string;
  preset?: string;
  sortBy?: string;
  headers?: boolean;
  chunkSize?: string;
  watch?: boolean;
  watchOnly?: boolean;
  for?: string;
  live?: boolean;
  stateFile?: string;
  allContexts?: boolean;
}

/** Flags of `get`. */
export interface RawGetFlags {
  watch?: boolean;
  watchOnly?: boolean;
  for?: string;
}

function addGlobalOptions(cmd: Command): Command {
  return cmd
    .option("--kubeconfig <path>", "path to the kubeconfig file")
    .option("--context <name>", "kubeconfig context to use (list: a,b for several clusters)")
    .option("-n, --namespace <ns>", "namespace (default: the context's, else default)")
    .option("-A, --all-namespaces", "across all namespaces")
    .option("-o, --output <format>", "output format: table|wide|json|yaml|name")
    .option(
      "--request-timeout <duration>",
      "timeout of a single request (watches are not capped)",
      "30s",
    )
    .addOption(
      new Option("--color <when>", "colour output").choices(["auto", "always", "never"]).default(
        "auto",
      ),
    )
    .option("-v, --verbose", "log requests (credentials redacted) and show stack traces");
}

function listCommand(kind: KindInfo, deps: Deps): Command {
  const phases = kind.phases.length ? ` (${kind.phases.join(", ")})` : "";
  const cmd = new Command("list")
    .alias("ls")
    .description(`list ${kind.plural}`)
    .option("-l, --selector <selector>", "label selector, sent to the server (a=b,c!=d,e in (f))")
    .option("--field-selector <selector>", "field selector, sent to the server")
    .option("--status <phases>", `only these phases, comma-separated, any case${phases}`)
    .option("--created-after <time>", "created after an RFC 3339 time or a duration ago (24h)")
    .option("--created-before <time>", "created before an RFC 3339 time or a duration ago")
    .option("--where <expr>", "query, e.g. 'status = Running and memory >= 8Gi'")
    .option("--preset <name>", "saved filter set from the config file")
    .option("--sort-by <field>", "sort by a field path, e.g. .spec.cpus or name")
    .option("--no-headers", "omit the table header")
    .option("--chunk-size <n>", "list page size (0 = unpaginated)", "500")
    .option("-w, --watch", "after listing, watch for changes")
    .option("--watch-only", "watch for changes without listing first")
    .option("--for <duration>", "watch for this long, then exit 0")
    .option("--live", "on a terminal, redraw the watched table in place")
    .option("--all-contexts", "list/watch in every context of the kubeconfig (CONTEXT column)")
    .option("--state-file <path>", "resume a watch across runs from this checkpoint file");
  if (kind.noun === "vm") {
    cmd
      .option("--node <name>", "only VMs on this node")
      .option("--min-cpus <n>", "only VMs with at least this many CPUs")
      .option("--min-memory <quantity>", "only VMs with at least this memory (exact, e.g. 8Gi)");
  }
  return cmd.action(async (flags: RawListFlags, self: Command) => {
    const { runListCommand } = await import("./commands/list.ts");
    await runListCommand(kind, flags, self.optsWithGlobals() as GlobalFlags, deps);
  });
}

function getCommand(kind: KindInfo, deps: Deps): Command {
  return new Command("get")
    .description(`show one ${kind.singular}`)
    .argument("<name>", `${kind.singular} name`)
    .option("-w, --watch", "after getting, watch the object for changes")
    .option("--watch-only", "watch the object without printing it first")
    .option("--for <duration>", "watch for this long, then exit 0")
    .action(async (name: string, flags: RawGetFlags, self: Command) => {
      const { runGetCommand } = await import("./commands/get.ts");
      await runGetCommand(kind, name, flags, self.optsWithGlobals() as GlobalFlags, deps);
    });
}

function nounCommand(kind: KindInfo, deps: Deps): Command {
  const names = [kind.noun, ...kind.aliases.filter((a) => a !== kind.noun)];
  const cmd = new Command(kind.noun)
    .description(`${kind.kind} (${kind.plural}.hypersdk.io)`)
    .aliases(names.slice(1));
  cmd.addCommand(listCommand(kind, deps));
  cmd.addCommand(getCommand(kind, deps));
  for (const sub of writeCommands(kind.noun, deps)) cmd.addCommand(sub);
  return cmd;
}

function configureTree(cmd: Command, deps: Deps): void {
  cmd
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void deps.io.out.write(s),
      // Errors are printed once, as one line, by run(); help shown on error goes to stderr.
      writeErr: (s) => {
        if (!s.startsWith("error:")) void deps.io.err.write(s);
      },
    });
  for (const sub of cmd.commands) configureTree(sub, deps);
}

/** The flags of `cmd` that take a value as the next word (`-n prod`, `--context a`). */
export function valueFlagsOf(cmd: Command): Set<string> {
  const names = cmd.options
    .filter((o) => o.required || o.optional)
    .flatMap((o) => [o.short, o.long])
    .filter((n): n is string => n !== undefined);
  return new Set(names);
}

/** Build the whole command tree bound to `deps`. */
export function buildProgram(deps: Deps): Command {
  const program = addGlobalOptions(
    new Command("hyperctl")
      .description("manage HyperSDK virtual machines on Kubernetes")
      .version(`hyperctl ${VERSION}`, "--version", "print the version"),
  );
  program.addHelpText("after", EXIT_CODES_HELP);
  for (const kind of KINDS) program.addCommand(nounCommand(kind, deps));
  program.addCommand(
    new Command("status")
      .description("check the cluster: server version, HyperSDK CRDs, operator")
      .action(async (_flags: unknown, self: Command) => {
        const { runStatusCommand } = await import("./commands/status.ts");
        await runStatusCommand(self.optsWithGlobals() as GlobalFlags, deps);
      }),
  );
  program.addCommand(
    new Command("sim")
      .description("run an embedded cluster with a simulated HyperSDK operator (Ctrl+C stops it)")
      .option("--port <port>", "HTTPS port (0 = any free port)", "0")
      .option("--vms <n>", "VMs to seed", "12")
      .option("--nodes <a,b,c>", "node names VMs are placed on", "node-1,node-2,node-3")
      .option(
        "--kubeconfig-out <path>",
        "where to write the kubeconfig (default ~/.kube/hyperctl-sim.yaml)",
      )
      .option("--pace <pace>", "fast|normal operator speed", "normal")
      .option("--seed-namespace <ns>", "namespace of the seeded VMs", "default")
      .action(async (flags: Record<string, string>) => {
        const { runSimCommand } = await import("./commands/sim.ts");
        await runSimCommand(flags, deps);
      }),
  );
  // Intercepted in run() before parsing; listed here so --help shows it.
  program.addCommand(
    new Command("k8s").description(
      "HyperSDK's `hyperctl k8s -op OP [-flag …]` syntax, translated (see hyperctl k8s -h)",
    ).allowUnknownOption(),
  );
  program.addCommand(
    new Command("completion")
      .description("print a shell completion script: source <(hyperctl completion bash)")
      .argument("<shell>", "bash|zsh|fish")
      .action(async (shell: string) => {
        const { runCompletionCommand } = await import("./completion/mod.ts");
        await runCompletionCommand(shell, deps);
      }),
  );
  // Subcommands added with addCommand do not inherit settings, so apply them to every level.
  configureTree(program, deps);
  // Defaults and presets from ~/.config/hyperctl/config.yaml, applied before each action.
  installConfig(
    program,
    async () => (await import("./config/load_config.ts")).loadConfig((n) => deps.env(n)),
  );
  // Global options work after the subcommand too: commander resolves them on the root.
  return program;
}
