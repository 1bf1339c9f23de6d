/**
 * Building and starting the real API server binary (tests/apiserver): the process side of the
 * test helper, kept apart from the per-run sharing in apiserver.ts.
 * @module
 */

import { terminate } from "./terminate.ts";

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
      await terminate(child, 10_000);
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

export async function fromReady(
  r: ReadyInfo,
): Promise<Omit<ApiServer, "owned" | "stop" | "logPath">> {
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
