import assert from "node:assert/strict";
import { ExecCredentialProvider, type ExecRunner, parseExecCredential } from "./exec_credential.ts";
import type { ExecConfig } from "./kubeconfig.ts";

const config = (over: Partial<ExecConfig> = {}): ExecConfig => ({
  command: "login-plugin",
  args: ["--fast"],
  env: [{ name: "PLUGIN_MODE", value: "test" }],
  provideClusterInfo: false,
  ...over,
});

const cred = (status: Record<string, unknown>) =>
  JSON.stringify({ apiVersion: "client.authentication.k8s.io/v1", kind: "ExecCredential", status });

Deno.test("ExecCredentialProvider caches until expirationTimestamp, then runs again", async () => {
  let runs = 0;
  let now = Date.parse("2026-01-01T00:00:00Z");
  const run: ExecRunner = () => {
    runs++;
    return Promise.resolve({
      code: 0,
      stdout: cred({ token: `t${runs}`, expirationTimestamp: "2026-01-01T00:10:00Z" }),
      stderr: "",
    });
  };
  const p = new ExecCredentialProvider(config(), { run, now: () => now, stdinIsTerminal: false });
  assert.equal((await p.get()).token, "t1");
  now += 9 * 60_000;
  assert.equal((await p.get()).token, "t1");
  now += 2 * 60_000;
  assert.equal((await p.get()).token, "t2");
  assert.equal(runs, 2);
});

Deno.test("ExecCredentialProvider without expiry keeps the credential until invalidate()", async () => {
  let runs = 0;
  const run: ExecRunner = () =>
    Promise.resolve({ code: 0, stdout: cred({ token: `t${++runs}` }), stderr: "" });
  const p = new ExecCredentialProvider(config(), { run, stdinIsTerminal: false });
  const [a, b] = await Promise.all([p.get(), p.get()]);
  assert.equal(a.token, "t1");
  assert.equal(b.token, "t1");
  p.invalidate();
  assert.equal((await p.get()).token, "t2");
});

Deno.test("ExecCredentialProvider passes env and KUBERNETES_EXEC_INFO with cluster info", async () => {
  let seen: Record<string, string> = {};
  let seenArgs: string[] = [];
  const run: ExecRunner = (_cmd, args, env) => {
    seen = env;
    seenArgs = args;
    return Promise.resolve({ code: 0, stdout: cred({ token: "t" }), stderr: "" });
  };
  const p = new ExecCredentialProvider(config({ provideClusterInfo: true }), {
    run,
    stdinIsTerminal: false,
    cluster: { server: "https://k:6443", caData: "CA" },
  });
  await p.get();
  assert.equal(seen.PLUGIN_MODE, "test");
  assert.deepEqual(seenArgs, ["--fast"]);
  const info = JSON.parse(seen.KUBERNETES_EXEC_INFO);
  assert.equal(info.kind, "ExecCredential");
  assert.equal(info.spec.interactive, false);
  assert.equal(info.spec.cluster.server, "https://k:6443");
  assert.equal(atob(info.spec.cluster["certificate-authority-data"]), "CA");
});

Deno.test("ExecCredentialProvider reports failures with the plugin's last stderr line", async () => {
  const run: ExecRunner = () =>
    Promise.resolve({ code: 3, stdout: "", stderr: "debug\nlogin expired\n" });
  const p = new ExecCredentialProvider(config(), { run, user: "alice", stdinIsTerminal: false });
  await assert.rejects(p.get(), {
    name: "ExecCredentialError",
    message: 'exec plugin "login-plugin" of user "alice" failed with exit code 3: login expired',
  });
});

Deno.test("ExecCredentialProvider runs a real plugin and names a missing one with its install hint", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const script = `${dir}/plugin.sh`;
    await Deno.writeTextFile(
      script,
      `#!/bin/sh\nprintf '{"kind":"ExecCredential","status":{"token":"%s-%s"}}' "$PLUGIN_MODE" "$1"\n`,
    );
    await Deno.chmod(script, 0o755);
    const p = new ExecCredentialProvider(config({ command: script }), { stdinIsTerminal: false });
    assert.equal((await p.get()).token, "test---fast");
    const missing = new ExecCredentialProvider(
      config({ command: `${dir}/nope`, installHint: "install it with brew" }),
      { stdinIsTerminal: false },
    );
    await assert.rejects(missing.get(), { message: /not found: install it with brew$/ });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("parseExecCredential() accepts cert+key and rejects empty or malformed output", () => {
  const c = parseExecCredential(cred({ clientCertificateData: "C", clientKeyData: "K" }));
  assert.deepEqual([c.clientCertificateData, c.clientKeyData, c.token], ["C", "K", undefined]);
  assert.throws(() => parseExecCredential(cred({})), /neither a token nor a client certificate/);
  assert.throws(() => parseExecCredential("login ok"), /not an ExecCredential JSON object/);
  assert.throws(
    () => parseExecCredential(cred({ token: "t", expirationTimestamp: "soon" })),
    /invalid expirationTimestamp "soon"/,
  );
});
