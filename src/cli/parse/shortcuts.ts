/**
 * `hyperctl vms`: a plural noun alone means "list", like `kubectl get vms`.
 * @module
 */

/** Plural nouns that mean "list" on their own. */
const LIST_SHORTCUTS = new Set([
  "vms",
  "ops",
  "vmops",
  "snapshots",
  "templates",
  "backups",
  "restores",
  "schedules",
]);

const VERBS = new Set(["list", "ls", "get", "-h", "--help", "help"]);

/**
 * Rewrite `hyperctl vms …` to `hyperctl vms list …` so the plural works as a listing.
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
  if (i < argv.length && LIST_SHORTCUTS.has(argv[i]) && !VERBS.has(argv[i + 1] ?? "")) {
    return [...argv.slice(0, i + 1), "list", ...argv.slice(i + 1)];
  }
  return [...argv];
}
