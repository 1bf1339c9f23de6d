/**
 * A plain description of the command tree for completion, derived from the real commander
 * program so completion never drifts from what the parser accepts.
 * @module
 */

import type { Command, Option } from "commander";
import { kindByName, type Noun } from "../../core/kinds.ts";

/** One flag of a command. */
export interface CompletionOption {
  /** `--output`; undefined for a short-only flag. */
  long?: string;
  /** `-o` */
  short?: string;
  /** `none` for booleans, `required` for `<value>`, `optional` for `[value]`. */
  value: "none" | "required" | "optional";
  /** Fixed values: commander `choices`, or an `a|b|c` list in the description. */
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
}

/** Arguments that are new names rather than existing objects. */
const NEW_NAME_VERBS = new Set(["create"]);

/**
 * Walk a commander program (visible commands and options only, the implicit `help` command and
 * `-h/--help` included) into a {@link CompletionTree}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "commander";
 * import { treeFromCommander } from "./tree.ts";
 * const program = new Command("x").option("-o, --output <f>", "json|yaml");
 * program.command("vm").command("get").argument("<name>");
 * const tree = treeFromCommander(program);
 * assert.deepEqual(tree.options[0].choices, ["json", "yaml"]);
 * assert.equal(tree.commands[0].commands[0].args[0].noun, "vm");
 * ```
 */
export function treeFromCommander(program: Command): CompletionTree {
  return walk(program, undefined);
}

function walk(cmd: Command, parentNoun: Noun | undefined): CompletionTree {
  const help = cmd.createHelp();
  const noun = parentNoun ?? (cmd.parent ? kindByName(cmd.name())?.noun : undefined);
  return {
    name: cmd.name(),
    aliases: cmd.aliases(),
    description: cmd.description(),
    options: help.visibleOptions(cmd).map(toOption),
    args: cmd.registeredArguments.map((a) => {
      const name = a.name();
      // `snapshot create [vm]` takes a VM; other verbs take names of their own noun.
      const argNoun = name === "vm"
        ? "vm"
        : noun !== undefined && !NEW_NAME_VERBS.has(cmd.name()) && /^names?$/.test(name)
        ? noun
        : undefined;
      return { name, variadic: a.variadic, ...(argNoun ? { noun: argNoun } : {}) };
    }),
    commands: help.visibleCommands(cmd).map((sub) => walk(sub, noun)),
    ...(noun ? { noun } : {}),
  };
}

function toOption(o: Option): CompletionOption {
  const value = o.required ? "required" : o.optional ? "optional" : "none";
  const choices = o.argChoices ?? (value === "none" ? undefined : choicesIn(o.description));
  return {
    ...(o.long ? { long: o.long } : {}),
    ...(o.short ? { short: o.short } : {}),
    value,
    ...(choices ? { choices } : {}),
    repeatable: o.variadic || Array.isArray(o.defaultValue),
    description: o.description,
  };
}

/** `output format: table|wide|json` → the alternatives, so help text and completion agree. */
function choicesIn(description: string): string[] | undefined {
  const m = /(?:^|[\s:(])([\w.-]+(?:\|[\w.-]+)+)(?=$|[\s,;)])/.exec(description);
  return m ? m[1].split("|") : undefined;
}
