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

/** What the words say, read as far as they can be, and what is wrong with them. */
export interface LeafWords {
  /** Flags that could not be read are left at their defaults; extra arguments are dropped. */
  invocation: Invocation;
  /** The keys of the flags given on the command line (the config file fills the others). */
  given: ReadonlySet<string>;
  /** One message per problem; empty when the words are good. */
  problems: string[];
}

/** pflag's `strconv.ParseBool`: the values `--watch=…` may take. */
const BOOLEANS: Readonly<Record<string, boolean>> = {
  "1": true,
  t: true,
  T: true,
  true: true,
  TRUE: true,
  True: true,
  "0": false,
  f: false,
  F: false,
  false: false,
  FALSE: false,
  False: false,
};

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
    const shorts = /^-[A-Za-z]{2,}$/.test(word) ? [...word.slice(1)].map((c) => `-${c}`) : [word];
    for (const [at, flagWord] of shorts.entries()) {
      const [name, inline] = splitInline(flagWord);
      const spec = own.find((f) => f.long === name || f.short === name);
      if (!spec) {
        const unknown = unknownFlag(name, own, globals, command);
        problems.push(unknown.message);
        // The value of the flag meant (`-o json`, `--wher x`) is not an argument.
        const last = at === shorts.length - 1;
        if (inline === undefined && last && unknown.takesValue && i < words.length) i++;
        continue;
      }
      if (spec.value === "none") {
        const on = inline === undefined ? true : BOOLEANS[inline];
        if (on === undefined) problems.push(`${spec.long} takes true or false, not "${inline}"`);
        // `--no-headers` turns `headers` off.
        else store(spec, isNegation(spec) ? !on : on);
        continue;
      }
      // A value flag inside `-wl`: the value is the next word, as pflag reads it.
      let value = inline;
      const last = at === shorts.length - 1;
      if (value === undefined && spec.value === "required" && last && i < words.length) {
        value = words[i++];
      } else if (value === undefined && spec.value === "optional" && last) {
        value = i < words.length && !words[i].startsWith("-") ? words[i++] : undefined;
      }
      if (value === undefined && spec.value === "optional") store(spec, true);
      else if (value === undefined) problems.push(`flag ${spec.long} needs a value`);
      else if (spec.choices && !spec.choices.includes(value)) {
        problems.push(
          `${spec.long}: "${value}" is not one of ${spec.choices.join(", ")}` +
            didYouMean(closest(value, spec.choices)),
        );
      } else store(spec, value);
    }
  }
  problems.push(...argumentProblems(leaf, args));
  return {
    invocation: { flags: withDefaults(own, values), args: args.slice(0, maxArgs(leaf)) },
    given: new Set(values.keys()),
    problems,
  };
}

/** `--output=json` → [`--output`, `json`]; `-n` → [`-n`, undefined]. */
function splitInline(word: string): [string, string | undefined] {
  const eq = word.indexOf("=");
  return eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}

/** Why `name` is refused, and whether the flag it is (or seems to be) takes a value. */
function unknownFlag(
  name: string,
  own: readonly FlagSpec[],
  globals: readonly FlagSpec[],
  command: string,
): { message: string; takesValue: boolean } {
  const global = globals.find((f) => f.long === name || f.short === name);
  if (global) {
    // `hyperctl sim -o json` must not pass in silence: say the flag exists but not here.
    const short = global.short ? ` (${global.short})` : "";
    const message = `${global.long}${short} does not apply to "${command}"`;
    return { message, takesValue: global.value === "required" };
  }
  if (!name.startsWith("--")) return { message: `unknown flag "${name}"`, takesValue: false };
  const near = own.find((f) =>
    f.long.slice(2) === closest(name.slice(2), own.map((g) => g.long.slice(2)))
  );
  const message = `unknown flag "${name}"${didYouMean(near?.long)}`;
  return { message, takesValue: near?.value === "required" };
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
