/**
 * Exec credential plugins (`users[].user.exec`): run the command, read its ExecCredential.
 *
 * Unlike client-node, this sets `KUBERNETES_EXEC_INFO`, honours `interactiveMode`, and caches the
 * credential until its `expirationTimestamp` — or, without one, until the server answers 401
 * (kubectl's rule), instead of re-running the plugin on every request.
 * @module
 */

import type { ExecConfig } from "./_kubeconfig_file.ts";
import { ExecCredentialError } from "./errors.ts";

/** What a plugin hands back. */
export interface ExecCredential {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** Epoch ms; undefined = valid until the server rejects it. */
  expiresAt?: number;
}

/** Cluster details passed to plugins that ask for them (`provideClusterInfo: true`). */
export interface ExecClusterInfo {
  server: string;
  caData?: string;
  tlsServerName?: string;
  insecureSkipTlsVerify?: boolean;
  proxyUrl?: string;
}

/** Result of running a process; injected so the parsing and caching are testable. */
export interface ExecRunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `command args` with `env` added to the inherited environment. */
export type ExecRunner = (
  command: string,
  args: string[],
  env: Record<string, string>,
  interactive: boolean,
) => Promise<ExecRunResult>;

/** Options of `ExecCredentialProvider`. */
export interface ExecCredentialOptions {
  /** Kubeconfig user name, for messages. */
  user?: string;
  cluster?: ExecClusterInfo;
  /** @default runs the process with Deno.Command */
  run?: ExecRunner;
  /** @default Date.now */
  now?: () => number;
  /** Whether stdin is a terminal the plugin may prompt on. @default Deno.stdin.isTerminal() */
  stdinIsTerminal?: boolean;
}

/** Runs an exec plugin on demand and caches its credential. */
export class ExecCredentialProvider {
  #cached?: ExecCredential;
  #pending?: Promise<ExecCredential>;

  constructor(readonly config: ExecConfig, readonly options: ExecCredentialOptions = {}) {}

  /** The cached credential while valid, else a fresh one from the plugin. */
  get(): Promise<ExecCredential> {
    const now = (this.options.now ?? Date.now)();
    const c = this.#cached;
    if (c && (c.expiresAt === undefined || c.expiresAt > now)) return Promise.resolve(c);
    // Concurrent requests share one plugin run.
    this.#pending ??= this.#run().then(
      (cred) => {
        this.#cached = cred;
        this.#pending = undefined;
        return cred;
      },
      (e) => {
        this.#pending = undefined;
        throw e;
      },
    );
    return this.#pending;
  }

  /** Forget the cached credential (after a 401), so the next `get()` runs the plugin again. */
  invalidate(): void {
    this.#cached = undefined;
  }

  async #run(): Promise<ExecCredential> {
    const cfg = this.config;
    const who = `exec plugin "${cfg.command}"${
      this.options.user ? ` of user "${this.options.user}"` : ""
    }`;
    const interactive = cfg.interactiveMode !== "Never" &&
      (this.options.stdinIsTerminal ?? safeIsTerminal());
    if (cfg.interactiveMode === "Always" && !interactive) {
      throw new ExecCredentialError(
        `${who} needs an interactive terminal (interactiveMode: Always)`,
      );
    }
    const apiVersion = cfg.apiVersion ?? "client.authentication.k8s.io/v1";
    const spec: Record<string, unknown> = { interactive };
    if (cfg.provideClusterInfo && this.options.cluster) {
      const c = this.options.cluster;
      spec.cluster = {
        server: c.server,
        "certificate-authority-data": c.caData ? btoa(c.caData) : undefined,
        "tls-server-name": c.tlsServerName,
        "insecure-skip-tls-verify": c.insecureSkipTlsVerify || undefined,
        "proxy-url": c.proxyUrl,
      };
    }
    const env: Record<string, string> = {};
    for (const e of cfg.env) env[e.name] = e.value;
    env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: "ExecCredential", spec });
    let result: ExecRunResult;
    try {
      result = await (this.options.run ?? runWithDeno)(cfg.command, cfg.args, env, interactive);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) {
        throw new ExecCredentialError(
          `${who} not found${cfg.installHint ? `: ${cfg.installHint.trim()}` : ""}`,
        );
      }
      throw new ExecCredentialError(`cannot run ${who}: ${(e as Error).message}`);
    }
    if (result.code !== 0) {
      const last = result.stderr.trim().split("\n").pop() ?? "";
      throw new ExecCredentialError(
        `${who} failed with exit code ${result.code}${last ? `: ${last}` : ""}`,
      );
    }
    return parseExecCredential(result.stdout, who);
  }
}

/** Parses a plugin's stdout (`kind: ExecCredential`, `status.{token,clientCertificateData,…}`). */
export function parseExecCredential(stdout: string, who = "exec plugin"): ExecCredential {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw new ExecCredentialError(
      `${who} printed something that is not an ExecCredential JSON object`,
    );
  }
  const status = (doc as { status?: Record<string, unknown> })?.status;
  if (typeof status !== "object" || status === null) {
    throw new ExecCredentialError(`${who} printed an ExecCredential without status`);
  }
  const s = (
    k: string,
  ) => (typeof status[k] === "string" && status[k] !== "" ? status[k] as string : undefined);
  const cred: ExecCredential = {
    token: s("token"),
    clientCertificateData: s("clientCertificateData"),
    clientKeyData: s("clientKeyData"),
  };
  const exp = s("expirationTimestamp");
  if (exp !== undefined) {
    const t = Date.parse(exp);
    if (Number.isNaN(t)) {
      throw new ExecCredentialError(`${who} printed an invalid expirationTimestamp "${exp}"`);
    }
    cred.expiresAt = t;
  }
  if (!cred.token && !(cred.clientCertificateData && cred.clientKeyData)) {
    throw new ExecCredentialError(
      `${who} printed neither a token nor a client certificate and key`,
    );
  }
  return cred;
}

function safeIsTerminal(): boolean {
  try {
    return Deno.stdin.isTerminal();
  } catch {
    return false;
  }
}

async function runWithDeno(
  command: string,
  args: string[],
  env: Record<string, string>,
  interactive: boolean,
): Promise<ExecRunResult> {
  const out = await new Deno.Command(command, {
    args,
    env,
    stdin: interactive ? "inherit" : "null",
    stdout: "piped",
    // A plugin prompting for login writes to stderr; let the user see it when interactive.
    stderr: interactive ? "inherit" : "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: interactive ? "" : dec.decode(out.stderr),
  };
}
