/**
 * `get`, `delete` and `describe` at the top of the tree, for help and completion only: kubectl's
 * verb-first command lines are rewritten to the noun-first ones before parsing
 * (parse/verb_first.ts), so these entries never run. `hyperctl get -h` lists the kinds, and
 * `hyperctl get vm <TAB>` completes VM names.
 * @module
 */

import type { CommandSpec, FlagSpec } from "./command_spec.ts";
import { InputError } from "./outcomes.ts";
import { loaded } from "./parse/lazy.ts";

/** The noun-first leaves each kubectl verb stands for: `get vm` is `vm list` or `vm get`. */
const LEAVES: Readonly<Record<string, readonly string[]>> = {
  get: ["list", "get"],
  delete: ["delete"],
  describe: ["describe"],
};

/**
 * The verb-first entries for `nouns`; a verb appears with the nouns that have its leaves.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kubectlVerbCommands } from "./kubectl_verbs.ts";
 * const leaf = (name: string) => ({ name, description: "", run: () => Promise.resolve() });
 * const [get] = kubectlVerbCommands([{ name: "vm", description: "VMs", commands: [leaf("list"), leaf("get")] }]);
 * equal(get.commands?.[0].name, "vm");
 * equal((await get.commands?.[0].load?.())?.args?.[0].name, "names");
 * ```
 */
export function kubectlVerbCommands(nouns: readonly CommandSpec[]): CommandSpec[] {
  return Object.entries(LEAVES).flatMap(([verb, leaves]) => {
    const kinds = nouns.flatMap((noun): CommandSpec[] => {
      const entries = (noun.commands ?? []).filter((c) => leaves.includes(c.name));
      if (entries.length === 0) return [];
      // Lazy like the leaves it stands for: their flags are known once they are loaded.
      const load = async (): Promise<CommandSpec> => {
        const found = await Promise.all(entries.map(loaded));
        const flags = new Map<string, FlagSpec>();
        for (const f of found.flatMap((c) => c.flags ?? [])) flags.set(f.long, f);
        return {
          name: noun.name,
          aliases: noun.aliases,
          description: noun.description,
          args: [{ name: "names", required: false, variadic: true }],
          flags: [...flags.values()],
          globals: [...new Set(found.flatMap((c) => c.globals ?? []))],
          run: () => Promise.reject(new InputError(`${verb} ${noun.name}: not rewritten`)),
        };
      };
      return [{ name: noun.name, aliases: noun.aliases, description: noun.description, load }];
    });
    return kinds.length === 0 ? [] : [{
      name: verb,
      description: `kubectl's order: ${verb} KIND [NAME…] or ${verb} KIND/NAME… (= KIND ${
        leaves.join("|")
      })`,
      commands: kinds,
    }];
  });
}
