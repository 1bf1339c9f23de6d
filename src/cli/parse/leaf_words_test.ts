import assert from "node:assert/strict";
import { type CommandSpec, flagKey, type FlagSpec } from "../command_spec.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { commandTree } from "../program.ts";
import { honouredBy } from "../honoured_globals.ts";
import { loadLeaves } from "./lazy.ts";
import { readLeafWords } from "./leaf_words.ts";

const ROOT = await loadLeaves(commandTree(fakeDeps()));
const GLOBALS = ROOT.flags ?? [];

function leaves(node: CommandSpec, path: string[] = []): [string[], CommandSpec][] {
  if (node.run) return [[path, node]];
  return (node.commands ?? []).flatMap((c) => leaves(c, [...path, c.name]));
}

/** The runtime shape `FlagValue<F>` (command_spec.ts) promises for a flag nobody typed. */
function promisedKind(flag: FlagSpec): string {
  if (flag.value === "none") return "boolean";
  if (flag.repeatable) return "array";
  if (flag.default !== undefined) return "string";
  return "undefined";
}

Deno.test("readLeafWords() fills every flag of every leaf with the kind of value its type promises", () => {
  for (const [path, leaf] of leaves(ROOT)) {
    const read = readLeafWords(leaf, GLOBALS, [], path.join(" "));
    for (const flag of [...honouredBy(leaf, GLOBALS), ...(leaf.flags ?? [])]) {
      const value = read.invocation.flags[flagKey(flag.long)];
      const kind = Array.isArray(value) ? "array" : typeof value;
      assert.equal(kind, promisedKind(flag), `${path.join(" ")} ${flag.long}`);
    }
    assert.deepEqual(read.given, new Set(), path.join(" "));
  }
});

const LEAF: CommandSpec = {
  name: "put",
  description: "",
  args: [{ name: "name", required: false, variadic: false }],
  flags: [
    { long: "--dry-run", value: "optional", description: "" },
    { long: "--mode", value: "required", choices: ["fast", "slow"], description: "" },
    { long: "--label", short: "-L", value: "required", repeatable: true, description: "" },
    { long: "--no-headers", value: "none", description: "" },
    { long: "--yes", short: "-y", value: "none", description: "" },
  ],
  globals: ["--namespace"],
  run: () => Promise.resolve(),
};
const NS: FlagSpec[] = [
  { long: "--namespace", short: "-n", value: "required", description: "" },
  { long: "--output", short: "-o", value: "required", description: "" },
];

Deno.test("readLeafWords(): optional values, choices, repeatable flags, --no-x, -yL and --", () => {
  const read = readLeafWords(
    LEAF,
    NS,
    ["a", "--dry-run=server", "--mode", "slow", "-L", "x", "-yL", "y", "--no-headers", "--", "-z"],
    "t put",
  );
  assert.deepEqual(read.problems, ['too many arguments, expected 1 but got "-z"']);
  assert.deepEqual(read.invocation, {
    flags: { dryRun: "server", mode: "slow", label: ["x", "y"], headers: false, yes: true },
    args: ["a"],
  });
  assert.equal(readLeafWords(LEAF, NS, ["--dry-run"], "t put").invocation.flags.dryRun, true);
  assert.equal(readLeafWords(LEAF, NS, ["--dry-run", "b"], "t put").invocation.flags.dryRun, "b");
});

Deno.test("readLeafWords() names every problem, leaving what it could not read at its default", () => {
  const read = readLeafWords(
    LEAF,
    NS,
    ["--mod", "fast", "--mode", "quick", "-o", "json", "-q", "--yes=perhaps", "--label"],
    "t put",
  );
  assert.deepEqual(read.problems, [
    'unknown flag "--mod" (did you mean "--mode"?)',
    '--mode: "quick" is not one of fast, slow',
    '--output (-o) does not apply to "t put"',
    'unknown flag "-q"',
    '--yes takes true or false, not "perhaps"',
    "flag --label needs a value",
  ]);
  // `fast` and `json` were the values of the refused flags, not arguments.
  assert.deepEqual(read.invocation, { flags: { label: [], headers: true, yes: false }, args: [] });
});
