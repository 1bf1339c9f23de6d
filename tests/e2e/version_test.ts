/**
 * `hyperctl version` end to end against the real API server and the sim: the server part equals
 * what kubectl 1.33 reports for the same server, the served hypersdk.io versions come from
 * discovery, `--client` and an unreachable cluster behave as kubectl's do, and `--version` prints
 * the client's version wherever a global flag may stand.
 */
import assert from "node:assert/strict";
import project from "../../deno.json" with { type: "json" };
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest } from "../support/targets.ts";

e2eTest(
  "version -o json reports the client build, the server's /version and hypersdk.io versions",
  async (t) => {
    const ours = await hyperctl(["version", "-o", "json"], { kubeconfig: t.kubeconfig });
    assert.equal(ours.code, 0, ours.stderr);
    assert.equal(ours.stderr, "");
    const report = JSON.parse(ours.stdout);
    assert.equal(report.clientVersion.version, project.version);
    assert.equal(report.clientVersion.deno, Deno.version.deno);
    assert.equal(report.clientVersion.target, Deno.build.target);
    assert.deepEqual(report.hypersdkVersions, ["v1alpha1"]);
    const theirs = await kubectl(["version", "-o", "json"], t.kubeconfig);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.deepEqual(report.serverVersion, JSON.parse(theirs.stdout).serverVersion);

    const yaml = await hyperctl(["version", "-o", "yaml"], { kubeconfig: t.kubeconfig });
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.match(yaml.stdout, /^clientVersion:\n {2}buildDate: /);
    // The server's part is kubectl's YAML, byte for byte: its key order and quoting.
    const section = (text: string) => /^serverVersion:\n(?: .*\n)+/m.exec(text)?.[0];
    const theirYaml = await kubectl(["version", "-o", "yaml"], t.kubeconfig);
    assert.equal(theirYaml.code, 0, theirYaml.stderr);
    assert.ok(section(theirYaml.stdout), theirYaml.stdout);
    assert.equal(section(yaml.stdout), section(theirYaml.stdout));
    const text = await hyperctl(["version"], { kubeconfig: t.kubeconfig });
    assert.equal(text.code, 0, text.stderr);
    const gitVersion = report.serverVersion.gitVersion;
    assert.match(
      text.stdout,
      new RegExp(`\\nServer Version: ${gitVersion.replaceAll(".", "\\.")}\\n`),
    );
    assert.match(text.stdout, /\nHyperSDK API: +hypersdk\.io\/v1alpha1\n$/);
  },
);

e2eTest(
  "version --client contacts no cluster; an unreachable one prints the client part and exits 1",
  async () => {
    const env = { KUBECONFIG: "/nonexistent/kubeconfig" };
    const client = await hyperctl(["version", "--client", "-o", "json"], { env });
    assert.equal(client.code, 0, client.stderr);
    assert.equal(JSON.parse(client.stdout).serverVersion, undefined);
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-version-" });
    try {
      // A server that is certainly not listening: a port taken and closed again.
      const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
      const port = (listener.addr as Deno.NetAddr).port;
      listener.close();
      await Deno.writeTextFile(
        `${dir}/config`,
        `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
`,
      );
      const down = await hyperctl(["version"], { kubeconfig: `${dir}/config` });
      assert.equal(down.code, 1);
      assert.match(down.stdout, /^Client Version: v/);
      assert.doesNotMatch(down.stdout, /Server Version/);
      assert.match(down.stderr, /^error: .*127\.0\.0\.1/);
      assert.equal(down.stderr.trim().split("\n").length, 1, down.stderr);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);

Deno.test("--version prints the version wherever a global flag may stand, nothing on stderr", async () => {
  const env = { KUBECONFIG: "/nonexistent/kubeconfig" };
  for (
    const argv of [
      ["--version"],
      ["--kubeconfig", "/nonexistent/kubeconfig", "--version"],
      ["-n", "default", "--version"],
      ["vm", "--version"],
      ["vm", "list", "-o", "json", "--version"],
    ]
  ) {
    const r = await hyperctl(argv, { env });
    assert.deepEqual(
      r,
      { code: 0, stdout: `hyperctl ${project.version}\n`, stderr: "" },
      argv.join(" "),
    );
  }
});
