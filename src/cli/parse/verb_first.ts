/**
 * kubectl's word order: `hyperctl get vms`, `hyperctl get vm NAME… -o yaml`, `hyperctl get vm/a
 * vm/b`, `hyperctl delete vm NAME`, `hyperctl describe vm NAME` are rewritten, before parsing, to
 * the noun-first commands that do the work (`vm list`, `vm get`, `vm delete`, `vm describe`).
 * A `get` of several kinds (`get vm,vmop`, `get vm/a vmop/b`) has no noun to lead with: it goes
 * to the hidden command {@link GET_KINDS}, its resource words unchanged.
 * @module
 */

import { type KindInfo, KINDS } from "../../core/kinds.ts";
import { kindsOf, KNOWN_KINDS, resourceArgs, resourceRequest } from "../../core/resource_words.ts";
import { InputError } from "../outcomes.ts";

/** The hidden command a verb-first `get` of several kinds becomes: `get-kinds vm,vmop -o json`. */
export const GET_KINDS = "get-kinds";

/** kubectl verb → the hyperctl verb, given names or not. */
const VERBS: Readonly<Record<string, { named: string; bare: string }>> = {
  get: { named: "get", bare: "list" },
  delete: { named: "delete", bare: "delete" },
  describe: { named: "describe", bare: "describe" },
};

/** The leaves a verb-first line may become: their value flags decide where its words end. */
export const VERB_FIRST_LEAVES: ReadonlySet<string> = new Set(
  Object.values(VERBS).flatMap((v) => [v.named, v.bare]),
);

/**
 * Whether `argv` is in kubectl's verb-first order: its first word after the global flags
 * (`valueFlags` take the next word) is `get`, `delete` or `describe`.
 */
export function isVerbFirst(argv: readonly string[], valueFlags: ReadonlySet<string>): boolean {
  return Object.hasOwn(VERBS, argv[firstWord(argv, valueFlags)] ?? "");
}

/** The index of the first word that is neither a flag nor a flag's value. */
function firstWord(argv: readonly string[], valueFlags: ReadonlySet<string>): number {
  let i = 0;
  while (i < argv.length && argv[i].startsWith("-")) i += valueFlags.has(argv[i]) ? 2 : 1;
  return i;
}

/**
 * Rewrite a verb-first command line; any other command line is returned unchanged.
 *
 * @param valueFlags flags that take the next word as their value (`-l tier=web`), so their values
 *   are not mistaken for the resource type or a name
 * @throws InputError or SyntaxError for a missing or unknown type, or several kinds (exit 2)
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { verbFirstToNounFirst } from "./verb_first.ts";
 * const flags = new Set(["-o", "-n"]);
 * deepEqual(verbFirstToNounFirst(["get", "vm", "a", "-o", "yaml"], flags), ["vm", "get", "a", "-o", "yaml"]);
 * deepEqual(verbFirstToNounFirst(["-n", "x", "get", "bj"], flags), ["-n", "x", "backup", "list"]);
 * ```
 */
export function verbFirstToNounFirst(
  argv: readonly string[],
  valueFlags: ReadonlySet<string>,
  nounsOf?: (verb: string) => readonly string[] | undefined,
): string[] {
  if (!isVerbFirst(argv, valueFlags)) return [...argv];
  const i = firstWord(argv, valueFlags);
  const verb = VERBS[argv[i]];
  // Only the kinds that have the verb's command, so a message never offers one that has not.
  const nouns = nounsOf?.(argv[i]);
  const kinds = nouns === undefined ? KNOWN_KINDS : KINDS.filter((k) => nouns.includes(k.noun))
    .map((k) => `${k.plural} (${k.shortNames.join(", ")})`).join(", ");
  const file = manifestFile(argv, i + 1);
  if (file !== undefined) {
    throw new InputError(
      `${argv[i]} -f (a manifest file) is not supported: use "kubectl ${argv[i]} -f ${file}", ` +
        `or "hyperctl ${argv[i]} KIND NAME…" with KIND one of ${kinds}`,
    );
  }
  const flags: string[] = [];
  const words: string[] = [];
  for (let j = i + 1; j < argv.length; j++) {
    const w = argv[j];
    if (w === "--") {
      words.push(...argv.slice(j + 1));
      break;
    }
    if (w.startsWith("-") && w !== "-") {
      flags.push(w);
      if (valueFlags.has(w) && j + 1 < argv.length) flags.push(argv[++j]);
    } else {
      words.push(w);
    }
  }
  const before = argv.slice(0, i);
  if (words.length === 0) {
    // `hyperctl get -h`: the tree's help entry for the verb lists the kinds.
    if (["-h", "--help", "--version"].some((f) => flags.includes(f))) return [...argv];
    throw new InputError(`you must specify the type of resource to ${argv[i]}: ${kinds}`);
  }
  const { kinds: wanted, names } = argv[i] === "get" ? getTargets(words) : oneKind(words);
  const refused = wanted.find((k) => nouns !== undefined && !nouns.includes(k.noun));
  if (refused) {
    throw new InputError(`cannot ${argv[i]} ${refused.plural}: ${argv[i]} takes ${kinds}`);
  }
  if (wanted.length > 1) return [...before, GET_KINDS, ...words, ...flags];
  const kind = wanted[0];
  return [...before, kind.noun, names.length > 0 ? verb.named : verb.bare, ...names, ...flags];
}

/** The kinds and names of resource words. */
interface Targets {
  kinds: KindInfo[];
  names: string[];
}

/** `get` reads several kinds; with one, the names of its objects. */
function getTargets(words: readonly string[]): Targets {
  const request = resourceRequest(words);
  const names = request.form === "objects" ? request.refs.map((r) => r.name) : [];
  return { kinds: kindsOf(request), names };
}

/** `delete` and `describe` keep refusing several kinds. */
function oneKind(words: readonly string[]): Targets {
  const { kind, names } = resourceArgs(words);
  return { kinds: [kind], names };
}

/**
 * kubectl's `-f FILE` (`--filename`) from `start` on: the file as typed, `FILE` when none follows,
 * undefined without the flag. No verb-first leaf has `-f`, so it would drop and leave the file name
 * to be read as a resource type.
 */
function manifestFile(argv: readonly string[], start: number): string | undefined {
  for (let j = start; j < argv.length && argv[j] !== "--"; j++) {
    const m = /^(?:-f|--filename)(?:=?(.*))?$/s.exec(argv[j]) ?? /^-f(.+)$/s.exec(argv[j]);
    if (!m) continue;
    if (m[1]) return m[1];
    const next = argv[j + 1];
    return next !== undefined && !next.startsWith("-") ? next : "FILE";
  }
  return undefined;
}
