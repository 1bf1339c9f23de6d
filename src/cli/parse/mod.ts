/**
 * From the words a user typed to what hyperctl should do: run a leaf, print help or the version.
 *
 * kubectl's verb-first order, shortcuts and `help` are rewritten first, global flags are moved
 * behind the command words (route.ts), then the parser (stricli_app.ts) checks everything against the command tree.
 * @module
 */

import { type CommandSpec, findCommand, type FlagSpec, valueFlagWords } from "../command_spec.ts";
import { routeArgv } from "./route.ts";
import { expandShortcuts } from "./shortcuts.ts";
import { verbFirstToNounFirst } from "./verb_first.ts";
import { parseArgv, type Parsed } from "./stricli_app.ts";
import { refuseUnhonoured } from "../honoured_globals.ts";

/** What a command line asks for. `usage`: help for an incomplete command, on stderr, exit 2. */
export type CommandLine =
  | (Parsed & { kind: "run"; path: readonly string[] })
  | { kind: "help"; text: string }
  | { kind: "usage"; text: string }
  | { kind: "version" };

/**
 * Parse `argv` against `root`.
 *
 * @throws InputError for anything the tree does not accept (exit 2), before anything is sent
 */
export async function parseCommandLine(
  root: CommandSpec,
  argv: readonly string[],
): Promise<CommandLine> {
  if (argv.length === 1 && argv[0] === "--version") return { kind: "version" };
  const globals = valueFlagWords(root.flags ?? []);
  const words = expandShortcuts(
    verbFirstToNounFirst(argv, valueFlagWords(allFlags(root))),
    globals,
  );
  const routed = routeArgv(root, words);
  const help = routed.argv.some((w) => w === "-h" || w === "--help");
  if (routed.leaf && !help) {
    const command = [root.name, ...routed.path].join(" ");
    refuseUnhonoured(routed.leaf, root.flags ?? [], routed.argv.slice(routed.path.length), command);
  }
  if (routed.atGroup && !help) {
    const help = await parseArgv(root, [...routed.path, "--help"]);
    return { kind: "usage", text: help.kind === "help" ? help.text : "" };
  }
  // A leaf is parsed against its own branch: building the parser for the whole tree costs a
  // cold process more (~5 ms) than the rest of parsing, and siblings matter only for help.
  const tree = routed.leaf ? branchTo(root, routed.path) : root;
  const parsed = await parseArgv(tree, routed.argv);
  return parsed.kind === "run" ? { ...parsed, path: routed.path } : parsed;
}

/** `node` with only the commands on `path` (command words as typed, aliases included). */
function branchTo(node: CommandSpec, path: readonly string[]): CommandSpec {
  const child = path.length > 0 ? findCommand(node.commands, path[0]) : undefined;
  return child ? { ...node, commands: [branchTo(child, path.slice(1))] } : node;
}

/** Every flag of the tree, so a verb-first line can skip any flag's value (`-l tier=web`). */
function allFlags(node: CommandSpec): FlagSpec[] {
  return [...(node.flags ?? []), ...(node.commands ?? []).flatMap(allFlags)];
}
