/**
 * Finds and resolves the cluster connection the way kubectl does.
 *
 * `--kubeconfig`, else `KUBECONFIG` (merged first-wins, duplicates allowed, current-context from
 * the first file that sets it), else `~/.kube/config`, else the in-cluster service account, else
 * a clear error (never client-node's silent `localhost:8080`). Resolution is pure — file reading
 * is injected — so every precedence rule is unit-tested; `loadKubeConfig` does the real I/O.
 * @module
 */

import { join } from "pathe";
import {
  type ExecConfig,
  type KubeConfigFile,
  mergeKubeConfigs,
  parseKubeConfigFile,
} from "./_kubeconfig_file.ts";
import { KubeConfigError } from "./errors.ts";

export type { ExecConfig } from "./_kubeconfig_file.ts";

/** Everything a transport needs to reach one cluster as one user. PEM strings, never paths. */
export interface ResolvedConfig {
  server: string;
  /** Context used; undefined for in-cluster config. */
  contextName?: string;
  clusterName?: string;
  /** The kubeconfig user entry's name (`viewer`), for messages; never a secret. */
  username?: string;
  /** Namespace from `-n`, else the context's, else `default`. */
  namespace: string;
  /** Where the configuration came from: file paths or `in-cluster`, for messages. */
  source: string[];
  caData?: string;
  clientCertData?: string;
  clientKeyData?: string;
  token?: string;
  /** Re-read on every request so a rotated token is picked up. */
  tokenFile?: string;
  basicAuth?: { username: string; password: string };
  exec?: ExecConfig;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
}

/** Inputs of `resolveKubeConfig`; all I/O is injected. */
export interface ResolveKubeConfigOptions {
  /** `--kubeconfig`: one file that must exist. */
  kubeconfig?: string;
  /** `--context`. */
  context?: string;
  /** `-n/--namespace`. */
  namespace?: string;
  env: Record<string, string | undefined>;
  /** Returns the file's text, or undefined when it does not exist. */
  readFile: (path: string) => string | undefined;
  /** @default env.HOME ?? env.USERPROFILE */
  homeDir?: string;
  /** `KUBECONFIG` separator. @default ":" (";" on Windows) */
  pathListSeparator?: string;
  /** @default "/var/run/secrets/kubernetes.io/serviceaccount" */
  serviceAccountDir?: string;
}

/** Default location of the in-cluster service account files. */
export const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/** Resolves flags + environment + files into one connection; throws KubeConfigError. */
export function resolveKubeConfig(opts: ResolveKubeConfigOptions): ResolvedConfig {
  const files = kubeconfigFiles(opts);
  if (files.length > 0) return fromKubeConfig(mergeKubeConfigs(files), opts);
  const inCluster = fromServiceAccount(opts);
  if (inCluster) return inCluster;
  throw new KubeConfigError(
    "no Kubernetes configuration found: set --kubeconfig or KUBECONFIG, or create ~/.kube/config",
  );
}

function kubeconfigFiles(opts: ResolveKubeConfigOptions): KubeConfigFile[] {
  if (opts.kubeconfig !== undefined && opts.kubeconfig !== "") {
    const text = opts.readFile(opts.kubeconfig);
    if (text === undefined) {
      throw new KubeConfigError(`cannot read kubeconfig "${opts.kubeconfig}": file does not exist`);
    }
    return [parseKubeConfigFile(text, opts.kubeconfig)];
  }
  const list = opts.env.KUBECONFIG;
  if (list !== undefined && list !== "") {
    const sep = opts.pathListSeparator ?? ":";
    const paths = [...new Set(list.split(sep).filter((p) => p !== ""))];
    const out: KubeConfigFile[] = [];
    for (const p of paths) {
      const text = opts.readFile(p);
      if (text !== undefined) out.push(parseKubeConfigFile(text, p)); // missing files are skipped
    }
    return out;
  }
  const home = opts.homeDir ?? opts.env.HOME ?? opts.env.USERPROFILE;
  if (!home) return [];
  const path = join(home, ".kube", "config");
  const text = opts.readFile(path);
  return text === undefined ? [] : [parseKubeConfigFile(text, path)];
}

function fromKubeConfig(cfg: KubeConfigFile, opts: ResolveKubeConfigOptions): ResolvedConfig {
  const where = cfg.files.map((f) => `"${f}"`).join(", ");
  const available = [...cfg.contexts.keys()].sort().join(", ") || "none";
  const contextName = opts.context || cfg.currentContext;
  if (!contextName) {
    throw new KubeConfigError(
      `no current context in kubeconfig ${where}: pass --context (available: ${available})`,
    );
  }
  const context = cfg.contexts.get(contextName);
  if (!context) {
    throw new KubeConfigError(
      `context "${contextName}" not found in kubeconfig ${where} (available: ${available})`,
    );
  }
  const clusterName = context.cluster ?? "";
  const cluster = cfg.clusters.get(clusterName);
  if (!cluster) {
    throw new KubeConfigError(
      `context "${contextName}" refers to cluster "${clusterName}", which is not in kubeconfig ${where}`,
    );
  }
  if (!cluster.server) {
    throw new KubeConfigError(`cluster "${clusterName}" in kubeconfig ${where} has no server`);
  }
  const userName = context.user;
  const user = userName ? cfg.users.get(userName) : {};
  if (!user) {
    throw new KubeConfigError(
      `context "${contextName}" refers to user "${userName}", which is not in kubeconfig ${where}`,
    );
  }
  const pem = (data: string | undefined, file: string | undefined, what: string) => {
    if (data) return decodeBase64(data, `${what} data of "${userName ?? clusterName}"`);
    if (!file) return undefined;
    const text = opts.readFile(file);
    if (text === undefined) {
      throw new KubeConfigError(`cannot read ${what} "${file}": file does not exist`);
    }
    return text;
  };
  const resolved: ResolvedConfig = {
    server: cluster.server.replace(/\/+$/, ""),
    contextName,
    clusterName,
    username: userName,
    namespace: opts.namespace || context.namespace || "default",
    source: cfg.files,
    caData: pem(
      cluster.certificateAuthorityData,
      cluster.certificateAuthority,
      "certificate-authority",
    ),
    clientCertData: pem(user.clientCertificateData, user.clientCertificate, "client-certificate"),
    clientKeyData: pem(user.clientKeyData, user.clientKey, "client-key"),
    token: user.token,
    tokenFile: user.token ? undefined : user.tokenFile,
    exec: user.exec,
    insecureSkipTlsVerify: cluster.insecureSkipTlsVerify === true,
    tlsServerName: cluster.tlsServerName,
    proxyUrl: cluster.proxyUrl,
  };
  if (user.username !== undefined && user.password !== undefined) {
    resolved.basicAuth = { username: user.username, password: user.password };
  }
  if (user.authProvider && !resolved.token) {
    // Only the id-token of the legacy oidc provider is usable without running its refresh flow.
    const idToken = user.authProvider.config["id-token"];
    if (user.authProvider.name === "oidc" && idToken) resolved.token = idToken;
    else {
      throw new KubeConfigError(
        `user "${userName}" uses auth-provider "${user.authProvider.name}", which hyperctl does not support: use an exec credential plugin instead (e.g. kubelogin)`,
      );
    }
  }
  return resolved;
}

function fromServiceAccount(opts: ResolveKubeConfigOptions): ResolvedConfig | undefined {
  const host = opts.env.KUBERNETES_SERVICE_HOST;
  const port = opts.env.KUBERNETES_SERVICE_PORT;
  const dir = opts.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const tokenFile = join(dir, "token");
  if (!host || !port || opts.readFile(tokenFile) === undefined) return undefined;
  const hostPart = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return {
    server: `https://${hostPart}:${port}`,
    namespace: opts.namespace || opts.readFile(join(dir, "namespace"))?.trim() || "default",
    source: ["in-cluster"],
    caData: opts.readFile(join(dir, "ca.crt")),
    tokenFile,
    insecureSkipTlsVerify: false,
    username: "serviceaccount",
  };
}

function decodeBase64(data: string, what: string): string {
  try {
    const bin = atob(data.replace(/\s+/g, ""));
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    throw new KubeConfigError(`cannot decode ${what}: not valid base64`);
  }
}

/**
 * Every context name in the merged kubeconfig, sorted (for `--all-contexts` and completion).
 * In-cluster configuration has no contexts; an empty list is returned then.
 */
export function listContextNames(opts: ResolveKubeConfigOptions): string[] {
  const files = kubeconfigFiles(opts);
  if (files.length === 0) return [];
  return [...mergeKubeConfigs(files).contexts.keys()].sort();
}

/** Context names from the real environment and file system. */
export function loadContextNames(flags: { kubeconfig?: string } = {}): string[] {
  return listContextNames({ ...flags, ...realEnvironment() });
}

/** Global flags that select the connection. */
export interface KubeConfigFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

/** Resolves the connection from the real environment and file system. */
export function loadKubeConfig(flags: KubeConfigFlags = {}): ResolvedConfig {
  return resolveKubeConfig({ ...flags, ...realEnvironment() });
}

/** The process environment and file system, as the pure resolvers take them. */
function realEnvironment(): Pick<
  ResolveKubeConfigOptions,
  "env" | "readFile" | "pathListSeparator"
> {
  return {
    env: Deno.env.toObject(),
    readFile: readTextFileIfExists,
    pathListSeparator: Deno.build.os === "windows" ? ";" : ":",
  };
}

function readTextFileIfExists(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    if (e instanceof Deno.errors.IsADirectory) return undefined;
    throw new KubeConfigError(`cannot read "${path}": ${(e as Error).message}`);
  }
}
