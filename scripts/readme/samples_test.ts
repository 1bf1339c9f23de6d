import assert from "node:assert/strict";
import { normalizeOutput, readmeSamples, readmeSimFlags, withOutputs } from "./samples.ts";

const MD = [
  "Start it:",
  "",
  "```sh",
  "hyperctl sim --vms 3   # blocks",
  "```",
  "",
  "```console",
  "$ hyperctl vm list -l 'tier in (web)'",
  "NAME   AGE",
  "web-1  3s",
  "",
  "$ hyperctl vm get nope  # exit 1",
  'error: no such VM "nope"',
  "```",
  "",
].join("\n");

Deno.test("readmeSamples() reads each $ line, its words, its stated exit code and its output", () => {
  const samples = readmeSamples(MD);
  assert.deepEqual(samples.map((s) => [s.args, s.exitCode, s.output]), [
    [["vm", "list", "-l", "tier in (web)"], 0, "NAME   AGE\nweb-1  3s"],
    [["vm", "get", "nope"], 1, 'error: no such VM "nope"'],
  ]);
  assert.deepEqual(readmeSimFlags(MD), ["--vms", "3"]);
});

Deno.test("withOutputs() replaces only the outputs, keeping the lines between samples", () => {
  const samples = readmeSamples(MD);
  const out = withOutputs(MD, samples, ["NAME AGE\nweb-1 9m\n", "error: gone\n"]);
  assert.equal(
    out,
    MD.replace("NAME   AGE\nweb-1  3s", "NAME AGE\nweb-1 9m").replace(
      'error: no such VM "nope"',
      "error: gone",
    ),
  );
  assert.deepEqual(readmeSamples(out).map((s) => s.output), ["NAME AGE\nweb-1 9m", "error: gone"]);
});

Deno.test("readmeSamples() refuses a $ line that does not run hyperctl, or another comment", () => {
  assert.throws(
    () => readmeSamples("```console\n$ kubectl get vms\n```\n"),
    /does not run hyperctl/,
  );
  assert.throws(() => readmeSamples("```console\n$ hyperctl vms # hi\n```\n"), /# exit N/);
});

Deno.test("normalizeOutput() hides what changes per run, nothing else", () => {
  assert.equal(
    normalizeOutput("vmoperation.hypersdk.io/web-001-clone-ltf2v created\n[12s] Phase: Running"),
    "vmoperation.hypersdk.io/web-001-clone-<id> created\n[<elapsed>] Phase: Running",
  );
  assert.equal(normalizeOutput("db-006 Running 2 32Gi node-2"), "db-006 Running 2 32Gi node-2");
  assert.equal(normalizeOutput("web  1d4h"), "web <age>");
});
