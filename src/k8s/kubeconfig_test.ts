import assert from "node:assert/strict";
import { resolveKubeConfig, type ResolveKubeConfigOptions } from "./kubeconfig.ts";

/** Asserts a KubeConfigError whose message contains `text`. */
function throwsConfig(fn: () => unknown, text: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.equal((e as Error).name, "KubeConfigError");
    assert.ok((e as Error).message.includes(text), `message was: ${(e as Error).message}`);
    return true;
  });
}

/** A kubeconfig with one cluster/user/context per name given. */
function kc(opts: {
  current?: string;
  contexts?: Record<string, { cluster: string; user: string; namespace?: string }>;
  clusters?: Record<string, Record<string, unknown>>;
  users?: Record<string, Record<string, unknown>>;
}): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    "current-context": opts.current,
    clusters: Object.entries(opts.clusters ?? {}).map(([name, cluster]) => ({ name, cluster })),
    users: Object.entries(opts.users ?? {}).map(([name, user]) => ({ name, user })),
    contexts: Object.entries(opts.contexts ?? {}).map(([name, context]) => ({ name, context })),
  });
}

const A = kc({
  current: "a",
  clusters: { shared: { server: "https://a.example:6443" }, onlyA: { server: "https://only-a" } },
  users: { shared: { token: "token-a" } },
  contexts: {
    a: { cluster: "shared", user: "shared", namespace: "ns-a" },
    dup: { cluster: "shared", user: "shared" },
  },
});
const B = kc({
  current: "b",
  clusters: { shared: { server: "https://b.example:6443" } },
  users: { shared: { token: "token-b" } },
  contexts: { b: { cluster: "shared", user: "shared" }, dup: { cluster: "onlyA", user: "shared" } },
});
const NO_CURRENT = kc({
  clusters: { c: { server: "https://c" } },
  users: { u: { token: "t" } },
  contexts: { c: { cluster: "c", user: "u" } },
});

function resolve(files: Record<string, string>, o: Partial<ResolveKubeConfigOptions> = {}) {
  return resolveKubeConfig({
    env: {},
    readFile: (p) => files[p],
    homeDir: "/home/me",
    ...o,
  });
}

Deno.test("resolveKubeConfig() merges KUBECONFIG files first-wins with kubectl's rules", async (t) => {
  const files = { "/k/a": A, "/k/b": B, "/k/none": NO_CURRENT };
  const cases: {
    name: string;
    env: string;
    context?: string;
    want: { server: string; ctx: string; token?: string };
  }[] = [
    {
      name: "current-context from the first file, its cluster wins",
      env: "/k/a:/k/b",
      want: { server: "https://a.example:6443", ctx: "a", token: "token-a" },
    },
    {
      name: "order reversed: the other file wins",
      env: "/k/b:/k/a",
      want: { server: "https://b.example:6443", ctx: "b", token: "token-b" },
    },
    {
      name: "first file without current-context: taken from the next that sets it",
      env: "/k/none:/k/b:/k/a",
      want: { server: "https://b.example:6443", ctx: "b", token: "token-b" },
    },
    {
      name: "duplicate context names are no error; the first definition wins",
      env: "/k/b:/k/a",
      context: "dup",
      want: { server: "https://only-a", ctx: "dup", token: "token-b" },
    },
    {
      name: "missing files and empty entries are skipped",
      env: "/k/missing::/k/a",
      want: { server: "https://a.example:6443", ctx: "a", token: "token-a" },
    },
    {
      name: "a context only in the second file is reachable",
      env: "/k/a:/k/b",
      context: "b",
      want: { server: "https://a.example:6443", ctx: "b", token: "token-a" },
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = resolve(files, { env: { KUBECONFIG: c.env }, context: c.context });
      assert.deepEqual(
        { server: r.server, ctx: r.contextName, token: r.token },
        c.want,
      );
    });
  }
});

Deno.test("resolveKubeConfig() source precedence: --kubeconfig, KUBECONFIG, ~/.kube/config", () => {
  const files = { "/flag": B, "/env": A, "/home/me/.kube/config": NO_CURRENT };
  assert.deepEqual(
    resolve(files, { kubeconfig: "/flag", env: { KUBECONFIG: "/env" } }).contextName,
    "b",
  );
  assert.deepEqual(resolve(files, { env: { KUBECONFIG: "/env" } }).contextName, "a");
  assert.deepEqual(resolve(files, { context: "c" }).server, "https://c");
  assert.deepEqual(
    resolve(files, { context: "c", env: { HOME: "/home/me" }, homeDir: undefined }).server,
    "https://c",
  );
});

Deno.test("resolveKubeConfig() --kubeconfig must exist", () => {
  throwsConfig(
    () => resolve({}, { kubeconfig: "/nope" }),
    'cannot read kubeconfig "/nope": file does not exist',
  );
});

Deno.test("resolveKubeConfig() unknown --context lists the available ones", () => {
  throwsConfig(
    () => resolve({ "/k/a": A }, { env: { KUBECONFIG: "/k/a" }, context: "prod" }),
    'context "prod" not found in kubeconfig "/k/a" (available: a, dup)',
  );
});

Deno.test("resolveKubeConfig() without current-context asks for --context", () => {
  throwsConfig(
    () => resolve({ "/k": NO_CURRENT }, { kubeconfig: "/k" }),
    "pass --context (available: c)",
  );
});

Deno.test("resolveKubeConfig() namespace: -n, else the context's, else default", () => {
  const files = { "/k/a": A };
  const env = { KUBECONFIG: "/k/a" };
  assert.deepEqual(resolve(files, { env, namespace: "flag-ns" }).namespace, "flag-ns");
  assert.deepEqual(resolve(files, { env }).namespace, "ns-a");
  assert.deepEqual(resolve(files, { env, context: "dup" }).namespace, "default");
});

Deno.test("resolveKubeConfig() resolves relative cert, key, CA and token paths against the file", () => {
  const text = kc({
    current: "x",
    clusters: { c: { server: "https://x", "certificate-authority": "certs/ca.pem" } },
    users: {
      u: { "client-certificate": "certs/c.pem", "client-key": "/abs/k.pem", tokenFile: "tok" },
    },
    contexts: { x: { cluster: "c", user: "u" } },
  });
  const files = {
    "/cfg/dir/config": text,
    "/cfg/dir/certs/ca.pem": "CA PEM",
    "/cfg/dir/certs/c.pem": "CERT PEM",
    "/abs/k.pem": "KEY PEM",
  };
  const r = resolve(files, { kubeconfig: "/cfg/dir/config" });
  assert.deepEqual(
    [r.caData, r.clientCertData, r.clientKeyData, r.tokenFile],
    ["CA PEM", "CERT PEM", "KEY PEM", "/cfg/dir/tok"],
  );
});

Deno.test("resolveKubeConfig() decodes *-data fields and keeps TLS and proxy options", () => {
  const text = kc({
    current: "x",
    clusters: {
      c: {
        server: "https://127.0.0.1:6443/",
        "certificate-authority-data": btoa("CA"),
        "tls-server-name": "localhost",
        "insecure-skip-tls-verify": true,
        "proxy-url": "http://proxy:3128",
      },
    },
    users: {
      u: {
        "client-certificate-data": btoa("CERT"),
        "client-key-data": btoa("KEY"),
        exec: {
          apiVersion: "client.authentication.k8s.io/v1",
          command: "./bin/login",
          args: ["x"],
        },
      },
    },
    contexts: { x: { cluster: "c", user: "u" } },
  });
  const r = resolve({ "/d/config": text }, { kubeconfig: "/d/config" });
  assert.deepEqual(r.server, "https://127.0.0.1:6443");
  assert.deepEqual([r.caData, r.clientCertData, r.clientKeyData], ["CA", "CERT", "KEY"]);
  assert.deepEqual([r.tlsServerName, r.insecureSkipTlsVerify, r.proxyUrl], [
    "localhost",
    true,
    "http://proxy:3128",
  ]);
  assert.deepEqual(r.exec?.command, "/d/bin/login");
  assert.deepEqual(r.username, "u");
});

Deno.test("resolveKubeConfig() falls back to the in-cluster service account", async (t) => {
  const sa = {
    "/sa/token": "sa-token",
    "/sa/ca.crt": "SA CA",
    "/sa/namespace": "team-a\n",
  };
  await t.step("IPv4", () => {
    const r = resolve(sa, {
      env: { KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBERNETES_SERVICE_PORT: "443" },
      serviceAccountDir: "/sa",
    });
    assert.deepEqual(
      [r.server, r.tokenFile, r.caData, r.namespace, r.source],
      ["https://10.0.0.1:443", "/sa/token", "SA CA", "team-a", ["in-cluster"]],
    );
  });
  await t.step("IPv6 host is bracketed, -n wins", () => {
    const r = resolve(sa, {
      env: { KUBERNETES_SERVICE_HOST: "fd00::1", KUBERNETES_SERVICE_PORT: "6443" },
      serviceAccountDir: "/sa",
      namespace: "flag",
    });
    assert.deepEqual([r.server, r.namespace], ["https://[fd00::1]:6443", "flag"]);
  });
  await t.step("a kubeconfig takes precedence", () => {
    const r = resolve({ ...sa, "/home/me/.kube/config": A }, {
      env: { KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBERNETES_SERVICE_PORT: "443" },
      serviceAccountDir: "/sa",
    });
    assert.deepEqual(r.server, "https://a.example:6443");
  });
});

Deno.test("resolveKubeConfig() with no configuration fails clearly (no localhost:8080)", () => {
  for (const env of [{}, { KUBECONFIG: "/missing" }, { KUBERNETES_SERVICE_HOST: "10.0.0.1" }]) {
    throwsConfig(
      () => resolve({}, { env, serviceAccountDir: "/sa" }),
      "no Kubernetes configuration found: set --kubeconfig or KUBECONFIG, or create ~/.kube/config",
    );
  }
});

Deno.test("resolveKubeConfig() reports a context whose cluster or user is missing", () => {
  const text = kc({
    current: "x",
    clusters: { c: { server: "https://x" } },
    contexts: { x: { cluster: "c", user: "ghost" }, y: { cluster: "nope", user: "ghost" } },
  });
  throwsConfig(() => resolve({ "/k": text }, { kubeconfig: "/k" }), 'user "ghost"');
  throwsConfig(
    () => resolve({ "/k": text }, { kubeconfig: "/k", context: "y" }),
    'refers to cluster "nope"',
  );
});

Deno.test("resolveKubeConfig() reports unparseable YAML with the file name", () => {
  throwsConfig(
    () => resolve({ "/k": "clusters: [" }, { kubeconfig: "/k" }),
    'cannot parse kubeconfig "/k"',
  );
});
