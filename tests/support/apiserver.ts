/**
 * Test helper for the real Kubernetes API server in `tests/apiserver/` (apiextensions-apiserver
 * + embedded etcd, serving `deploy/crds/` over HTTPS on 127.0.0.1).
 *
 * Why: integration tests must hit real API semantics (validation, SSA, watch, 410), not a fake.
 * One server serves the whole test run; each test file isolates itself with `freshNamespace()`.
 * Identities: tokens admin (system:masters), viewer (read-only), nobody (403 everywhere),
 * a client-certificate admin, and no credentials -> 401.
 * @module
 */

import { parse as parseYaml } from "yaml";

import {
  type ApiServer,
  buildApiServer,
  fromReady,
  logTail,
  type ReadyInfo,
  startApiServer,
  type StartApiServerOptions,
} from "./_apiserver_process.ts";

export { buildApiServer, logTail, startApiServer };
export type { ApiServer, ReadyInfo, StartApiServerOptions };

let availability: { ok: boolean; reason: string } | undefined;

/**
 * Whether the real server can run here: a prebuilt binary in HYPERCTL_APISERVER_BIN, a reused
 * server (HYPERCTL_TEST_READY / HYPERCTL_TEST_KUBECONFIG), or Go on PATH to build one.
 *
 * Why: a user's machine without Go skips these suites with a clear message; CI (CI=true) never
 * skips, so there a missing Go throws.
 */
export function realServerAvailable(): boolean {
  if (availability === undefined) {
    availability = probe();
    if (!availability.ok) {
      if (Deno.env.get("CI") === "true") {
        throw new Error(`real API server required in CI but unavailable: ${availability.reason}`);
      }
      console.error(`SKIP real API server tests: ${availability.reason}`);
    }
  }
  return availability.ok;
}

function probe(): { ok: boolean; reason: string } {
  const reuse = ["HYPERCTL_TEST_READY", "HYPERCTL_TEST_KUBECONFIG", "HYPERCTL_APISERVER_BIN"];
  if (reuse.some((name) => Deno.env.get(name))) {
    return { ok: true, reason: "" };
  }
  try {
    const out = new Deno.Command("go", { args: ["version"], stdout: "null", stderr: "null" })
      .outputSync();
    if (out.success) return { ok: true, reason: "" };
    return { ok: false, reason: `"go version" exited with code ${out.code}` };
  } catch {
    return {
      ok: false,
      reason: "go not found on PATH (install Go 1.26+ to build tests/apiserver, " +
        "or set HYPERCTL_APISERVER_BIN to a prebuilt binary)",
    };
  }
}

/** Builds the server if needed (cached by source hash in .cache/) and returns the binary path. */
let shared: Promise<ApiServer> | undefined;
let anyFailed = false;

/**
 * The one server of this test run.
 *
 * Reuses the runner's server when HYPERCTL_TEST_READY (its ready JSON) or HYPERCTL_TEST_KUBECONFIG
 * (the kubeconfig it wrote) is set, else starts one
 * lazily in this process and stops it when the process unloads. Reusing keeps a full run to one
 * cold start; starting lazily lets `deno test tests/integration/x_test.ts` work on its own.
 */
export function sharedApiServer(): Promise<ApiServer> {
  return shared ??= (async () => {
    const readyPath = Deno.env.get("HYPERCTL_TEST_READY");
    const kubeconfig = Deno.env.get("HYPERCTL_TEST_KUBECONFIG");
    if (readyPath || kubeconfig) {
      const ready = readyPath
        ? JSON.parse(await Deno.readTextFile(readyPath)) as ReadyInfo
        : await readyFromKubeconfig(kubeconfig!);
      if (kubeconfig) ready.kubeconfig = kubeconfig;
      return {
        ...(await fromReady(ready)),
        logPath: Deno.env.get("HYPERCTL_TEST_SERVER_LOG"),
        owned: false,
        stop: () => Promise.resolve(),
      };
    }
    const server = await startApiServer();
    globalThis.addEventListener("unload", () => onUnload(server));
    return server;
  })();
}

/** Rebuilds the ready info from a kubeconfig the server wrote (when only that is known). */
async function readyFromKubeconfig(path: string): Promise<ReadyInfo> {
  type Named<T> = { name: string } & T;
  const kc = parseYaml(await Deno.readTextFile(path)) as {
    clusters: Named<{ cluster: Record<string, string> }>[];
    users: Named<{ user: Record<string, string> }>[];
  };
  const cluster = kc.clusters.find((c) => c.name === "hyperctl-it")?.cluster ??
    kc.clusters[0].cluster;
  const user = (name: string) => kc.users.find((u) => u.name === name)?.user ?? {};
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-reuse-" });
  globalThis.addEventListener("unload", () => {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch { /* ignore */ }
  });
  const pem = async (file: string, b64: string | undefined) => {
    await Deno.writeTextFile(`${dir}/${file}`, b64 ? atob(b64) : "");
    return `${dir}/${file}`;
  };
  const ready: ReadyInfo = {
    pid: 0,
    server: cluster.server,
    kubeconfig: path,
    caFile: await pem("ca.crt", cluster["certificate-authority-data"]),
    tokens: {
      admin: user("admin").token,
      viewer: user("viewer").token,
      nobody: user("nobody").token,
    },
    k8sVersion: "",
    clientCert: await pem("client.crt", user("cert-admin")["client-certificate-data"]),
    clientKey: await pem("client.key", user("cert-admin")["client-key-data"]),
  };
  const client = Deno.createHttpClient({ caCerts: [await Deno.readTextFile(ready.caFile)] });
  try {
    const res = await fetch(`${ready.server}/version`, {
      client,
      headers: { authorization: `Bearer ${ready.tokens.admin}` },
    });
    ready.k8sVersion = (await res.json()).gitVersion ?? "";
  } finally {
    client.close();
  }
  return ready;
}

function onUnload(server: ApiServer): void {
  // Unload handlers cannot await: signal the server; it removes its own data dir on SIGTERM.
  try {
    Deno.kill(server.pid, "SIGTERM");
  } catch { /* already gone */ }
  if (anyFailed) {
    console.error(`real API server log kept at ${server.logPath}`);
    return;
  }
  const dir = server.logPath?.replace(/\/server\.log$/, "");
  if (dir) {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch { /* the server may be removing its data dir at the same time */ }
  }
}

/** Test body run by {@link apiServerTest}. */
export type ApiServerTestFn = (server: ApiServer, t: Deno.TestContext) => Promise<void> | void;

/**
 * `Deno.test` against the shared server: ignored (with a message) when no server can run,
 * and on failure prints the server log's tail, since the cause is often only there.
 */
export function apiServerTest(name: string, fn: ApiServerTestFn): void {
  Deno.test({
    name,
    ignore: !realServerAvailable(),
    // The shared server's child process and log pipe outlive any one test.
    sanitizeOps: false,
    sanitizeResources: false,
    async fn(t) {
      const server = await sharedApiServer();
      try {
        await fn(server, t);
      } catch (err) {
        anyFailed = true;
        console.error(
          `--- test API server log ${server.logPath ?? ""} (tail) ---\n${await logTail(
            server.logPath,
            40,
          )}`,
        );
        throw err;
      }
    },
  });
}

/**
 * A random, valid DNS-1123 namespace name starting with `prefix`.
 *
 * The apiextensions server has no Namespace objects and no NamespaceLifecycle admission, so any
 * valid name works without creating it; a random one per file keeps tests independent.
 */
export function freshNamespace(prefix = "it"): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "it";
  const suffix = crypto.randomUUID().replaceAll("-", "").slice(0, 8);
  return `${clean.slice(0, 63 - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
}

/**
 * Path of `kubectl.1.33`, the reference client: `kubectl` on PATH is a version dispatcher and
 * the pinned binaries lie beside its real file.
 */
export function kubectlBinary(): string {
  const override = Deno.env.get("HYPERCTL_KUBECTL");
  if (override) return override;
  const out = new Deno.Command("bash", {
    args: ["-c", 'dirname "$(readlink -f "$(command -v kubectl)")"'],
    stdout: "piped",
    stderr: "null",
  }).outputSync();
  const dir = new TextDecoder().decode(out.stdout).trim();
  if (!out.success || !dir || dir === ".") {
    throw new Error("cannot find kubectl on PATH (needed as the reference client)");
  }
  return `${dir}/kubectl.1.33`;
}

/**
 * A fetch client trusting the server's CA, optionally presenting the client certificate.
 * Why: plain `fetch` is the ground truth below any Kubernetes client library.
 */
export function httpClient(
  server: ApiServer,
  opts: { clientCert?: boolean } = {},
): Deno.HttpClient {
  return Deno.createHttpClient({
    caCerts: [server.ca],
    ...(opts.clientCert ? { cert: server.clientCert, key: server.clientKey } : {}),
  });
}
