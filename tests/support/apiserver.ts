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

const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

/** What the server prints on its READY line and writes to its ready file. */
export interface ReadyInfo {
  pid: number;
  server: string;
  kubeconfig: string;
  caFile: string;
  tokens: { admin: string; viewer: string; nobody: string };
  k8sVersion: string;
  clientCert: string;
  clientKey: string;
  etcd?: string;
  dataDir?: string;
}

/** A running (or reused) API server and everything a client needs to reach it. */
export interface ApiServer {
  /** kubeconfig with contexts admin (current), viewer, nobody and cert-admin, namespace default. */
  kubeconfigPath: string;
  /** `https://127.0.0.1:PORT` */
  server: string;
  /** File and PEM of the CA that signed the serving certificate (CA only). */
  caFile: string;
  ca: string;
  tokens: { admin: string; viewer: string; nobody: string };
  /** Client certificate user `hyperctl-cert-admin` in group system:masters: files and PEM. */
  clientCertFile: string;
  clientKeyFile: string;
  clientCert: string;
  clientKey: string;
  /** `/version` gitVersion, e.g. v1.36.6. */
  k8sVersion: string;
  pid: number;
  /** Server stderr (klog), when this process knows where it is. */
  logPath?: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  /**
   * Stops the server if owned (SIGTERM, then SIGKILL after 10 s) and removes its temp dir,
   * log included (read {@link logTail} first if you need it); no-op otherwise.
   */
  stop(): Promise<void>;
}

/** Options for {@link startApiServer}. */
export interface StartApiServerOptions {
  /** CRD directory. @default "<repo>/deploy/crds" */
  crdDir?: string;
  /** Extra server flags, e.g. `["--etcd-compaction-interval=2s", "-v=2"]`. */
  extraArgs?: string[];
  /** How long to wait for READY. @default 90_000 */
  timeoutMs?: number;
  /** Binary to run. @default env HYPERCTL_APISERVER_BIN, else built by scripts/apiserver_build.sh */
  binary?: string;
}

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
export async function buildApiServer(): Promise<string> {
  const override = Deno.env.get("HYPERCTL_APISERVER_BIN");
  if (override) return override;
  const out = await new Deno.Command("bash", {
    args: [`${ROOT}/scripts/apiserver_build.sh`],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) {
    throw new Error(`cannot build the test API server: apiserver_build.sh exited with ${out.code}`);
  }
  return new TextDecoder().decode(out.stdout).trim();
}

/** Starts a private server: temp dir for data, kubeconfig and log; resolves once READY. */
export async function startApiServer(opts: StartApiServerOptions = {}): Promise<ApiServer> {
  const binary = opts.binary ?? await buildApiServer();
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-apiserver-" });
  const logPath = `${dir}/server.log`;
  // stderr goes straight to the log file (via the shell) rather than through a pipe this process
  // drains: the log then survives this process exiting, and a late write cannot hit a dead pipe.
  const child = new Deno.Command("bash", {
    args: [
      "-c",
      'log="$1"; shift; exec "$@" 2>>"$log"',
      "bash",
      logPath,
      binary,
      `--data-dir=${dir}/data`,
      `--crd-dir=${opts.crdDir ?? `${ROOT}/deploy/crds`}`,
      `--kubeconfig-out=${dir}/kubeconfig`,
      `--ready-file=${dir}/ready.json`,
      // Self-destructs if this process dies without running its unload handler.
      `--parent-pid=${Deno.pid}`,
      ...(opts.extraArgs ?? []),
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "null",
    // `deno test` SIGKILLs attached children when it exits, which skips the server's cleanup;
    // detached, it gets our SIGTERM and shuts down properly.
    detached: true,
  }).spawn();

  const timeoutMs = opts.timeoutMs ?? 90_000;
  let ready: ReadyInfo;
  try {
    ready = await readUntilReady(child, timeoutMs);
  } catch (err) {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
    await child.status;
    const tail = await logTail(logPath, 60);
    throw new Error(
      `test API server did not become ready: ${(err as Error).message}\n` +
        `--- ${logPath} (tail) ---\n${tail}`,
    );
  }

  // Do not keep a script's event loop alive just because the server runs; stop() re-refs.
  child.unref();
  let stopped: Promise<void> | undefined;
  const stop = () =>
    stopped ??= (async () => {
      child.ref();
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* already gone */ }
      }, 10_000);
      await child.status;
      clearTimeout(timer);
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    })();
  return { ...(await fromReady(ready)), logPath, owned: true, stop };
}

async function readUntilReady(child: Deno.ChildProcess, timeoutMs: number): Promise<ReadyInfo> {
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(lineSplitter());
  const reader = lines.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no READY line within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    while (true) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next.done) {
        const status = await child.status;
        throw new Error(`server exited with code ${status.code} before READY`);
      }
      if (next.value.startsWith("READY ")) {
        // Nothing follows READY on stdout; close our end so no read stays pending.
        await reader.cancel().catch(() => {});
        return JSON.parse(next.value.slice("READY ".length)) as ReadyInfo;
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

function lineSplitter(): TransformStream<string, string> {
  let buf = "";
  return new TransformStream({
    transform(chunk, ctl) {
      buf += chunk;
      const parts = buf.split("\n");
      buf = parts.pop() ?? "";
      for (const p of parts) ctl.enqueue(p);
    },
    flush(ctl) {
      if (buf) ctl.enqueue(buf);
    },
  });
}

async function fromReady(r: ReadyInfo): Promise<Omit<ApiServer, "owned" | "stop" | "logPath">> {
  return {
    kubeconfigPath: r.kubeconfig,
    server: r.server,
    caFile: r.caFile,
    ca: await Deno.readTextFile(r.caFile),
    tokens: r.tokens,
    clientCertFile: r.clientCert,
    clientKeyFile: r.clientKey,
    clientCert: await Deno.readTextFile(r.clientCert),
    clientKey: await Deno.readTextFile(r.clientKey),
    k8sVersion: r.k8sVersion,
    pid: r.pid,
  };
}

/** The last `lines` lines of the server log, or a note when there is none. */
export async function logTail(logPath: string | undefined, lines = 80): Promise<string> {
  if (!logPath) return "(server log location unknown)";
  try {
    const text = await Deno.readTextFile(logPath);
    return text.split("\n").slice(-lines).join("\n");
  } catch (err) {
    return `(cannot read ${logPath}: ${(err as Error).message})`;
  }
}

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
