/**
 * Cluster errors through the CLI process: one clear line on stderr, exit 1, never a credential
 * or a stack trace — unreachable server, TLS failure, rejected token, missing CRDs, and no
 * configuration at all.
 */
import assert from "node:assert/strict";
import { parse, stringify } from "yaml";
import { startSimServer } from "../../src/sim/server/mod.ts";
import { hyperctl } from "../support/cli.ts";

const CRDS = new URL("../../deploy/crds", import.meta.url).pathname;

async function kubeconfigFile(text: string): Promise<string> {
  const path = await Deno.makeTempFile({ suffix: ".yaml" });
  await Deno.writeTextFile(path, text);
  return path;
}

function assertOneLine(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\bat \S+:\d+:\d+/, "no stack trace");
}

Deno.test({
  name: "unreachable server, TLS failure, rejected token and missing CRDs each get one line",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const sim = await startSimServer({
      crdYaml: [await Deno.readTextFile(`${CRDS}/hypersdk.io_virtualmachines.yaml`)],
      tokens: { admin: "s3cr3t-admin-token" },
    });
    const other = await startSimServer({ crdDir: CRDS });
    const files: string[] = [];
    try {
      const good = parse(sim.kubeconfigYaml("t", "ns"));

      // A port nobody listens on: take a free one and close it.
      const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
      const port = (listener.addr as Deno.NetAddr).port;
      listener.close();
      const down = structuredClone(good);
      down.clusters[0].cluster.server = `https://127.0.0.1:${port}`;
      files.push(await kubeconfigFile(stringify(down)));
      assertOneLine(
        await hyperctl(["vm", "list", "--kubeconfig", files.at(-1)!]),
        new RegExp(`cannot reach the cluster at https://127\\.0\\.0\\.1:${port}`),
      );

      const wrongCa = structuredClone(good);
      wrongCa.clusters[0].cluster["certificate-authority-data"] = btoa(other.caPem);
      files.push(await kubeconfigFile(stringify(wrongCa)));
      assertOneLine(
        await hyperctl(["vm", "list", "--kubeconfig", files.at(-1)!]),
        /TLS|certificate/i,
      );

      const badToken = structuredClone(good);
      for (const u of badToken.users) u.user.token = "wrong-token-value";
      files.push(await kubeconfigFile(stringify(badToken)));
      const unauthorized = await hyperctl(["vm", "list", "--kubeconfig", files.at(-1)!]);
      assertOneLine(unauthorized, /unauthorized/i);
      assert.doesNotMatch(
        unauthorized.stderr,
        /wrong-token-value/,
        "the credential is never printed",
      );

      files.push(await kubeconfigFile(sim.kubeconfigYaml("t", "ns")));
      const verbose = await hyperctl(["vm", "list", "-v", "--kubeconfig", files.at(-1)!]);
      assert.equal(verbose.code, 0, verbose.stderr);
      assert.match(
        verbose.stderr,
        /GET https:\/\/127\.0\.0\.1:\d+\/apis\/hypersdk\.io\/v1alpha1\/namespaces\/ns\/virtualmachines\?limit=500&includeObject=None 200 .* \(as=Table\)$/m,
      );
      assert.doesNotMatch(verbose.stderr, /s3cr3t-admin-token/);

      assertOneLine(
        await hyperctl(["backup", "list", "--kubeconfig", files.at(-1)!]),
        /backupjobs\.hypersdk\.io.*CRDs installed.*hyperctl status/,
      );
      const status = await hyperctl(["status", "--kubeconfig", files.at(-1)!]);
      assert.equal(status.code, 1);
      assert.match(status.stdout, /virtualmachines\.hypersdk\.io\s+yes/);
      assert.match(status.stdout, /backupjobs\.hypersdk\.io\s+no/);
      assert.match(status.stderr, /6 of 7 HyperSDK CRDs are not installed/);
    } finally {
      for (const f of files) await Deno.remove(f).catch(() => {});
      await sim.stop();
      await other.stop();
    }
  },
});

Deno.test("no configuration at all is a clear error, not a silent localhost:8080", async () => {
  const home = await Deno.makeTempDir();
  try {
    const r = await hyperctl(["vm", "list"], { env: { HOME: home, KUBECONFIG: "" } });
    assertOneLine(r, /no Kubernetes configuration found/);
    assert.doesNotMatch(r.stderr, /8080/);
  } finally {
    await Deno.remove(home, { recursive: true });
  }
});
