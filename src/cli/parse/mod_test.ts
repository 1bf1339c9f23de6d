import assert from "node:assert/strict";
import type { CommandSpec } from "../command_spec.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { commandTree } from "../program.ts";
import { parseCommandLine } from "./mod.ts";

// The real command tree: these tests fail when a flag or verb changes under the parser.
const ROOT: CommandSpec = commandTree(fakeDeps());

async function runOf(argv: string[]) {
  const line = await parseCommandLine(ROOT, argv);
  assert.equal(line.kind, "run", JSON.stringify(line));
  return line as Extract<typeof line, { kind: "run" }>;
}

Deno.test("parseCommandLine() gives the leaf, its flags with defaults, and what was typed", async () => {
  const line = await runOf(["-n", "prod", "vms", "-o", "json", "--status", "Running"]);
  assert.equal(line.leaf.name, "list");
  assert.deepEqual(line.path, ["vms", "list"]);
  const { flags } = line.invocation;
  assert.equal(flags.namespace, "prod");
  assert.equal(flags.output, "json");
  assert.equal(flags.status, "Running");
  assert.equal(flags.requestTimeout, "30s");
  assert.equal(flags.color, "auto");
  assert.equal(flags.chunkSize, "500");
  assert.equal(flags.headers, true);
  assert.deepEqual([...line.given].sort(), ["namespace", "output", "status"]);
});

Deno.test("parseCommandLine(): --no-x, optional values, repeatable flags and arguments", async () => {
  assert.equal((await runOf(["vm", "list", "--no-headers"])).invocation.flags.headers, false);
  const dry = await runOf(["vm", "delete", "a", "b", "--dry-run", "--yes"]);
  assert.equal(dry.invocation.flags.dryRun, true);
  assert.deepEqual(dry.invocation.args, ["a", "b"]);
  const server = await runOf(["vm", "delete", "a", "--dry-run=server"]);
  assert.equal(server.invocation.flags.dryRun, "server");
  const labels = await runOf(["vm", "create", "v", "--label", "a=1", "--label", "b=2"]);
  assert.deepEqual(labels.invocation.flags.label, ["a=1", "b=2"]);
  assert.deepEqual(labels.invocation.args, ["v"]);
  assert.deepEqual((await runOf(["vm", "create"])).invocation.flags.label, []);
});

Deno.test("parseCommandLine(): help, version and a bare group", async () => {
  const help = await parseCommandLine(ROOT, ["vm", "list", "--help"]);
  assert.equal(help.kind, "help");
  assert.match((help as { text: string }).text, /--min-memory/);
  assert.deepEqual(await parseCommandLine(ROOT, ["--version"]), { kind: "version" });
  const bare = await parseCommandLine(ROOT, ["snapshot"]);
  assert.equal(bare.kind, "usage");
  assert.match((bare as { text: string }).text, /hyperctl snapshot wait <names\.\.\.> \[flags\]/);
});

Deno.test("parseCommandLine(): --version wherever a global flag may stand", async () => {
  for (
    const argv of [
      ["--kubeconfig", "x", "--version"],
      ["-n", "default", "--version"],
      ["--version", "-n", "default"],
      ["-nprod", "-v", "--version", "--context=c"],
      ["vm", "--version"],
      ["-n", "x", "vm", "list", "-o", "json", "--version"],
      ["get", "--version"],
      ["vm", "ssh", "web-001", "--version"],
    ]
  ) {
    assert.deepEqual(await parseCommandLine(ROOT, argv), { kind: "version" }, argv.join(" "));
  }
  // Words after -- are arguments (here ssh's), and help still wins.
  const handed = await parseCommandLine(ROOT, ["vm", "ssh", "web-001", "--", "--version"]);
  assert.equal(handed.kind, "run");
  assert.equal((await parseCommandLine(ROOT, ["vm", "--version", "--help"])).kind, "help");
  await assert.rejects(parseCommandLine(ROOT, ["bogus", "--version"]), /unknown command "bogus"/);
});

Deno.test("parseCommandLine() rejects bad input with one line naming the problem", async () => {
  const cases: [string[], RegExp][] = [
    [["vm", "list", "--wher", "x"], /^unknown flag "--wher" \(did you mean "--where"\?\)$/],
    [["vm", "lst"], /^unknown command "lst" \(did you mean "list"\?\)$/],
    [["vm", "list", "-Z"], /^unknown flag "-Z"$/],
    [["vm", "list", "--color", "nevr"], /did you mean "never"/],
    [["vm", "get"], /name/],
    [["vm", "list", "a"], /too many arguments/],
    [["vm", "list", "--chunk-size"], /--chunk-size/],
  ];
  for (const [argv, pattern] of cases) {
    await assert.rejects(() => parseCommandLine(ROOT, argv), (e: Error) => {
      assert.equal(e.name, "InputError", argv.join(" "));
      assert.match(e.message, pattern, argv.join(" "));
      assert.doesNotMatch(e.message, /\n/);
      return true;
    });
  }
});

async function problemsOf(argv: string[]): Promise<string[]> {
  let message = "";
  await assert.rejects(() => parseCommandLine(ROOT, argv), (e: Error) => {
    assert.equal(e.name, "InputError", argv.join(" "));
    message = e.message;
    return true;
  });
  return message.split("; ");
}

Deno.test("parseCommandLine() names every word-level problem of a line at once, in order", async () => {
  assert.deepEqual(
    await problemsOf(["vm", "list", "--wher", "x", "-Z", "--color", "nevr", "a", "--chunk-size"]),
    [
      'unknown flag "--wher" (did you mean "--where"?)',
      'unknown flag "-Z"',
      '--color: "nevr" is not one of auto, always, never (did you mean "never"?)',
      "flag --chunk-size needs a value",
      'too many arguments, expected 0 but got "a"',
    ],
  );
  // A refused global flag's value is not taken for an argument.
  assert.deepEqual(await problemsOf(["sim", "-o", "json", "--watch=maybe"]), [
    '--output (-o) does not apply to "hyperctl sim"',
    'unknown flag "--watch"',
  ]);
  assert.deepEqual(await problemsOf(["vm", "list", "-w", "--watch-only=maybe"]), [
    '--watch-only takes true or false, not "maybe"',
  ]);
});

Deno.test("parseCommandLine() names the parser's problems and the command's own in one message", async () => {
  assert.deepEqual(await problemsOf(["vm", "clone", "--bogus", "--progress", "x"]), [
    'unknown flag "--bogus"',
    '--progress must be auto, bar, lines or none, got "x"',
    "vm clone needs a VM name",
    "vm clone needs --target",
  ]);
});

Deno.test("parseCommandLine() names a flag whose value is missing once, not again as absent", async () => {
  assert.deepEqual(await problemsOf(["vm", "clone", "a", "--target"]), [
    "flag --target needs a value",
  ]);
  // Only the refused flag's own complaint is dropped: the other missing flag is still named.
  assert.deepEqual(await problemsOf(["vm", "create", "x", "--cpus"]), [
    "flag --cpus needs a value",
    "vm create needs --memory",
  ]);
});

Deno.test("parseCommandLine(): switches take =true/=false and combine (-wA), as with pflag", async () => {
  const line = await runOf(["vm", "list", "-wA", "--show-labels=false", "--no-headers=true"]);
  const { flags } = line.invocation;
  assert.equal(flags.watch, true);
  assert.equal(flags.allNamespaces, true);
  assert.equal(flags.showLabels, false);
  assert.equal(flags.headers, false);
  const escaped = await runOf(["vm", "delete", "--yes", "--", "-a", "--b"]);
  assert.deepEqual(escaped.invocation.args, ["-a", "--b"]);
});
