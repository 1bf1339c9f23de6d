/**
 * From the words a user typed to what hyperctl should do: run a leaf, print help or the version.
 *
 * kubectl's verb-first order, shortcuts and `help` are rewritten first, global flags are moved
 * behind the command words (route.ts), the leaf they name is loaded (lazy.ts), and its words
 * are read against its spec (leaf_words.ts). Every problem of the line, the parser's and the
 * command's own checks, is named in one message.
 * @module
 */

import {
  type CommandSpec,
  type FlagSpec,
  type Invocation,
  valueFlagWords,
} from "../command_spec.ts";
import { isLeft } from "fp-ts/Either";
import { closest, didYouMean } from "../../core/did_you_mean.ts";
import { InputError } from "../outcomes.ts";
import { routeArgv } from "./route.ts";
import { expandShortcuts } from "./shortcuts.ts";
import { isVerbFirst, VERB_FIRST_LEAVES, verbFirstToNounFirst } from "./verb_first.ts";
import { readLeafWords } from "./leaf_words.ts";
import { groupHelp, leafHelp } from "./help.ts";
import { loaded, loadLeaves, loadPath, nodesOn } from "./lazy.ts";

/** What a command line asks for. `usage`: help for an incomplete command, on stderr, exit 2. */
export type CommandLine =
  | {
    kind: "run";
    leaf: CommandSpec;
    invocation: Invocation;
    /** The keys of the flags given on the command line. */
    given: ReadonlySet<string>;
    path: readonly string[];
  }
  | { kind: "help"; text: string }
  | { kind: "usage"; text: string }
  | { kind: "version" };

/**
 * Parse `argv` against `root`.
 *
 * @throws InputError naming every problem the line has (exit 2), before anything is sent
 */
export async function parseCommandLine(
  root: CommandSpec,
  argv: readonly string[],
): Promise<CommandLine> {
  if (argv.length === 1 && argv[0] === "--version") return { kind: "version" };
  const globals = root.flags ?? [];
  const tree = isVerbFirst(argv, valueFlagWords(globals))
    ? await loadLeaves(root, (leaf) => VERB_FIRST_LEAVES.has(leaf.name))
    : root;
  const nounsOf = (verb: string) =>
    tree.commands?.find((c) => c.name === verb)?.commands?.map((c) => c.name);
  const words = expandShortcuts(
    verbFirstToNounFirst(argv, valueFlagWords(allFlags(tree)), nounsOf),
    valueFlagWords(globals),
  );
  let routed = routeArgv(tree, words);
  if (routed.leaf?.load) routed = routeArgv(await loadPath(tree, routed.path), words);
  const nodes = nodesOn(tree, routed.path);
  const prefix = [root.name, ...nodes.slice(1).map((n) => n.name)];
  const help = wantsHelp(routed.argv);
  // A global flag like the others (README: before or after the command), read before the rest.
  const version = flagWords(routed.argv).includes("--version");
  const leaf = routed.leaf;
  if (!leaf) {
    const group = nodes.at(-1)!;
    const unknown = routed.argv[routed.path.length];
    if (!routed.atGroup && unknown !== undefined) throw unknownCommand(unknown, group);
    if (version && !help) return { kind: "version" };
    const children = await Promise.all((group.commands ?? []).map(loaded));
    const text = groupHelp(prefix, { ...group, commands: children }, globals);
    return help ? { kind: "help", text } : { kind: "usage", text };
  }
  if (help) return { kind: "help", text: leafHelp(prefix, leaf, globals) };
  if (version) return { kind: "version" };
  const read = readLeafWords(
    leaf,
    globals,
    routed.argv.slice(routed.path.length),
    prefix.join(" "),
  );
  if (read.problems.length > 0) {
    // The command's own checks too, on what could be read, so one message names everything.
    // A flag whose value was refused reads as absent there; its "needs --flag" is not repeated.
    const more = checkProblems(leaf, read.invocation);
    const fresh = more.filter((m) => ![...read.refused].some((long) => mentions(m, long)));
    throw new InputError([...read.problems, ...fresh].join("; "));
  }
  return { kind: "run", leaf, invocation: read.invocation, given: read.given, path: routed.path };
}

/**
 * The leaf's own checks of an invocation, one message per problem (none when it has no check).
 * Why: problems found after parsing (an unknown `--preset`) join these in one message too.
 */
export function checkProblems(leaf: CommandSpec, invocation: Invocation): string[] {
  const own = leaf.check?.(invocation);
  return own && isLeft(own) ? own.left.map((e) => e.message) : [];
}

/** Whether `message` names the flag `long` (`--target`, not `--target-namespace`). */
function mentions(message: string, long: string): boolean {
  return new RegExp(`${long}(?![\\w-])`).test(message);
}

/** The words before `--`: after it they are arguments. */
function flagWords(argv: readonly string[]): readonly string[] {
  return argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
}

function wantsHelp(argv: readonly string[]): boolean {
  const flags = flagWords(argv);
  return flags.includes("-h") || flags.includes("--help");
}

function unknownCommand(word: string, group: CommandSpec): InputError {
  const names = (group.commands ?? []).filter((c) => !c.hidden).map((c) => c.name);
  return new InputError(`unknown command "${word}"${didYouMean(closest(word, names))}`);
}

/** Every flag of the tree, so a verb-first line can skip any flag's value (`-l tier=web`). */
function allFlags(node: CommandSpec): FlagSpec[] {
  return [...(node.flags ?? []), ...(node.commands ?? []).flatMap(allFlags)];
}
