import assert from "node:assert/strict";
import { errorLine, exitCodeOf } from "./exit_code.ts";
import { fakeDeps } from "../testing/fake_deps.ts";
import { run } from "./main.ts";
import { InputError } from "../core/input_error.ts";
import { QuerySyntaxError } from "../core/query_syntax_error.ts";
import type { KubeObject } from "../core/types.ts";
import type { KubeApi, ResourceRef } from "../k8s/api.ts";
import { KubeConfigError, TransportError, WatchLostError } from "../k8s/errors.ts";
import * as outcomes from "./outcomes.ts";
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
  assert.equal(exitCodeOf(new InputError("x")), 2);
  assert.equal(exitCodeOf(new QuerySyntaxError("a >> b", "unexpected >", 3)), 2);
  assert.equal(exitCodeOf(new outcomes.WaitTimeoutError("x")), 3);
  assert.equal(exitCodeOf(new outcomes.OperationFailedError("x")), 4);
  const lost = new WatchLostError("x", { cause: undefined, attempts: 12 });
  assert.equal(exitCodeOf(lost), 5);
  assert.equal(exitCodeOf(new outcomes.InterruptedError("SIGINT")), 130);
  assert.equal(exitCodeOf(new outcomes.InterruptedError("SIGTERM")), 143);
  assert.equal(exitCodeOf(new outcomes.ObjectGoneError("x")), 1);
  assert.equal(exitCodeOf(new TransportError("protocol", "https://h/x", "not JSON")), 1);
  assert.equal(exitCodeOf(new KubeConfigError("x")), 1);
  assert.equal(exitCodeOf("something odd"), 1);
});

Deno.test("exitCodeOf() maps no built-in error to 2: the runtime throws them after requests", () => {
  for (const err of [new SyntaxError("x"), new RangeError("x"), new TypeError("x")]) {
    assert.equal(exitCodeOf(err), 1, err.name);
  }
  // A name is not a type: only the class decides.
  assert.equal(exitCodeOf(Object.assign(new Error("x"), { name: "InputError" })), 1);
});

Deno.test("errorLine() makes one line, except under a query's caret", () => {
  assert.equal(errorLine(new Error("error: bad\n\nworse")), "error: bad; worse");
  const query = new QuerySyntaxError("a >> b", "unexpected >", 3);
  assert.equal(
    errorLine(query),
    "error: cannot parse query at column 3: unexpected >\n  a >> b\n    ^",
  );
  assert.equal(errorLine(new InputError("bad\nworse")), "error: bad; worse");
  const quoted = new TransportError("protocol", "https://h/x", "not JSON: \x1b]0;pwned\x07");
  assert.equal(
    errorLine(quoted),
    "error: unexpected response from https://h/x: not JSON: ^[]0;pwned^G",
  );
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

Deno.test("run() exits 1, not 2, when a RangeError is thrown after a request was sent", async () => {
  // A bug while reading the answer: the request went out, so "nothing was sent" (2) would lie.
  const sent: string[] = [];
  const list = (ref: ResourceRef) => {
    sent.push(ref.plural);
    return Promise.resolve({
      apiVersion: "hypersdk.io/v1alpha1",
      kind: "VirtualMachineList",
      metadata: { resourceVersion: "1" },
      get items(): KubeObject[] {
        throw new RangeError("Invalid array length");
      },
    });
  };
  const api = { server: "https://fake:6443", list } as unknown as KubeApi;
  const deps = fakeDeps({
    connect: () => Promise.resolve({ api, namespace: "default", contextName: "x", close() {} }),
  });
  assert.equal(await run(["vm", "list"], deps), 1);
  assert.deepEqual(sent, ["virtualmachines"]);
  assert.equal(deps.stderr(), "error: Invalid array length\n");
  assert.equal(deps.stdout(), "");
});
