import assert from "node:assert/strict";
import type { CommandSpec } from "../command_spec.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { commandTree } from "../program.ts";
import { parseCommandLine } from "./mod.ts";
import { loadLeaves } from "./lazy.ts";

/** A tree whose leaves are lazy entries that record being loaded. */
function recordingTree(loads: string[]): CommandSpec {
  const lazy = (name: string, spec: Omit<CommandSpec, "name" | "description">): CommandSpec => ({
    name,
    description: `${name} things`,
    load: () => {
      loads.push(name);
      return Promise.resolve({ name, description: `${name} things`, ...spec, run: async () => {} });
    },
  });
  return {
    name: "x",
    description: "root",
    flags: [{ long: "--namespace", short: "-n", value: "required", description: "ns" }],
    commands: [
      {
        name: "vm",
        description: "vms",
        commands: [
          lazy("list", {
            flags: [{ long: "--selector", short: "-l", value: "required", description: "sel" }],
            globals: ["--namespace"],
          }),
          lazy("clone", { args: [{ name: "name", required: true, variadic: false }] }),
        ],
      },
      lazy("status", {}),
    ],
  };
}

Deno.test("parseCommandLine() loads only the leaf the command words name", async () => {
  const loads: string[] = [];
  const line = await parseCommandLine(recordingTree(loads), ["-n", "a", "vm", "list", "-l", "b"]);
  assert.equal(line.kind, "run");
  assert.deepEqual(loads, ["list"]);
  const { flags } = (line as Extract<typeof line, { kind: "run" }>).invocation;
  assert.deepEqual([flags.namespace, flags.selector], ["a", "b"]);
  // --version and a leaf's own help load nothing else.
  loads.length = 0;
  await parseCommandLine(recordingTree(loads), ["--version"]);
  await parseCommandLine(recordingTree(loads), ["vm", "clone", "--help"]);
  assert.deepEqual(loads, ["clone"]);
});

Deno.test("group help loads the group's leaves; verb-first loads list, get, delete, describe", async () => {
  const loads: string[] = [];
  const help = await parseCommandLine(recordingTree(loads), ["vm", "--help"]);
  assert.deepEqual(loads.sort(), ["clone", "list"]);
  assert.match((help as { text: string }).text, /^ {2}x vm clone <name>$/m);
  loads.length = 0;
  // `-l` takes a value only the list leaf knows: without it, `web` would be read as a name.
  const line = await parseCommandLine(recordingTree(loads), ["get", "vm", "-l", "web"]);
  assert.deepEqual(loads, ["list"]);
  assert.equal((line as Extract<typeof line, { kind: "run" }>).invocation.flags.selector, "web");
});

/** The lazy entries under `root`. */
function lazyEntries(root: CommandSpec): CommandSpec[] {
  return root.load ? [root] : (root.commands ?? []).flatMap(lazyEntries);
}

Deno.test("every lazy entry of the real tree routes by the name, aliases and description of its module", async () => {
  const entries = lazyEntries(commandTree(fakeDeps()));
  assert.ok(entries.length > 0, "no lazy entry in the tree");
  for (const entry of entries) {
    const leaf = await entry.load!();
    assert.deepEqual(
      [leaf.name, leaf.description, leaf.aliases ?? []],
      [entry.name, entry.description, entry.aliases ?? []],
    );
    assert.ok(leaf.run && !leaf.load, `${entry.name} loads a leaf`);
  }
  assert.deepEqual(lazyEntries(await loadLeaves(commandTree(fakeDeps()))), []);
});
