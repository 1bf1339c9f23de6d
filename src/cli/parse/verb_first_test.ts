import assert from "node:assert/strict";
import { valueFlagWords } from "../command_spec.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { commandTree } from "../program.ts";
import { verbFirstToNounFirst } from "./verb_first.ts";
import { loadLeaves } from "./lazy.ts";

// The leaves are lazy entries; their flags are known once loaded.
const root = await loadLeaves(commandTree(fakeDeps()));
const VALUE_FLAGS = valueFlagWords([
  ...(root.flags ?? []),
  ...(root.commands ?? []).flatMap((c) => (c.commands ?? []).flatMap((l) => l.flags ?? [])),
]);
const nounsOf = (verb: string) =>
  root.commands?.find((c) => c.name === verb)?.commands?.map((c) => c.name);
const rewrite = (...argv: string[]) => verbFirstToNounFirst(argv, VALUE_FLAGS, nounsOf);

Deno.test("verbFirstToNounFirst() maps kubectl's get, delete and describe to noun-first commands", () => {
  const cases: [string[], string[]][] = [
    [["get", "vms"], ["vm", "list"]],
    [["get", "virtualmachines.hypersdk.io", "-w"], ["vm", "list", "-w"]],
    [["get", "vm", "a", "-o", "yaml"], ["vm", "get", "a", "-o", "yaml"]],
    [["get", "vm/a", "virtualmachine.hypersdk.io/b"], ["vm", "get", "a", "b"]],
    [["get", "-l", "tier=web", "bj"], ["backup", "list", "-l", "tier=web"]],
    [["-n", "prod", "get", "-o", "name", "VMSnapshots"], [
      "-n",
      "prod",
      "snapshot",
      "list",
      "-o",
      "name",
    ]],
    [["delete", "vm", "a", "b", "--yes"], ["vm", "delete", "a", "b", "--yes"]],
    [["delete", "vms", "-l", "tier=web"], ["vm", "delete", "-l", "tier=web"]],
    [["describe", "vm", "web-1"], ["vm", "describe", "web-1"]],
    [["describe", "vmop/x"], ["op", "describe", "x"]],
    [["get", "--", "vm", "-odd"], ["vm", "get", "-odd"]],
    [["vm", "get", "a"], ["vm", "get", "a"]],
    [["get", "-h"], ["get", "-h"]],
    // One kind named twice is still one kind: kubectl lists it once, and gets each name twice.
    [["get", "vm,vms"], ["vm", "list"]],
    [["get", "vm,vms", "a"], ["vm", "get", "a", "a"]],
    // Several kinds go to get-kinds, their words unchanged, the flags after them.
    [["get", "vm,vmop"], ["get-kinds", "vm,vmop"]],
    [["-n", "x", "get", "-o", "json", "vm,bj", "a"], [
      "-n",
      "x",
      "get-kinds",
      "vm,bj",
      "a",
      "-o",
      "json",
    ]],
    [["get", "vm/a", "vmop/b", "-A"], ["get-kinds", "vm/a", "vmop/b", "-A"]],
  ];
  for (const [argv, want] of cases) assert.deepEqual(rewrite(...argv), want, argv.join(" "));
});

Deno.test("verbFirstToNounFirst() refuses what it cannot map, naming the kinds", () => {
  const cases: [string[], RegExp][] = [
    [["get"], /you must specify the type of resource to get: virtualmachines \(vm, vms\)/],
    [["get", "pods"], /unknown resource type "pods": HyperSDK kinds are/],
    [["get", "vm,pods"], /unknown resource type "pods": HyperSDK kinds are/],
    [["get", "vm,vmop", "vm/a"], /no need to specify a resource type as a separate argument/],
    [["describe", "vm,op"], /one kind at a time/],
    [["delete", "vm/a", "bj/b"], /one kind at a time: got vm and backup/],
    [["get", "vm/a", "b"], /"b" has no type/],
    [["get", "pods/a"], /unknown resource type in "pods\/a"/],
    [["get", "vm", "vm/a"], /no need to specify a resource type as a separate argument/],
  ];
  for (const [argv, re] of cases) {
    assert.throws(
      () => rewrite(...argv),
      (e: Error) => ["InputError", "SyntaxError"].includes(e.name) && re.test(e.message),
    );
  }
});

Deno.test("verbFirstToNounFirst(): delete names the kinds it takes, and refuses -f on one line", () => {
  const kinds = "virtualmachines (vm, vms), vmsnapshots (vmsnap, vmsnaps), backupjobs (bj), " +
    "restorejobs (rj), backupschedules (bs)";
  const cases: [string[], string][] = [
    [["delete", "op", "fail-op", "--yes"], `cannot delete vmoperations: delete takes ${kinds}`],
    [["delete", "vmt/x"], `cannot delete vmtemplates: delete takes ${kinds}`],
    [["delete"], `you must specify the type of resource to delete: ${kinds}`],
    [
      ["delete", "-f", "x.yaml"],
      `delete -f (a manifest file) is not supported: use "kubectl delete -f x.yaml", or ` +
      `"hyperctl delete KIND NAME…" with KIND one of ${kinds}`,
    ],
    [
      ["-n", "a", "delete", "--filename=x.yaml", "--yes"],
      `delete -f (a manifest file) is not supported: use "kubectl delete -f x.yaml", or ` +
      `"hyperctl delete KIND NAME…" with KIND one of ${kinds}`,
    ],
    [
      ["delete", "vm", "a", "-f"],
      `delete -f (a manifest file) is not supported: use "kubectl delete -f FILE", or ` +
      `"hyperctl delete KIND NAME…" with KIND one of ${kinds}`,
    ],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => rewrite(...argv), { name: "InputError", message }, argv.join(" "));
  }
});
