/** `list`'s parse on its own: typed options from a good line, every problem of a bad one. */
import assert from "node:assert/strict";
import { kindByNoun } from "../../core/kinds.ts";
import { parsedOptions, PIPED, problemsOf } from "../../testing/parse_line.ts";
import { listCommand } from "./list.ts";

const vmList = listCommand(kindByNoun("vm"));
const opList = listCommand(kindByNoun("op"));

Deno.test("list parse gives typed options for a good line", async () => {
  const o = await parsedOptions(vmList, [
    "-l",
    "env=prod",
    "--status",
    "running",
    "--min-memory",
    "8Gi",
    "--sort-by",
    ".spec.cpus",
    "--no-headers",
    "--chunk-size",
    "50",
    "-w",
    "--for",
    "2m",
    "-o",
    "wide",
    "-n",
    "prod",
  ]);
  assert.equal(o.kind.noun, "vm");
  assert.equal(o.labelSelector, "env=prod");
  assert.equal(o.output, "wide");
  assert.equal(o.noHeaders, true);
  assert.equal(o.chunkSize, 50);
  assert.equal(o.watch, "watch");
  assert.equal(o.forMs, 120_000);
  assert.equal(o.live, false);
  assert.equal(o.allNamespaces, false);
  assert.equal(o.contexts, undefined);
  assert.equal(o.globals.namespace, "prod");
  assert.ok(o.sortKey !== undefined);
  const vm = (phase: string, memory: string) => ({
    metadata: { name: "a", labels: { env: "prod" } },
    spec: { cpus: 2, memory },
    status: { phase },
  });
  assert.equal(o.keep(vm("Running", "16Gi")), true);
  assert.equal(o.keep(vm("Stopped", "16Gi")), false);
  assert.equal(o.keep(vm("Running", "4Gi")), false);
});

Deno.test("list parse defaults: one page of 500, no watch, the table", async () => {
  const o = await parsedOptions(opList, []);
  assert.deepEqual(
    [o.output, o.chunkSize, o.watch, o.noHeaders, o.forMs, o.templateFile],
    ["table", 500, "none", false, undefined, undefined],
  );
});

Deno.test("list parse names every problem of a line at once", async () => {
  const message = await problemsOf(vmList, [
    "-l",
    "a in (",
    "--where",
    "cpus >>= 2",
    "--sort-by",
    "",
    "--chunk-size",
    "-1",
    "--for",
    "soon",
    "--live",
    "-o",
    "jsonpth",
  ]);
  const parts = message.split("; ");
  assert.ok(parts.length >= 6, message);
  for (
    const expected of [
      /label selector|selector/,
      /--chunk-size must be a whole number >= 0, got "-1"/,
      /--for needs --watch or --watch-only/,
      /--live needs --watch/,
      /unknown output format "jsonpth"/,
    ]
  ) {
    assert.ok(parts.some((p) => expected.test(p)), `${expected} not in: ${message}`);
  }
});

Deno.test("list parse checks combinations without a cluster", async () => {
  assert.equal(
    await problemsOf(vmList, ["--all-contexts", "--context", "a", "--state-file", "s.json"]),
    "--state-file needs --watch (or --watch-only) on one cluster; " +
      "use --context or --all-contexts, not both",
  );
  assert.equal(
    await problemsOf(vmList, ["-w", "--for", "0", "--state-file", ""]),
    '--state-file needs a path, not ""',
  );
  assert.equal(
    await problemsOf(opList, ["--status", "bogus", "--created-after", "yesterday-ish"]).then((m) =>
      m.split("; ").length
    ),
    2,
  );
  assert.deepEqual(
    (await parsedOptions(vmList, ["--context", "a, b", "-w"])).contexts,
    ["a", "b"],
  );
});

Deno.test("list parse leaves a template file for run to read", async () => {
  const o = await parsedOptions(vmList, ["-o", "custom-columns-file=/nowhere/cols.txt"], {
    ...PIPED,
    stdoutIsTTY: true,
  });
  assert.deepEqual(o.templateFile, { format: "custom-columns-file", path: "/nowhere/cols.txt" });
  assert.equal(o.print.terminal, true);
});

Deno.test("a --where problem among others is named on one line, without its caret", async () => {
  assert.equal(
    await problemsOf(vmList, ["--where", "cpus >>= 2", "--chunk-size", "x"]),
    'cannot parse query at column 7: expected a value for cpus, found ">="; ' +
      '--chunk-size must be a whole number >= 0, got "x"',
  );
});

Deno.test("list parse: --sort-by takes kubectl's JSONPath, and an empty one sorts nothing", async () => {
  const sorted = (field: string) => parsedOptions(vmList, ["-o", "name", "--sort-by", field]);
  assert.equal(
    (await sorted("{.metadata.labels['tier']}")).sortKey?.field,
    "{.metadata.labels['tier']}",
  );
  assert.equal((await sorted("{.metadata.labels['tier']}")).metadataOnly, true);
  assert.equal((await sorted(".status.conditions[0].type")).metadataOnly, false);
  assert.equal((await sorted("")).sortKey, undefined);
  assert.match(await problemsOf(vmList, ["--sort-by", "{.a}{.b}"]), /unexpected path string/);
});
