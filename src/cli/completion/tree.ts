/**
 * A plain description of the command tree for completion, derived from the same command tree
 * the parser is built from, so completion never drifts from what the parser accepts.
 * @module
 */

import { kindByName, type Noun } from "../../core/kinds.ts";
import type { CommandSpec, FlagSpec } from "../command_spec.ts";

/** One flag of a command. */
export interface CompletionOption {
  /** `--output`; undefined for a short-only flag. */
  long?: string;
  /** `-o` */
  short?: string;
  /** `none` for booleans, `required` for `<value>`, `optional` for `[value]`. */
  value: "none" | "required" | "optional";
  /** Fixed values: the flag's `choices`, or an `a|b|c` list in the description. */
  choices?: readonly string[];
  /** May be given more than once (collecting or variadic options). */
  repeatable: boolean;
  description: string;
}

/** One positional argument. */
export interface CompletionArgument {
  name: string;
  variadic: boolean;
  /** The kind whose object names it takes, when they can be fetched from the cluster. */
  noun?: Noun;
  /** Fixed values (`completion bash`). */
  choices?: readonly string[];
  /** VM names in ssh's `[USER@]NAME` or scp's `[USER@]NAME:` shape. */
  remote?: "ssh" | "scp";
}

/** One command; the root is the program itself. */
export interface CompletionTree {
  name: string;
  aliases: readonly string[];
  description: string;
  /** The command's own flags; the root's flags are global and valid everywhere. */
  options: readonly CompletionOption[];
  args: readonly CompletionArgument[];
  commands: readonly CompletionTree[];
  /** The noun this command belongs to (`vm` for `vm get`). */
  noun?: Noun;
  /** A leaf's global flags (long names): the root's others are not offered after it. */
  globals?: readonly string[];
}

/** Arguments that are new names rather than existing objects. */
const NEW_NAME_VERBS = new Set(["create"]);

const HELP_FLAG: CompletionOption = {
  long: "--help",
  short: "-h",
  value: "none",
  repeatable: false,
  description: "display help for command",
};

const VERSION_FLAG: CompletionOption = {
  long: "--version",
  value: "none",
  repeatable: false,
  description: "print the version",
};

/**
 * The command tree (command_spec.ts) as a {@link CompletionTree}, with what the parser adds:
 * `-h/--help` everywhere, `--version` on the root and a `help` command in every group.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { treeFromSpec } from "./tree.ts";
 * const tree = treeFromSpec({
 *   name: "x",
 *   description: "",
 *   flags: [{ long: "--output", short: "-o", value: "required", description: "json|yaml" }],
 *   commands: [{
 *     name: "vm",
 *     description: "",
 *     commands: [{
 *       name: "get",
 *       description: "",
 *       args: [{ name: "name", required: true, variadic: false }],
 *       run: () => Promise.resolve(),
 *     }],
 *   }],
 * });
 * assert.deepEqual(tree.options[1].choices, ["json", "yaml"]);
 * assert.equal(tree.commands[0].commands[0].args[0].noun, "vm");
 * ```
 */
export function treeFromSpec(root: CommandSpec): CompletionTree {
  return walk(root, undefined, true);
}

function walk(cmd: CommandSpec, parentNoun: Noun | undefined, isRoot = false): CompletionTree {
  const noun = parentNoun ?? (isRoot ? undefined : kindByName(cmd.name)?.noun);
  const commands = (cmd.commands ?? []).filter((sub) => !sub.hidden).map((sub) => walk(sub, noun));
  if (commands.length > 0) commands.push(helpCommand(noun));
  return {
    name: cmd.name,
    aliases: cmd.aliases ?? [],
    description: cmd.description,
    options: [...(isRoot ? [VERSION_FLAG] : []), ...(cmd.flags ?? []).map(toOption), HELP_FLAG],
    args: (cmd.args ?? []).map((a) => {
      // `snapshot create [vm]` takes a VM; other verbs take names of their own noun.
      const argNoun = a.name === "vm"
        ? "vm"
        : noun !== undefined && !NEW_NAME_VERBS.has(cmd.name) && /^names?$/.test(a.name)
        ? noun
        : undefined;
      return {
        name: a.name,
        variadic: a.variadic,
        ...(argNoun ? { noun: argNoun } : {}),
        ...(a.choices ? { choices: a.choices } : {}),
        ...(a.remote ? { remote: a.remote } : {}),
      };
    }),
    commands,
    ...(noun ? { noun } : {}),
    ...(cmd.run ? { globals: cmd.globals ?? [] } : {}),
  };
}

function helpCommand(noun: Noun | undefined): CompletionTree {
  return {
    name: "help",
    aliases: [],
    description: "display help for command",
    options: [HELP_FLAG],
    args: [{ name: "command", variadic: false }],
    commands: [],
    ...(noun ? { noun } : {}),
  };
}

function toOption(f: FlagSpec): CompletionOption {
  const choices = f.choices ?? (f.value === "none" ? undefined : choicesIn(f.description));
  return {
    long: f.long,
    ...(f.short ? { short: f.short } : {}),
    value: f.value,
    ...(choices ? { choices } : {}),
    repeatable: f.repeatable ?? false,
    description: f.description,
  };
}

/** `output format: table|wide|json` → the alternatives, so help text and completion agree. */
function choicesIn(description: string): string[] | undefined {
  const m = /(?:^|[\s:(])([\w.-]+(?:\|[\w.-]+)+)(?=$|[\s,;)])/.exec(description);
  return m ? m[1].split("|") : undefined;
}
