/**
 * The words after a leaf's command words, read against its spec: flag values by key (defaults
 * filled in), the positional arguments, and every problem found, in command-line order.
 *
 * Written by hand because no maintained parser takes a tree built from data at run time, types
 * its result from that data and reports every problem of a line at once (Stricli, commander and
 * yargs stop at the first). The words arrive routed (route.ts): global flags moved behind the
 * command words, `-nVALUE` split, and a flag given twice reduced to its last value.
 * @module
 */

import {
  type CommandSpec,
  flagKey,
  type FlagSpec,
  type Invocation,
  isNegation,
} from "../command_spec.ts";
import { closest, didYouMean } from "../../core/did_you_mean.ts";
import { honouredBy } from "../honoured_globals.ts";
import { parseGoBool } from "./go_bool.ts";

/** What the words say, read as far as they can be, and what is wrong with them. */
export interface LeafWords {
  /** Flags that could not be read are left at their defaults; extra arguments are dropped. */
  invocation: Invocation;
  /** The keys of the flags given on the command line (the config file fills the others). */
  given: ReadonlySet<string>;
  /** One message per problem; empty when the words are good. */
  problems: string[];
  /** The long names of flags given whose value could not be read (already named in `problems`). */
  refused: ReadonlySet<string>;
}

/**
 * Read `words` (what follows the command words) for `leaf`; `command` names it in messages.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { readLeafWords } from "./leaf_words.ts";
 * const leaf = {
 *   name: "list",
 *   description: "",
 *   flags: [{ long: "--watch", short: "-w", value: "none" as const, description: "" }],
 *   run: () => Promise.resolve(),
 * };
 * const read = readLeafWords(leaf, [], ["-w", "--wach", "a"], "x list");
 * deepEqual(read.problems, [
 *   'unknown flag "--wach" (did you mean "--watch"?)',
 *   'too many arguments, expected 0 but got "a"',
 * ]);
 * ```
 */
export function readLeafWords(
  leaf: CommandSpec,
  globals: readonly FlagSpec[],
  words: readonly string[],
  command: string,
): LeafWords {
  const own = [...honouredBy(leaf, globals), ...(leaf.flags ?? [])];
  const values = new Map<string, unknown>();
  const args: string[] = [];
  const problems: string[] = [];
  const refused = new Set<string>();
  const store = (spec: FlagSpec, value: unknown) => {
    const key = flagKey(spec.long);
    if (spec.repeatable) values.set(key, [...(values.get(key) as string[] ?? []), value]);
    else values.set(key, value);
  };
  let i = 0;
  while (i < words.length) {
    const word = words[i++];
    if (word === "--") {
      args.push(...words.slice(i));
      break;
    }
    if (!word.startsWith("-") || word === "-") {
      args.push(word);
      continue;
    }
    // `-wA` is `-w -A`; a value flag last in such a group takes the next word, as with pflag.
    const group = /^-[A-Za-z]{2,}$/.test(word) ? [...word.slice(1)].map((c) => `-${c}`) : [word];
    for (const [at, flagWord] of group.entries()) {
      const [name, inline] = splitInline(flagWord);
      const next = at === group.length - 1 && inline === undefined ? words[i] : undefined;
      const spec = own.find((f) => f.long === name || f.short === name);
      const read = spec
        ? readFlag(spec, inline, next)
        : unknownFlag(name, own, globals, command, next);
      if (read.tookNext) i++;
      if ("problem" in read) {
        problems.push(read.problem);
        if (spec) refused.add(spec.long);
      } else if (spec) store(spec, read.value);
    }
  }
  problems.push(...argumentProblems(leaf, args));
  return {
    invocation: { flags: withDefaults(own, values), args: args.slice(0, maxArgs(leaf)) },
    given: new Set(values.keys()),
    problems,
    refused,
  };
}

/** One flag's value, or what is wrong with it; `tookNext` when the next word was its value. */
type FlagRead = ({ value: unknown } | { problem: string }) & { tookNext: boolean };

/** Read the flag `spec` given as `--flag=inline` or `--flag`, `next` being the word after it. */
function readFlag(spec: FlagSpec, inline: string | undefined, next: string | undefined): FlagRead {
  if (spec.value === "none") {
    const on = inline === undefined ? true : parseGoBool(inline);
    if (on === undefined) {
      return { problem: `${spec.long} takes true or false, not "${inline}"`, tookNext: false };
    }
    // `--no-headers` turns `headers` off.
    return { value: isNegation(spec) ? !on : on, tookNext: false };
  }
  // `--dry-run` alone means yes; it takes the next word only when that is not a flag.
  const tookNext = inline === undefined && next !== undefined &&
    (spec.value === "required" || !next.startsWith("-"));
  const value = inline ?? (tookNext ? next : undefined);
  if (value === undefined) {
    return spec.value === "optional"
      ? { value: true, tookNext }
      : { problem: `flag ${spec.long} needs a value`, tookNext };
  }
  if (spec.choices && !spec.choices.includes(value)) {
    const choices = spec.choices.join(", ");
    const near = didYouMean(closest(value, spec.choices));
    return { problem: `${spec.long}: "${value}" is not one of ${choices}${near}`, tookNext };
  }
  return { value, tookNext };
}

/** `--output=json` → [`--output`, `json`]; `-n` → [`-n`, undefined]. */
function splitInline(word: string): [string, string | undefined] {
  const eq = word.indexOf("=");
  return eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}

/** Why `name` is refused; the value of the flag meant (`-o json`, `--wher x`) is no argument. */
function unknownFlag(
  name: string,
  own: readonly FlagSpec[],
  globals: readonly FlagSpec[],
  command: string,
  next: string | undefined,
): FlagRead {
  const global = globals.find((f) => f.long === name || f.short === name);
  if (global) {
    // `hyperctl sim -o json` must not pass in silence: say the flag exists but not here.
    const short = global.short ? ` (${global.short})` : "";
    const problem = `${global.long}${short} does not apply to "${command}"`;
    return { problem, tookNext: global.value === "required" && next !== undefined };
  }
  if (!name.startsWith("--")) return { problem: `unknown flag "${name}"`, tookNext: false };
  const longs = own.map((f) => f.long.slice(2));
  const near = own.find((f) => f.long.slice(2) === closest(name.slice(2), longs));
  const problem = `unknown flag "${name}"${didYouMean(near?.long)}`;
  return { problem, tookNext: near?.value === "required" && next !== undefined };
}

function maxArgs(leaf: CommandSpec): number {
  const args = leaf.args ?? [];
  return args.at(-1)?.variadic ? Infinity : args.length;
}

function argumentProblems(leaf: CommandSpec, args: readonly string[]): string[] {
  const max = maxArgs(leaf);
  if (args.length > max) {
    const extra = args.slice(max).map((a) => JSON.stringify(a)).join(" ");
    return [`too many arguments, expected ${max} but got ${extra}`];
  }
  // A leaf checks its own single arguments, naming what is missing in its words (`vm create`
  // needs a name); a required list is checked here.
  const list = leaf.args?.at(-1);
  if (list?.variadic && list.required && args.length < (leaf.args?.length ?? 0)) {
    return [`missing ${list.name}: give at least one`];
  }
  return [];
}

/** Every flag of the leaf with a value: given, else its default, `false`, `[]` or `true`. */
function withDefaults(
  flags: readonly FlagSpec[],
  values: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of flags) {
    const key = flagKey(spec.long);
    if (values.has(key)) out[key] = values.get(key);
    else if (spec.default !== undefined) out[key] = spec.default;
    else if (spec.repeatable) out[key] = [];
    else if (spec.value === "none") out[key] = isNegation(spec);
  }
  return out;
}
