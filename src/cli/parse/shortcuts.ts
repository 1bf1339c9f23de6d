/**
 * `hyperctl vms`, `hyperctl bj`, `hyperctl virtualmachines.hypersdk.io`: a resource name alone
 * means "list", like `kubectl get vms`; any name kubectl accepts also works as the noun of a verb.
 * @module
 */

import { kindOfResource } from "../../core/resource_words.ts";

/**
 * Rewrite the resource word to hyperctl's noun (`virtualmachines` → `vm`), and a resource word
 * alone to a listing (`hyperctl bj …` → `hyperctl backup list …`). The bare nouns themselves
 * (`hyperctl vm`) keep showing their verbs, as a command group does.
 *
 * @param valueFlags global flags that take the next word as their value (`-n prod`)
 */
export function expandShortcuts(
  argv: readonly string[],
  valueFlags: ReadonlySet<string>,
): string[] {
  // Skip global flags and their values (`-n prod`): the first other word is the noun.
  let i = 0;
  while (i < argv.length && argv[i].startsWith("-")) i += valueFlags.has(argv[i]) ? 2 : 1;
  const kind = i < argv.length ? kindOfResource(argv[i]) : undefined;
  if (!kind) return [...argv];
  // Words the tree knows as the noun's aliases stay as typed (help and completion show them).
  const word = argv[i] === kind.noun || kind.aliases.includes(argv[i]) ? argv[i] : kind.noun;
  const out = [...argv.slice(0, i), word];
  // A word after the noun is its verb (or a typo the parser names); flags or nothing mean list.
  const next = argv[i + 1];
  const listing = next === undefined ||
    (next.startsWith("-") && next !== "-h" && next !== "--help");
  if (argv[i] !== kind.noun && listing) out.push("list");
  return [...out, ...argv.slice(i + 1)];
}
