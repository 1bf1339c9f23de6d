/**
 * Put a command line in the order the parser takes it: the command words, then the flags.
 *
 * hyperctl, like kubectl, takes the global flags anywhere (`hyperctl -n prod vm list`), but the
 * parser reads flags only after the leaf command, so flags met before it move behind the command
 * words. A flag given twice keeps its last value, as kubectl does.
 * @module
 */

import { type CommandSpec, findCommand, flagKey, type FlagSpec } from "../command_spec.ts";
import { isLeaf } from "./lazy.ts";

/** A command line, routed. */
export interface Routed {
  /** The words in parser order. */
  argv: string[];
  /**
   * The leaf the command words name (a lazy entry not yet loaded: route again once it is);
   * undefined when they stop at a group or an unknown word.
   */
  leaf?: CommandSpec;
  /** The command words as given (`vms`, `ls`). */
  path: string[];
  /** The words stop at a group with nothing unknown after them (`hyperctl vm`). */
  atGroup: boolean;
}

/**
 * Route `argv` through `root`'s tree.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { routeArgv } from "./route.ts";
 * const root = {
 *   name: "x",
 *   description: "",
 *   flags: [{ long: "--namespace", short: "-n", value: "required" as const, description: "" }],
 *   commands: [{ name: "list", description: "", run: () => Promise.resolve() }],
 * };
 * deepEqual(routeArgv(root, ["-n", "a", "list", "-n", "b"]).argv, ["list", "-n", "b"]);
 * ```
 */
export function routeArgv(root: CommandSpec, argv: readonly string[]): Routed {
  const globals = root.flags ?? [];
  let node = root;
  const path: string[] = [];
  const moved: string[] = [];
  let i = 0;
  let unknown = false;
  let help = false;
  const words = splitShortValues(globals, argv);
  while (i < words.length && !isLeaf(node)) {
    const word = words[i];
    if (word === "--") break;
    if (word.startsWith("-") && word !== "-") {
      const n = wordsOfFlag(globals, words, i);
      moved.push(...words.slice(i, i + n));
      i += n;
      continue;
    }
    const next = findCommand(node.commands, word);
    if (next) {
      path.push(word);
      node = next;
    } else if (word === "help" && !help) {
      // `hyperctl vm help list` is `hyperctl vm list --help`, as with git and kubectl.
      help = true;
    } else {
      unknown = true;
      break;
    }
    i++;
  }
  if (help) moved.push("--help");
  const rest = words.slice(i);
  if (!isLeaf(node)) {
    // Let the parser name the unknown word before it meets the moved flags.
    return { argv: [...path, ...rest, ...moved], path, atGroup: !unknown && rest.length === 0 };
  }
  const flags = [...globals, ...(node.flags ?? [])];
  if (node.passThrough) {
    return {
      argv: [...path, ...passThroughTail(flags, moved, rest)],
      leaf: node,
      path,
      atGroup: false,
    };
  }
  const tail = splitShortValues(flags, [...moved, ...rest]);
  return { argv: [...path, ...lastWins(flags, tail)], leaf: node, path, atGroup: false };
}

/**
 * The words after a pass-through leaf: hyperctl's long flags (and every flag given before the
 * command words) first, then `--` and the other words in order, so the wrapped program's short
 * options (`ssh -p 22 -i key -o X`) never meet hyperctl's (`-n`, `-o`, `-v`, `-A`, `-l`).
 */
function passThroughTail(
  flags: readonly FlagSpec[],
  moved: readonly string[],
  rest: readonly string[],
): string[] {
  const own: string[] = [...moved];
  const handed: string[] = [];
  let i = 0;
  while (i < rest.length) {
    const word = rest[i];
    if (word === "--") {
      // The user's own `--` (before a remote command): everything after it is handed on.
      handed.push(...rest.slice(i));
      break;
    }
    if (word.startsWith("--") && flagOf(flags, word)) {
      const n = wordsOfFlag(flags, rest, i);
      own.push(...rest.slice(i, i + n));
      i += n;
    } else if (word === "-h" || word === "--help" || word === "--version") {
      own.push(word);
      i++;
    } else {
      handed.push(word);
      i++;
    }
  }
  return [...lastWins(flags, splitShortValues(flags, own)), "--", ...handed];
}

/** `-nprod` and `-n=prod` as `-n prod`, for the short flags that take a value (pflag does). */
function splitShortValues(flags: readonly FlagSpec[], words: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, word] of words.entries()) {
    if (word === "--") return [...out, ...words.slice(i)];
    const short = /^-[A-Za-z]/.test(word) && word.length > 2 ? word.slice(0, 2) : undefined;
    const spec = short && flags.find((f) => f.short === short && f.value === "required");
    if (spec) out.push(short, word.slice(2).replace(/^=/, ""));
    else out.push(word);
  }
  return out;
}

/** How many words the flag at `argv[i]` takes, its value included. */
function wordsOfFlag(flags: readonly FlagSpec[], argv: readonly string[], i: number): number {
  const spec = flagOf(flags, argv[i]);
  if (!spec || argv[i].includes("=") || i + 1 >= argv.length) return 1;
  if (spec.value === "required") return 2;
  if (spec.value === "optional" && !argv[i + 1].startsWith("-")) return 2;
  return 1;
}

function flagOf(flags: readonly FlagSpec[], word: string): FlagSpec | undefined {
  const name = word.split("=", 1)[0];
  return flags.find((f) => f.long === name || f.short === name);
}

/** Drop earlier occurrences of flags that take one value, so the last one counts. */
function lastWins(flags: readonly FlagSpec[], words: readonly string[]): string[] {
  const spans: { key?: string; words: readonly string[] }[] = [];
  let i = 0;
  while (i < words.length) {
    if (words[i] === "--") {
      spans.push({ words: words.slice(i) });
      break;
    }
    const spec = words[i].startsWith("-") ? flagOf(flags, words[i]) : undefined;
    const n = spec ? wordsOfFlag(flags, words, i) : 1;
    const key = spec && !spec.repeatable ? flagKey(spec.long) : undefined;
    spans.push({ key, words: words.slice(i, i + n) });
    i += n;
  }
  const last = new Map<string, number>();
  spans.forEach((s, at) => s.key && last.set(s.key, at));
  return spans.filter((s, at) => !s.key || last.get(s.key) === at).flatMap((s) => s.words);
}
