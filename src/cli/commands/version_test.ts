import assert from "node:assert/strict";
import type { KubeApi } from "../../k8s/api.ts";
import type { Connection, Deps } from "../deps.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { parsedOptions, problemsOf } from "../../testing/parse_line.ts";
import { formatVersion, servedVersionWarning, versionCommand } from "./version.ts";
import project from "../../../deno.json" with { type: "json" };

/** A connection whose API answers `getRaw` from `paths` (404 for the rest). */
function connection(paths: Record<string, unknown>): () => Promise<Connection> {
  const api = {
    getRaw: (path: string) =>
      path in paths
        ? Promise.resolve(paths[path])
        : Promise.reject(Object.assign(new Error(`404 ${path}`), { code: 404 })),
  } as unknown as KubeApi;
  return () => Promise.resolve({ api, namespace: "default", contextName: "test", close: () => {} });
}

/** `hyperctl version ARGV…`, parsed and run. */
async function version(argv: string[], deps: Deps): Promise<void> {
  await versionCommand.run(await parsedOptions(versionCommand, argv), deps);
}

const VERSION_DOC = { major: "1", minor: "36", gitVersion: "v1.36.6" };

Deno.test("version --client prints deno.json's version and never connects", async () => {
  const deps = fakeDeps(); // its connect() rejects
  await version(["--client", "-o", "json"], deps);
  const report = JSON.parse(deps.stdout());
  assert.equal(report.clientVersion.version, project.version);
  assert.equal(report.clientVersion.deno, Deno.version.deno);
  assert.equal(report.clientVersion.target, Deno.build.target);
  assert.equal(report.serverVersion, undefined);
  assert.equal(deps.stderr(), "");
});

Deno.test("version adds the server's version and the served hypersdk.io versions", async () => {
  const deps = fakeDeps({
    connect: connection({
      "/version": VERSION_DOC,
      "/apis/hypersdk.io": {
        versions: [{ groupVersion: "hypersdk.io/v1alpha1", version: "v1alpha1" }],
      },
    }),
  });
  await version([], deps);
  assert.match(deps.stdout(), /^Client Version: v\d+\.\d+\.\d+\n/);
  assert.match(
    deps.stdout(),
    /\nServer Version: v1\.36\.6\nHyperSDK API: {3}hypersdk\.io\/v1alpha1\n$/,
  );
  assert.equal(deps.stderr(), "");
});

Deno.test("version warns in one line when the CRDs are missing, exit 0", async () => {
  const deps = fakeDeps({ connect: connection({ "/version": VERSION_DOC }) });
  await version(["-o", "json"], deps);
  assert.deepEqual(JSON.parse(deps.stdout()).hypersdkVersions, []);
  assert.match(deps.stderr(), /^warning: the cluster serves no hypersdk\.io API[^\n]*\n$/);
  assert.equal(deps.exitCode, 0);
});

Deno.test("version prints the client part, then fails when the cluster is unreachable", async () => {
  const deps = fakeDeps();
  await assert.rejects(() => version([], deps), /does not connect/);
  assert.match(deps.stdout(), /^Client Version: /);
  assert.doesNotMatch(deps.stdout(), /Server Version/);
});

Deno.test("version refuses an output format it has no printer for, with the other problems", async () => {
  assert.equal(
    await problemsOf(versionCommand, ["--client", "-o", "name", "--request-timeout", "5"]),
    'unknown output format "name": allowed formats are table, json, yaml; ' +
      'cannot parse --request-timeout "5": add a unit, e.g. "5s"',
  );
  assert.equal((await parsedOptions(versionCommand, ["--client"])).clientOnly, true);
});

Deno.test("servedVersionWarning() names unknown versions and stays quiet for v1alpha1", () => {
  assert.equal(servedVersionWarning(["v1beta1", "v1alpha1"]), undefined);
  assert.equal(
    servedVersionWarning(["v1beta1"]),
    "warning: the cluster serves hypersdk.io v1beta1, which this hyperctl does not know (it uses v1alpha1)",
  );
});

Deno.test("formatVersion() says when nothing was stamped", () => {
  const text = formatVersion({
    clientVersion: {
      version: "0.2.0",
      gitCommit: "",
      buildDate: "2026-12-06T10:00:00Z",
      deno: "2.9.6",
      v8: "15.0",
      typescript: "6.0.3",
      target: "x86_64-unknown-linux-gnu",
    },
  });
  assert.equal(
    text,
    [
      "Client Version: v0.2.0",
      "Git Commit:     (none: running from source)",
      "Build Date:     2026-12-06T10:00:00Z",
      "Deno:           2.9.6 (V8 15.0, TypeScript 6.0.3)",
      "Target:         x86_64-unknown-linux-gnu",
      "",
    ].join("\n"),
  );
});

Deno.test("the server's version strings print escaped: a hostile server cannot drive the terminal", () => {
  const text = formatVersion({
    clientVersion: {
      version: "0.2.0",
      gitCommit: "abc",
      buildDate: "2026-12-06T10:00:00Z",
      deno: "2.9.6",
      v8: "15.0",
      typescript: "6.0.3",
      target: "x86_64-unknown-linux-gnu",
    },
    serverVersion: { gitVersion: "v1.33\x1b]0;PWNED\x07\x1b[31m" },
    hypersdkVersions: ["v1\x1b[2J"],
  });
  assert.match(text, /\nServer Version: v1\.33\^\[\]0;PWNED\^G\^\[\[31m\n/);
  assert.match(text, /\nHyperSDK API: +hypersdk\.io\/v1\^\[\[2J\n$/);
  assert.equal(text.includes("\x1b"), false);
  assert.equal(servedVersionWarning(["v1\x1b[2J"])!.includes("\x1b"), false);
});
