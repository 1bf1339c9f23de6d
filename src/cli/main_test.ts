import assert from "node:assert/strict";
import { errorLine, exitCodeOf } from "./exit_code.ts";
import { fakeDeps } from "./fake_deps.ts";
import { run } from "./main.ts";
import { InterruptedError, OperationFailedError, WaitTimeoutError } from "./outcomes.ts";
import { commandTree } from "./program.ts";
import { valueFlagWords } from "./command_spec.ts";
import { expandShortcuts } from "./parse/shortcuts.ts";

const VALUE_FLAGS = valueFlagWords(commandTree(fakeDeps()).flags ?? []);

Deno.test("expandShortcuts() turns a plural noun into a listing, like kubectl get vms", () => {
  assert.deepEqual(expandShortcuts(["vms"], VALUE_FLAGS), ["vms", "list"]);
  assert.deepEqual(expandShortcuts(["-n", "x", "vms", "-o", "json"], VALUE_FLAGS), [
    "-n",
    "x",
    "vms",
    "list",
    "-o",
    "json",
  ]);
  assert.deepEqual(expandShortcuts(["vms", "get", "a"], VALUE_FLAGS), ["vms", "get", "a"]);
  assert.deepEqual(expandShortcuts(["vm", "list"], VALUE_FLAGS), ["vm", "list"]);
  assert.deepEqual(expandShortcuts(["vm"], VALUE_FLAGS), ["vm"]);
  for (
    const word of [
      "bj",
      "backupjobs",
      "BackupJob",
      "backupjobs.hypersdk.io",
      "backupjob.v1alpha1.hypersdk.io",
    ]
  ) {
    assert.deepEqual(expandShortcuts([word, "-o", "name"], VALUE_FLAGS), [
      word === "bj" || word === "backupjobs" ? word : "backup",
      "list",
      "-o",
      "name",
    ], word);
  }
  assert.deepEqual(expandShortcuts(["VirtualMachines.hypersdk.io", "delete", "a"], VALUE_FLAGS), [
    "vm",
    "delete",
    "a",
  ]);
});

Deno.test("exitCodeOf() is the one table from outcome to exit code", () => {
  assert.equal(exitCodeOf(new SyntaxError("x")), 2);
  assert.equal(exitCodeOf(new WaitTimeoutError("x")), 3);
  assert.equal(exitCodeOf(new OperationFailedError("x")), 4);
  assert.equal(exitCodeOf(Object.assign(new Error("x"), { name: "WatchLostError" })), 5);
  assert.equal(exitCodeOf(new InterruptedError("SIGINT")), 130);
  assert.equal(exitCodeOf(new InterruptedError("SIGTERM")), 143);
  assert.equal(exitCodeOf(Object.assign(new Error("x"), { name: "ApiError" })), 1);
  assert.equal(exitCodeOf("something odd"), 1);
});

Deno.test("errorLine() makes one line, except under a query's caret", () => {
  assert.equal(errorLine(new Error("error: bad\n\nworse")), "error: bad; worse");
  const query = Object.assign(new SyntaxError("bad at column 3\n  a >> b\n    ^"), {
    name: "QuerySyntaxError",
  });
  assert.equal(errorLine(query), "error: bad at column 3\n  a >> b\n    ^");
});

Deno.test("run() prints help for a bare noun and exits 2; --help exits 0", async () => {
  const bare = fakeDeps();
  assert.equal(await run(["vm"], bare), 2);
  assert.match(bare.stderr(), /USAGE\n {2}hyperctl vm list/);
  assert.doesNotMatch(bare.stderr(), /error:/);
  const help = fakeDeps();
  assert.equal(await run(["--help"], help), 0);
  assert.match(help.stdout(), /Exit codes:/);
});
