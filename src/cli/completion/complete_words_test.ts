import assert from "node:assert/strict";
import type { Noun } from "../../core/kinds.ts";
import type { GlobalFlags } from "../deps.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { expandShortcuts } from "../parse/shortcuts.ts";
import { commandTree } from "../program.ts";
import { valueFlagWords } from "../command_spec.ts";
import { completeWords, type CompletionSources, FILES_DIRECTIVE } from "./complete_words.ts";
import { treeFromSpec } from "./tree.ts";
import { loadLeaves } from "../parse/lazy.ts";

// The real command tree, so these tests fail when a flag or verb changes under completion.
const ROOT = commandTree(fakeDeps());
const TREE = treeFromSpec(await loadLeaves(ROOT));
const VALUE_FLAGS = valueFlagWords(ROOT.flags ?? []);

const NAMES: Record<string, string[]> = {
  "vm@default": ["db-1", "web-1", "web-2"],
  "vm@prod": ["prod-api"],
  "snapshot@default": ["web-1-snap-abcde"],
  "template@default": ["ubuntu-24", "windows-2022"],
  "backup@default": ["nightly-1"],
};

/** A fake cluster that records what was asked. */
function sources(calls: [Noun, string | undefined, GlobalFlags][] = []): CompletionSources {
  return {
    fetchNames: (noun, ns, flags) => {
      calls.push([noun, ns, flags]);
      return Promise.resolve(NAMES[`${noun}@${ns ?? "default"}`] ?? []);
    },
    contextNames: () => Promise.resolve(["admin", "viewer", "prod:eu"]),
    presetNames: (noun) => noun === "vm" ? ["big", "failed"] : ["failed"],
    expand: (words) => expandShortcuts(words, VALUE_FLAGS),
  };
}

const complete = (line: string[], src = sources()) => completeWords(line, TREE, src);

Deno.test("completeWords() completes commands, subcommands and aliases", async () => {
  const cases: [string[], string[]][] = [
    [[""], ["vm", "op", "snapshot", "template", "backup", "restore", "schedule", "status", "sim"]],
    [["s"], ["snapshot", "schedule", "status", "sim"]],
    [["vm", ""], [
      "list",
      "get",
      "describe",
      "create",
      "delete",
      "start",
      "stop",
      "restart",
      "clone",
      "migrate",
      "resize",
      "help",
    ]],
    [["vm", "re"], ["restart", "resize"]],
    // Only aliases match: offer them rather than nothing.
    [["vmo"], ["vmop", "vmops", "vmoperation", "vmoperations"]],
    [["snapshots", ""], ["list", "get", "create", "delete", "wait", "help"]],
    [["schedule", "s"], ["suspend"]],
    [["-n", "prod", "vm", "l"], ["list"]],
    [["help", "sn"], ["snapshot"]],
    [["nope", ""], []],
  ];
  for (const [words, expected] of cases) {
    const got = await complete(words);
    for (const want of expected) {
      assert.ok(got.includes(want), `${words}: ${want} missing in ${got}`);
    }
    if (words.at(-1) !== "") assert.deepEqual(got, expected, words.join(" "));
  }
});

Deno.test("completeWords() completes flags of the command plus the global ones", async () => {
  const list = await complete(["vm", "list", "--"]);
  for (
    const f of [
      "--selector",
      "--status",
      "--min-memory",
      "--preset",
      "--watch",
      "--namespace",
      "--output",
      "--color",
      "--help",
    ]
  ) {
    assert.ok(list.includes(f), `${f} missing`);
  }
  assert.ok(!list.includes("--version"), "--version is root-only");
  assert.ok(!list.includes("-l"), "-- asks for long flags only");
  assert.deepEqual(await complete(["vm", "list", "--min-"]), ["--min-cpus", "--min-memory"]);
  // VM-only filters are not offered for other kinds.
  assert.deepEqual(await complete(["snapshot", "list", "--min-"]), []);
  assert.ok((await complete(["vm", "list", "-"])).includes("-l"));
  // Only the global flags vm create honours: no --color.
  assert.deepEqual(await complete(["vm", "create", "--c"]), ["--cpus", "--context"]);
  assert.deepEqual(await complete(["sim", "--o"]), []);
  assert.deepEqual(await complete(["--ver"]), ["--version", "--verbose"]);
  // A flag already given is not offered again, unless it can repeat.
  assert.deepEqual(await complete(["vm", "list", "-w", "--wat"]), ["--watch-only"]);
  assert.deepEqual(
    await complete(["vm", "list", "--watch", "-"]).then((f) => f.includes("-w")),
    false,
  );
  assert.deepEqual(await complete(["vm", "create", "--label", "a=b", "--lab"]), ["--label"]);
  // After "--" everything is an argument.
  assert.deepEqual(await complete(["vm", "delete", "--", "-"]), []);
});

Deno.test("completeWords() completes flag values", async () => {
  const cases: [string[], string[]][] = [
    [["vm", "list", "-o", ""], ["table", "wide", "json", "yaml", "name", ...TEMPLATES]],
    [["vm", "list", "--output", "y"], ["yaml"]],
    [["vm", "list", "--output=y"], ["--output=yaml"]],
    [["--color", ""], ["auto", "always", "never"]],
    [["vm", "get", "x", "--color=n"], ["--color=never"]],
    [["vm", "stop", "--progress", ""], ["auto", "bar", "lines", "none"]],
    [["vm", "delete", "--dry-run", ""], ["client", "server"]],
    [["vm", "delete", "--dry-run=s"], ["--dry-run=server"]],
    [["backup", "create", "--dest-type", "a"], ["azure-blob"]],
    [["schedule", "create", "--concurrency", ""], ["Forbid", "Allow", "Replace"]],
    [["--context", ""], ["admin", "viewer", "prod:eu"]],
    [["vm", "list", "--context", "admin,v"], ["admin,viewer"]],
    [["vm", "list", "--preset", ""], ["big", "failed"]],
    [["backup", "list", "--preset", ""], ["failed"]],
    [["--kubeconfig", ""], [FILES_DIRECTIVE]],
    [["vm", "list", "--state-file=./"], [FILES_DIRECTIVE]],
    [["vm", "create", "--template", "u"], ["ubuntu-24"]],
    [["vm", "clone", "web-1", "--from-snapshot", ""], ["web-1-snap-abcde"]],
    [["restore", "create", "--backup", ""], ["nightly-1"]],
    [["schedule", "create", "nightly", "--vm", "w"], ["web-1", "web-2"]],
    // A value with no known candidates: nothing, rather than flags or names.
    [["vm", "list", "--where", ""], []],
    [["vm", "get", "-n", ""], []],
  ];
  for (const [words, expected] of cases) {
    assert.deepEqual(await complete(words), expected, words.join(" "));
  }
});

Deno.test("completeWords() completes --status with the phases of the noun's kind", async () => {
  const cases: [string[], string[]][] = [
    [["vm", "list", "--status", ""], [
      "Pending",
      "Creating",
      "Running",
      "Stopped",
      "Migrating",
      "Paused",
      "Failed",
      "Unknown",
    ]],
    [["op", "list", "--status", "S"], ["Succeeded"]],
    [["snapshot", "list", "--status", "re"], ["Ready"]],
    [["backup", "list", "--status", "c"], ["Completed", "Cancelled"]],
    [["restores", "--status", "f"], ["Failed"]],
    // Comma lists: complete the last item, skip the ones already listed (any case).
    [["vm", "list", "--status", "running,s"], ["running,Stopped"]],
    [["vms", "--status=Running,P"], ["--status=Running,Pending", "--status=Running,Paused"]],
    [["template", "list", "--status", ""], []],
  ];
  for (const [words, expected] of cases) {
    assert.deepEqual(await complete(words), expected, words.join(" "));
  }
});

Deno.test("completeWords() completes resource names from the cluster", async () => {
  const calls: [Noun, string | undefined, GlobalFlags][] = [];
  const src = sources(calls);
  assert.deepEqual(await complete(["vm", "get", ""], src), ["db-1", "web-1", "web-2"]);
  assert.deepEqual(await complete(["vms", "get", "w"], src), ["web-1", "web-2"]);
  // Several names: the ones already typed are not offered again.
  assert.deepEqual(await complete(["vm", "stop", "web-1", "w"], src), ["web-2"]);
  assert.deepEqual(await complete(["vm", "delete", "--yes", "db-1", ""], src), ["web-1", "web-2"]);
  assert.deepEqual(await complete(["snapshot", "create", ""], src), ["db-1", "web-1", "web-2"]);
  assert.deepEqual(await complete(["snapshot", "delete", ""], src), ["web-1-snap-abcde"]);
  assert.deepEqual(await complete(["backup", "wait", "n"], src), ["nightly-1"]);
  assert.deepEqual(await complete(["vm", "describe", "web-1", ""], src), ["db-1", "web-2"]);
  assert.deepEqual(await complete(["snapshot", "describe", ""], src), ["web-1-snap-abcde"]);
  // kubectl's order: the kinds after the verb, then names of the kind.
  assert.deepEqual(await complete(["get", "s"], src), ["snapshot", "schedule"]);
  assert.deepEqual(await complete(["get", "vms", "web-1", ""], src), ["db-1", "web-2"]);
  assert.deepEqual(await complete(["delete", "snapshot", ""], src), ["web-1-snap-abcde"]);
  assert.deepEqual(await complete(["wait", "t"], src), ["template"]);
  assert.deepEqual(await complete(["wait", "vms", "db-1", ""], src), ["web-1", "web-2"]);
  assert.deepEqual(await complete(["wait", "pods", ""], src), []);
  // The namespace and connection flags among the words are used, wherever they are.
  assert.deepEqual(await complete(["-n", "prod", "vm", "start", ""], src), ["prod-api"]);
  assert.deepEqual(await complete(["vm", "start", "--namespace=prod", ""], src), ["prod-api"]);
  assert.deepEqual(await complete(["vm", "get", "-nprod", ""], src), ["prod-api"]);
  calls.length = 0;
  await complete(["--context", "viewer", "--kubeconfig", "/k.yaml", "vm", "get", ""], src);
  assert.deepEqual(calls, [["vm", undefined, { context: "viewer", kubeconfig: "/k.yaml" }]]);
  // get takes several names: the ones already typed are not offered again.
  assert.deepEqual(await complete(["vm", "get", "web-1", ""], src), ["db-1", "web-2"]);
  // A new name, a single-name verb already given, or no name at all: nothing is fetched.
  calls.length = 0;
  assert.deepEqual(await complete(["vm", "create", ""], src), []);
  assert.deepEqual(await complete(["vm", "clone", "web-1", ""], src), []);
  assert.deepEqual(await complete(["vm", "list", ""], src), []);
  assert.deepEqual(await complete(["status", ""], src), []);
  assert.deepEqual(calls, []);
});

Deno.test("completeWords() is silent when a source fails", async () => {
  const failing: CompletionSources = {
    fetchNames: () => Promise.reject(new Error("connection refused")),
    contextNames: () => {
      throw new Error("no kubeconfig");
    },
  };
  assert.deepEqual(await completeWords(["vm", "get", ""], TREE, failing), []);
  assert.deepEqual(await completeWords(["--context", ""], TREE, failing), []);
  assert.deepEqual(await completeWords(["vm", "list", "--preset", ""], TREE, failing), []);
  // A bare fetcher works as the third argument too.
  const got = await completeWords(
    ["vm", "get", ""],
    TREE,
    (noun) => Promise.resolve([`${noun}-x`]),
  );
  assert.deepEqual(got, ["vm-x"]);
});

const TEMPLATES = [
  "jsonpath=",
  "jsonpath-file=",
  "jsonpath-as-json=",
  "custom-columns=",
  "custom-columns-file=",
];

Deno.test("completeWords() offers -o's template formats where they are accepted", async () => {
  const accepted: string[][] = [
    ["vm", "list", "-o", "j"],
    ["backup", "list", "--output", "j"],
    ["vm", "get", "web-1", "-o", "j"],
    ["snapshot", "get", "x", "-o", "j"],
    ["vms", "-o", "j"],
    ["get", "vms", "-o", "j"],
  ];
  for (const words of accepted) {
    assert.deepEqual(
      await complete(words),
      ["json", "jsonpath=", "jsonpath-file=", "jsonpath-as-json="],
      words.join(" "),
    );
  }
  assert.deepEqual(await complete(["vm", "list", "-o", "c"]), [
    "custom-columns=",
    "custom-columns-file=",
  ]);
  assert.deepEqual(await complete(["vm", "list", "--output=custom-columns-"]), [
    "--output=custom-columns-file=",
  ]);
  // Commands that print only json|yaml|name (or a table) are not offered templates.
  const refused: string[][] = [
    ["wait", "vm", "web-1", "-o", "j"],
    ["vm", "create", "x", "-o", "j"],
    ["describe", "vm", "web-1", "-o", "j"],
    ["-o", "j"],
  ];
  for (const words of refused) assert.deepEqual(await complete(words), ["json"], words.join(" "));
  // delete prints only its "deleted" lines: it takes no -o at all.
  assert.deepEqual(await complete(["vm", "delete", "web-1", "-o", "j"]), []);
});

Deno.test("completeWords() completes fixed arguments, ssh and scp hosts, TYPE/NAME and -oVALUE", async () => {
  const cases: [string[], string[]][] = [
    [["completion", ""], ["bash", "zsh", "fish"]],
    [["completion", "z"], ["zsh"]],
    [["vm", "ssh", "w"], ["web-1", "web-2"]],
    [["vm", "ssh", "root@w"], ["root@web-1", "root@web-2"]],
    // After the destination come ssh's own words.
    [["vm", "ssh", "web-1", ""], []],
    // ssh's options with values come before the destination; after `-p` its value is due.
    [["vm", "ssh", "-p", "22", "w"], ["web-1", "web-2"]],
    [["vm", "ssh", "-l", "root", "-A", "d"], ["db-1"]],
    [["vm", "ssh", "-p", ""], []],
    [["vm", "scp", "-P", "2222", "./a", "w"], ["web-1:", "web-2:"]],
    [["vm", "scp", "./a", "d"], ["db-1:"]],
    [["vm", "scp", "-r", "alice@"], ["alice@db-1:", "alice@web-1:", "alice@web-2:"]],
    [["vm", "scp", "web-1:/tm"], []],
    [["wait", "vm/w"], ["vm/web-1", "vm/web-2"]],
    [["wait", "vm/web-1", "vm/"], ["vm/db-1", "vm/web-2"]],
    [["wait", "nope/w"], []],
    [["vm", "list", "-oj"], ["-ojson", "-ojsonpath=", "-ojsonpath-file=", "-ojsonpath-as-json="]],
    [["vm", "list", "-o=y"], ["-o=yaml"]],
    [["vm", "list", "-nprod", "-oname"], ["-oname"]],
  ];
  for (const [line, want] of cases) {
    assert.deepEqual(await complete(line), want, line.join(" "));
  }
});
