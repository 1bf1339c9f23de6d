import assert from "node:assert/strict";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { commandTree } from "../program.ts";
import { type CompletionTree, treeFromSpec } from "./tree.ts";
import { loadLeaves } from "../parse/lazy.ts";

const find = (tree: CompletionTree, ...path: string[]) =>
  path.reduce((t, name) => t.commands.find((c) => c.name === name)!, tree);

Deno.test("treeFromSpec() mirrors the real command tree's commands, args and flags", async () => {
  const tree = treeFromSpec(await loadLeaves(commandTree(fakeDeps())));
  assert.equal(tree.name, "hyperctl");
  assert.deepEqual(find(tree, "vm").aliases, ["vms", "virtualmachine", "virtualmachines"]);
  const list = find(tree, "vm", "list");
  assert.equal(list.noun, "vm");
  const status = list.options.find((o) => o.long === "--status")!;
  assert.equal(status.value, "required");
  const selector = list.options.find((o) => o.long === "--selector")!;
  assert.equal(selector.short, "-l");
  assert.ok(list.options.some((o) => o.long === "--help" && o.short === "-h"));
  assert.deepEqual(find(tree, "vm", "get").args, [{ name: "names", variadic: true, noun: "vm" }]);
  assert.deepEqual(find(tree, "vm", "stop").args, [{ name: "names", variadic: true, noun: "vm" }]);
  assert.deepEqual(find(tree, "vm", "create").args, [{ name: "name", variadic: false }]);
  assert.deepEqual(find(tree, "backup", "create").args, [{
    name: "vm",
    variadic: false,
    noun: "vm",
  }]);
  const color = tree.options.find((o) => o.long === "--color")!;
  assert.deepEqual(color.choices, ["auto", "always", "never"]);
  const output = tree.options.find((o) => o.long === "--output")!;
  assert.deepEqual(output.choices, ["table", "wide", "json", "yaml", "name"]);
  const labels = find(tree, "vm", "create").options.find((o) => o.long === "--label")!;
  assert.equal(labels.repeatable, true);
  const dryRun = find(tree, "vm", "delete").options.find((o) => o.long === "--dry-run")!;
  assert.equal(dryRun.value, "optional");
  assert.equal(find(tree, "status").noun, undefined);
});

Deno.test("treeFromSpec() adds what the parser adds: --help, --version and help commands", () => {
  const tree = treeFromSpec({
    name: "x",
    description: "",
    flags: [{ long: "--shown", value: "none", description: "a or b: a|b" }],
    commands: [{ name: "visible", description: "", run: () => Promise.resolve() }],
  });
  assert.deepEqual(tree.commands.map((c) => c.name), ["visible", "help"]);
  assert.deepEqual(tree.options.map((o) => o.long), ["--version", "--shown", "--help"]);
  assert.deepEqual(tree.commands[0].options.map((o) => o.long), ["--help"]);
  // A switch never has values, even if its description contains a|b.
  assert.equal(tree.options[1].choices, undefined);
});
