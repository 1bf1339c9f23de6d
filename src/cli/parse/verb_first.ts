/**
 * kubectl's word order: `hyperctl get vms`, `hyperctl get vm NAME… -o yaml`, `hyperctl get vm/a
 * vm/b`, `hyperctl delete vm NAME`, `hyperctl describe vm NAME` are rewritten, before parsing, to
 * the noun-first commands that do the work (`vm list`, `vm get`, `vm delete`, `vm describe`).
 * @module
 */

import { KINDS } from "../../core/kinds.ts";
import { kindOfResource, splitTypedName } from "../../core/resource_words.ts";
import { UsageError } from "../outcomes.ts";

/** kubectl verb → the hyperctl verb, given names or not. */
const VERBS: Readonly<Record<string, { named: string; bare: string }>> = {
  get: { named: "get", bare: "list" },
  delete: { named: "delete", bare: "delete" },
  describe: { named: "describe", bare: "describe" },
};

const KNOWN = KINDS.map((k) => `${k.plural} (${k.shortNames.join(", ")})`).join(", ");

/**
 * Rewrite a verb-first command line; any other command line is returned unchanged.
 *
 * @param valueFlags flags that take the next word as their value (`-l tier=web`), so their values
 *   are not mistaken for the resource type or a name
 * @throws UsageError for a missing or unknown type, or several kinds at once (exit 2)
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
): string[] {
  let i = 0;
  while (i < argv.length && argv[i].startsWith("-")) i += valueFlags.has(argv[i]) ? 2 : 1;
  const verb = VERBS[argv[i] ?? ""];
  if (!verb) return [...argv];
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
    if (flags.includes("-h") || flags.includes("--help")) return [...before, "--help"];
    throw new UsageError(`you must specify the type of resource to ${argv[i]}: ${KNOWN}`);
  }
  const { noun, names } = typeAndNames(words);
  return [...before, noun, names.length > 0 ? verb.named : verb.bare, ...names, ...flags];
}

function typeAndNames(words: readonly string[]): { noun: string; names: string[] } {
  if (words[0].includes("/")) {
    const refs = words.map((w) => {
      const ref = splitTypedName(w);
      if (!ref) {
        throw new UsageError(
          w.includes("/")
            ? `unknown resource type in "${w}": HyperSDK kinds are ${KNOWN}`
            : `"${w}" has no type: give every argument as TYPE/NAME, or TYPE NAME…`,
        );
      }
      return ref;
    });
    const nouns = new Set(refs.map((r) => r.kind.noun));
    if (nouns.size > 1) {
      throw new UsageError(`one kind at a time: got ${[...nouns].join(" and ")}`);
    }
    return { noun: refs[0].kind.noun, names: refs.map((r) => r.name) };
  }
  if (words[0].includes(",")) {
    throw new UsageError(`one kind at a time: got "${words[0]}"`);
  }
  const kind = kindOfResource(words[0]);
  if (!kind) {
    throw new UsageError(`unknown resource type "${words[0]}": HyperSDK kinds are ${KNOWN}`);
  }
  const names = words.slice(1);
  if (names.some((n) => n.includes("/"))) {
    // kubectl's own words for `get vm vm/a`.
    throw new UsageError(
      "there is no need to specify a resource type as a separate argument when passing " +
        "arguments in resource/name form",
    );
  }
  return { noun: kind.noun, names };
}
