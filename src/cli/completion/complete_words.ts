/**
 * The completion engine behind `hyperctl __complete <words…>`: given the words typed so far (the
 * last one being completed), list the candidates, one per shell word.
 *
 * Pure over a {@link CompletionTree}; everything that needs the cluster or files is a source
 * passed in, so the shell scripts stay dumb and every rule here is unit-tested.
 * @module
 */

import { kindByNoun, KINDS, type Noun } from "../../core/kinds.ts";
import { operandsBefore } from "../../core/remote_shell_args.ts";
import { kindOfResource } from "../../core/resource_words.ts";
import { allowedFormats } from "../../render/renderer.ts";
import type { GlobalFlags } from "../deps.ts";
import { TEMPLATE_COMMAND_FLAG, TEMPLATE_FORMATS } from "../template_formats.ts";
import type { CompletionArgument, CompletionOption, CompletionTree } from "./tree.ts";

/**
 * Printed alone instead of candidates: "complete file names here" (`--kubeconfig`). A colon
 * cannot start a flag, command or Kubernetes name, so it never collides with a candidate.
 */
export const FILES_DIRECTIVE = ":files";

/** Names of `noun` objects; `flags` are the connection flags found among the words. */
export type FetchNames = (
  noun: Noun,
  namespace: string | undefined,
  flags: GlobalFlags,
) => Promise<string[]>;

/** Where dynamic candidates come from; each is optional and may fail (then: no candidates). */
export interface CompletionSources {
  fetchNames?: FetchNames;
  /** Context names in the kubeconfig, for `--context`. */
  contextNames?: (flags: GlobalFlags) => Promise<string[]>;
  /** Preset names from the config file, for `--preset`. */
  presetNames?: (noun: Noun | undefined) => string[] | Promise<string[]>;
  /** Rewrites shortcuts before parsing (`vms …` → `vms list …`, main.ts `expandShortcuts`). */
  expand?: (words: readonly string[]) => string[];
}

/** Options whose value is a file name. */
const FILE_OPTIONS = new Set(["--kubeconfig", "--state-file", "--kubeconfig-out"]);
/** Options whose value names an existing object of a kind. */
const NAME_OPTIONS: Record<string, Noun> = {
  "--template": "template",
  "--from-snapshot": "snapshot",
  "--backup": "backup",
  "--vm": "vm",
};
/** Options with fixed values the command tree does not list. */
const FIXED_VALUES: Record<string, readonly string[]> = {
  "--dry-run": ["client", "server"],
  "--output": allowedFormats(),
};
/** Root option attribute names that shape the connection used to fetch names. */
const CONNECTION_FLAGS: Record<string, keyof GlobalFlags & string> = {
  "--kubeconfig": "kubeconfig",
  "--context": "context",
  "--namespace": "namespace",
  "--request-timeout": "requestTimeout",
};

interface WalkState {
  path: CompletionTree[];
  positionals: string[];
  flags: GlobalFlags;
  used: Set<CompletionOption>;
  /** The option waiting for its value (`-n ␣`); optional values only before a non-flag word. */
  pending?: CompletionOption;
  afterDashDash: boolean;
  /** The leaf's words hyperctl does not take itself, in order (ssh's options and operands). */
  rest: string[];
}

/**
 * Complete the last of `words` (the words after `hyperctl`; the last may be empty).
 *
 * @param words the command line so far, the word under the cursor last
 * @param tree the command tree, from `treeFromSpec(commandTree(deps))`
 * @param sources a name fetcher, or all dynamic sources
 * @returns candidates that start with the current word (phases: in any case), or
 *   `[FILES_DIRECTIVE]` where a file name goes
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { completeWords } from "./complete_words.ts";
 * const tree = { name: "x", aliases: [], description: "", options: [], args: [], commands: [
 *   { name: "vm", aliases: [], description: "", options: [], args: [], commands: [] },
 * ] };
 * assert.deepEqual(await completeWords(["v"], tree), ["vm"]);
 * ```
 */
export async function completeWords(
  words: readonly string[],
  tree: CompletionTree,
  sources: FetchNames | CompletionSources = {},
): Promise<string[]> {
  const src: CompletionSources = typeof sources === "function" ? { fetchNames: sources } : sources;
  const current = words.at(-1) ?? "";
  let prior = words.slice(0, -1);
  if (src.expand) {
    // `hyperctl vms --st` means `vms list --st`; but `hyperctl vms ␣` still offers the verbs.
    const expanded = src.expand([...prior, current]);
    if (expanded.length > words.length) {
      const at = expanded.findIndex((w, i) => w !== words[i]);
      if (at < prior.length || current.startsWith("-")) prior = expanded.slice(0, -1);
    }
  }
  const state = walk(prior, tree);
  const cmd = state.path.at(-1)!;
  const noun = cmd.noun;

  if (state.pending && !(state.pending.value === "optional" && current.startsWith("-"))) {
    return await valuesFor(state.pending, current, noun, state, src);
  }
  if (!state.afterDashDash && current.startsWith("--") && current.includes("=")) {
    const eq = current.indexOf("=");
    const opt = findOption(state.path, current.slice(0, eq));
    if (!opt || opt.value === "none") return [];
    const values = await valuesFor(opt, current.slice(eq + 1), noun, state, src);
    return values[0] === FILES_DIRECTIVE ? values : values.map((v) => current.slice(0, eq + 1) + v);
  }
  const attached = !state.afterDashDash && /^-[^-]/.test(current)
    ? shortWithValue(state.path, current)
    : undefined;
  if (attached) {
    // `-oj`, `-o=j`: the value typed onto its short flag, as pflag reads it.
    const values = await valuesFor(attached.opt, attached.value, noun, state, src);
    return values[0] === FILES_DIRECTIVE ? values : values.map((v) => attached.head + v);
  }
  if (!state.afterDashDash && current.startsWith("-")) {
    return flagCandidates(state).filter((f) => f.startsWith(current));
  }
  if (cmd.commands.length > 0 && state.positionals.length === 0) {
    return commandCandidates(cmd, current);
  }
  if (cmd.name === "help" && state.path.length > 1 && state.positionals.length === 0) {
    return commandCandidates(state.path.at(-2)!, current).filter((c) => c !== "help");
  }
  const arg = argumentAt(cmd.args, state.positionals.length);
  if (arg?.name === "resources") return await resourceCandidates(state, current, src);
  if (arg?.choices) return arg.choices.filter((c) => c.startsWith(current));
  if (arg?.remote) return await remoteCandidates(arg.remote, state, current, src);
  if (arg?.noun === undefined) return [];
  const typed = new Set(state.positionals);
  const names = await fetchSafely(src, arg.noun, state.flags);
  return names.filter((n) => n.startsWith(current) && !typed.has(n));
}

/**
 * kubectl's `KIND NAME…` or `KIND/NAME…` arguments (`hyperctl wait`): the kinds first, then that
 * kind's names.
 */
async function resourceCandidates(
  state: WalkState,
  current: string,
  src: CompletionSources,
): Promise<string[]> {
  const [first, ...typed] = state.positionals;
  const slash = current.indexOf("/");
  if (slash > 0 && (first === undefined || first.includes("/"))) {
    // `vm/web-1 vm/we…`: names of the kind before the slash, in the same form.
    const noun = kindOfResource(current.slice(0, slash))?.noun;
    if (noun === undefined) return [];
    const head = current.slice(0, slash + 1);
    const names = await fetchSafely(src, noun, state.flags);
    return names.map((n) => head + n)
      .filter((w) => w.startsWith(current) && !state.positionals.includes(w));
  }
  if (first === undefined) return KINDS.map((k) => k.noun).filter((n) => n.startsWith(current));
  const noun = kindOfResource(first)?.noun;
  if (noun === undefined) return [];
  const names = await fetchSafely(src, noun, state.flags);
  return names.filter((n) => n.startsWith(current) && !typed.includes(n));
}

/**
 * VM names where ssh or scp takes a host: ssh's first operand (`root@web-1`), any scp operand as
 * `web-1:` (a path follows, so no space; the shell scripts leave none after a final `:`).
 */
async function remoteCandidates(
  remote: "ssh" | "scp",
  state: WalkState,
  current: string,
  src: CompletionSources,
): Promise<string[]> {
  // ssh's destination is its first operand; any scp operand may be a VM's path.
  const before = operandsBefore(state.rest, remote);
  if (before === undefined || (remote === "ssh" && before > 0)) return [];
  if (remote === "scp" && current.includes(":")) return [];
  const at = current.indexOf("@") + 1;
  const user = current.slice(0, at);
  const names = await fetchSafely(src, "vm", state.flags);
  const tail = remote === "scp" ? ":" : "";
  return names.map((n) => user + n + tail).filter((w) => w.startsWith(current));
}

/** `-oj` or `-o=j`: a short flag that takes a value, with the value begun in the same word. */
function shortWithValue(
  path: readonly CompletionTree[],
  word: string,
): { opt: CompletionOption; head: string; value: string } | undefined {
  const opt = findOption(path, word.slice(0, 2));
  if (!opt || opt.value === "none" || word.length === 2) return undefined;
  const head = word[2] === "=" ? word.slice(0, 3) : word.slice(0, 2);
  return { opt, head, value: word.slice(head.length) };
}

function walk(words: readonly string[], tree: CompletionTree): WalkState {
  const state: WalkState = {
    path: [tree],
    positionals: [],
    flags: {},
    used: new Set(),
    afterDashDash: false,
    rest: [],
  };
  const take = (opt: CompletionOption, value: string) => {
    const key = opt.long && CONNECTION_FLAGS[opt.long];
    if (key) (state.flags as Record<string, string>)[key] = value;
  };
  for (const word of words) {
    const pending = state.pending;
    state.pending = undefined;
    if (pending && (pending.value === "required" || !word.startsWith("-"))) {
      take(pending, word);
      continue;
    }
    if (state.afterDashDash) {
      state.positionals.push(word);
      state.rest.push(word);
    } else if (word === "--") {
      state.afterDashDash = true;
      state.rest.push(word);
    } else if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const opt = findOption(state.path, eq < 0 ? word : word.slice(0, eq));
      if (!opt) {
        state.rest.push(word);
        continue;
      }
      state.used.add(opt);
      if (opt.long === "--all-namespaces") state.flags.allNamespaces = true;
      if (eq >= 0) take(opt, word.slice(eq + 1));
      else if (opt.value !== "none") state.pending = opt;
    } else if (word.startsWith("-") && word.length > 1) {
      // Clustered short flags, pflag-style: `-wA`, `-nprod`, `-n prod`.
      if (!findOption(state.path, `-${word[1]}`)) state.rest.push(word);
      for (let i = 1; i < word.length; i++) {
        const opt = findOption(state.path, `-${word[i]}`);
        if (!opt) break;
        state.used.add(opt);
        if (opt.value === "none") continue;
        if (i + 1 < word.length) take(opt, word.slice(i + 1));
        else state.pending = opt;
        break;
      }
    } else {
      const cmd = state.path.at(-1)!;
      const sub = state.positionals.length === 0
        ? cmd.commands.find((c) => c.name === word || c.aliases.includes(word))
        : undefined;
      if (sub) {
        state.path.push(sub);
        state.rest = [];
      } else {
        state.positionals.push(word);
        state.rest.push(word);
      }
    }
  }
  return state;
}

/**
 * The command's own options first, then the root's (global) ones it honours (all of them at a
 * group, where the leaf is still to come), without duplicates.
 */
function optionsInScope(path: readonly CompletionTree[]): CompletionOption[] {
  const cmd = path.at(-1)!;
  if (path.length === 1) return [...cmd.options];
  const own = new Set(cmd.options.map((o) => o.long ?? o.short));
  const honoured = (o: CompletionOption) =>
    !cmd.globals || o.long === undefined || cmd.globals.includes(o.long);
  const globals = path[0].options.filter((o) =>
    !own.has(o.long ?? o.short) && o.long !== "--version" && honoured(o)
  );
  return [...cmd.options, ...globals];
}

function findOption(path: readonly CompletionTree[], flag: string): CompletionOption | undefined {
  return optionsInScope(path).find((o) => o.long === flag || o.short === flag);
}

function flagCandidates(state: WalkState): string[] {
  return optionsInScope(state.path)
    .filter((o) => o.repeatable || !state.used.has(o))
    .flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined));
}

function commandCandidates(cmd: CompletionTree, current: string): string[] {
  const names = cmd.commands.map((c) => c.name).filter((n) => n.startsWith(current));
  if (names.length > 0) return names;
  return cmd.commands.flatMap((c) => c.aliases).filter((a) => a.startsWith(current));
}

function argumentAt(
  args: readonly CompletionArgument[],
  index: number,
): CompletionArgument | undefined {
  const last = args.at(-1);
  return index >= args.length && last?.variadic ? last : args[index];
}

async function valuesFor(
  opt: CompletionOption,
  current: string,
  noun: Noun | undefined,
  state: WalkState,
  src: CompletionSources,
): Promise<string[]> {
  const long = opt.long ?? "";
  if (FILE_OPTIONS.has(long)) return [FILES_DIRECTIVE];
  if (long === "--status") {
    const phases = noun ? kindByNoun(noun).phases : [];
    return commaList(phases, current, true);
  }
  if (long === "--context") {
    return commaList(await safely(() => src.contextNames?.(state.flags)), current, false);
  }
  if (long === "--preset") {
    return (await safely(() => src.presetNames?.(noun))).filter((p) => p.startsWith(current));
  }
  if (NAME_OPTIONS[long]) {
    const names = await fetchSafely(src, NAME_OPTIONS[long], state.flags);
    return names.filter((n) => n.startsWith(current));
  }
  const fixed = opt.choices ?? FIXED_VALUES[long] ?? [];
  const templates = long === "--output" && acceptsTemplates(state.path)
    ? TEMPLATE_FORMATS.map((f) => `${f}=`)
    : [];
  return [...fixed, ...templates].filter((v) => v.startsWith(current));
}

/** list and get (the commands with kubectl's printing flags) take `-o jsonpath=…` and the like. */
function acceptsTemplates(path: readonly CompletionTree[]): boolean {
  return path.length > 1 && path.at(-1)!.options.some((o) => o.long === TEMPLATE_COMMAND_FLAG);
}

/** Complete the last item of `a,b,c`, skipping items already listed. */
function commaList(values: readonly string[], current: string, anyCase: boolean): string[] {
  const cut = current.lastIndexOf(",") + 1;
  const head = current.slice(0, cut);
  const tail = current.slice(cut);
  const norm = (s: string) => anyCase ? s.toLowerCase() : s;
  const listed = new Set(head.split(",").map(norm));
  return values
    .filter((v) => norm(v).startsWith(norm(tail)) && !listed.has(norm(v)))
    .map((v) => head + v);
}

function fetchSafely(src: CompletionSources, noun: Noun, flags: GlobalFlags): Promise<string[]> {
  return safely(() => src.fetchNames?.(noun, flags.namespace, flags));
}

/** Completion must never fail: any error or odd value means "no candidates". */
async function safely(
  get: () => readonly string[] | Promise<readonly string[]> | undefined,
): Promise<string[]> {
  try {
    const out = await get();
    return Array.isArray(out) ? out.filter((s) => typeof s === "string" && s !== "") : [];
  } catch {
    return [];
  }
}
