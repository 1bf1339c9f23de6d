/**
 * Help is generated from the command tree the parser is built from; these golden texts pin it
 * per command family, so a change to flags, arguments or wording shows up in review.
 * `UPDATE_GOLDEN=1 deno test -A src/cli/parse/help_test.ts` rewrites them.
 */
import assert from "node:assert/strict";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { run } from "../main.ts";

const GOLDEN = new URL("./testdata/help/", import.meta.url);
const UPDATE = Deno.env.get("UPDATE_GOLDEN") === "1";

/** One command line per family: the root, a noun group, and each kind of leaf. */
const FAMILIES: Record<string, string[]> = {
  root: ["--help"],
  vm: ["vm", "--help"],
  "vm-list": ["vm", "list", "--help"],
  "vm-get": ["vm", "get", "--help"],
  "vm-describe": ["vm", "describe", "--help"],
  "vm-create": ["vm", "create", "--help"],
  "vm-delete": ["vm", "delete", "--help"],
  "vm-start": ["vm", "start", "--help"],
  "vm-clone": ["vm", "clone", "--help"],
  "vm-migrate": ["vm", "migrate", "--help"],
  "vm-resize": ["vm", "resize", "--help"],
  "vm-vnc": ["vm", "vnc", "--help"],
  "vm-ssh": ["vm", "ssh", "--help"],
  "op-wait": ["op", "wait", "--help"],
  "snapshot-create": ["snapshot", "create", "--help"],
  "backup-create": ["backup", "create", "--help"],
  "restore-create": ["restore", "create", "--help"],
  "schedule-create": ["schedule", "create", "--help"],
  "schedule-suspend": ["schedule", "suspend", "--help"],
  get: ["get", "--help"],
  wait: ["wait", "--help"],
  status: ["status", "--help"],
  version: ["version", "--help"],
  sim: ["sim", "--help"],
  completion: ["completion", "--help"],
};

async function helpOf(argv: string[]): Promise<string> {
  const deps = fakeDeps();
  const code = await run(argv, deps);
  assert.equal(code, 0, deps.stderr());
  return deps.stdout();
}

for (const [family, argv] of Object.entries(FAMILIES)) {
  Deno.test(`hyperctl ${argv.join(" ")} matches testdata/help/${family}.txt`, async () => {
    const text = await helpOf(argv);
    const file = new URL(`${family}.txt`, GOLDEN);
    if (UPDATE) await Deno.writeTextFile(file, text);
    assert.equal(text, await Deno.readTextFile(file));
  });
}

Deno.test("help offers a global flag only where the command honours it", async () => {
  const sim = await helpOf(["sim", "--help"]);
  for (const flag of ["--output", "--all-namespaces", "--context", "--namespace"]) {
    assert.doesNotMatch(sim, new RegExp(`\\[?${flag}\\b`), `sim offers ${flag}`);
  }
  const create = await helpOf(["vm", "create", "--help"]);
  assert.doesNotMatch(create, /--all-namespaces|--color/);
  assert.match(create, /--output/);
  const list = await helpOf(["vm", "list", "--help"]);
  for (const flag of ["--output", "--all-namespaces", "--context", "--color"]) {
    assert.match(list, new RegExp(flag));
  }
});

Deno.test("help shows what a command needs as required, and usage lines name the argument", async () => {
  const create = await helpOf(["vm", "create", "--help"]);
  assert.match(create, /^ {2}hyperctl vm create <name> --cpus <n> --memory <quantity> \[flags\]$/m);
  assert.match(create, /^ {6}--cpus {2,}virtual CPUs/m);
  assert.match(create, /^ {5}\[--image\]/m);
  assert.match(await helpOf(["vm", "resize", "--help"]), /hyperctl vm resize <name> \[flags\]/);
  assert.match(await helpOf(["vm", "migrate", "--help"]), /vm migrate <name> --target-node <node>/);
  // NAME may be left out when --from-snapshot names the source.
  assert.match(await helpOf(["vm", "clone", "--help"]), /vm clone \[name\] --target <name>/);
  assert.match(await helpOf(["schedule", "create", "--help"]), /--cron <expr> --vm <name>/);
});

Deno.test("hyperctl --help lists the global flags and --version", async () => {
  const root = await helpOf(["--help"]);
  assert.match(root, /^ {2}-n, --namespace <ns> +namespace/m);
  assert.match(root, /^ {6}--kubeconfig <path> +path to the kubeconfig file/m);
  assert.match(root, /^ {6}--version +print hyperctl's version/m);
});

Deno.test("a global flag the command does not honour is refused: one line, exit 2", async () => {
  const cases: [string[], string][] = [
    [["sim", "-o", "json"], `--output (-o) does not apply to "hyperctl sim"`],
    [
      ["-A", "vm", "create", "a", "--cpus", "1", "--memory", "1Gi"],
      `--all-namespaces (-A) does not apply to "hyperctl vm create"`,
    ],
    [
      ["vm", "delete", "a", "--output=json", "--yes"],
      `--output (-o) does not apply to "hyperctl vm delete"`,
    ],
    [["--context", "x", "completion", "bash"], `--context does not apply to "hyperctl completion"`],
  ];
  for (const [argv, line] of cases) {
    let connected = false;
    const deps = fakeDeps({
      connect: () => {
        connected = true;
        return Promise.reject(new Error("must not connect"));
      },
    });
    assert.equal(await run(argv, deps), 2, argv.join(" "));
    assert.equal(deps.stderr(), `error: ${line}\n`);
    assert.equal(deps.stdout(), "");
    assert.equal(connected, false);
  }
});

Deno.test("the value of a flag is not mistaken for a global flag", async () => {
  // `-l -o` is odd, but `-o` is the selector here: the selector parser judges it, not the router.
  const deps = fakeDeps({ connect: () => Promise.reject(new Error("no cluster here")) });
  await run(["vm", "delete", "-l", "-o", "--yes"], deps);
  assert.doesNotMatch(deps.stderr(), /does not apply/);
  assert.notEqual(deps.stderr(), "");
});

Deno.test("the -o formats help lists are the ones the command accepts", async () => {
  // One command line per leaf kind that narrows -o; each must refuse `-o bogus` naming exactly
  // the formats its help lists, before connecting.
  const cases: [string[], string][] = [
    [["vm", "create", "a", "--cpus", "1", "--memory", "1Gi"], "vm create"],
    [["vm", "start", "a"], "vm start"],
    [["vm", "clone", "a", "--target", "b"], "vm clone"],
    [["op", "wait", "a"], "op wait"],
    [["wait", "vm/a", "--for", "delete"], "wait"],
    [["vm", "describe", "a"], "vm describe"],
    [["status"], "status"],
    [["version"], "version"],
    [["vm", "vnc", "a"], "vm vnc"],
  ];
  for (const [argv, command] of cases) {
    const help = await helpOf([...command.split(" "), "--help"]);
    const listed = /-o \[--output\] +output format: ([\w|]+)/.exec(help)?.[1];
    assert.ok(listed, `${command} --help lists no -o formats`);
    const deps = fakeDeps({ connect: () => Promise.reject(new Error("must not connect")) });
    assert.equal(await run([...argv, "-o", "bogus"], deps), 2, command);
    assert.match(
      deps.stderr(),
      new RegExp(`allowed formats are ${listed.split("|").join(", ")}\\b`),
      command,
    );
  }
});
