/**
 * Parsing of one kubeconfig file and kubectl's merge of several.
 *
 * Kept apart from resolution so the merge rules (first file wins per name, first
 * `current-context` wins, duplicates are not an error) can be read and tested on their own.
 * @module
 */

// js-yaml, not yaml, for this one read: a cold process parses a kubeconfig with it in ~2 ms
// against 10-15 ms (bench/FINDINGS.md), and every command reads one. Same YAML 1.2 core schema.
import { CORE_SCHEMA, load } from "js-yaml";
import { dirname, isAbsolute, join } from "pathe";
import { isRecord } from "../core/types.ts";
import { KubeConfigError } from "./errors.ts";

/** A `clusters[].cluster` entry, paths already absolute. */
export interface ClusterEntry {
  server?: string;
  certificateAuthority?: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
}

/** One `users[].user.exec` block. */
export interface ExecConfig {
  apiVersion?: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  provideClusterInfo: boolean;
  interactiveMode?: "Never" | "IfAvailable" | "Always" | string;
  installHint?: string;
}

/** A `users[].user` entry, paths already absolute. */
export interface UserEntry {
  token?: string;
  tokenFile?: string;
  clientCertificate?: string;
  clientCertificateData?: string;
  clientKey?: string;
  clientKeyData?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  authProvider?: { name: string; config: Record<string, string> };
}

/** A `contexts[].context` entry. */
export interface ContextEntry {
  cluster?: string;
  user?: string;
  namespace?: string;
}

/** A parsed (or merged) kubeconfig; `files` lists where it came from, for messages. */
export interface KubeConfigFile {
  clusters: Map<string, ClusterEntry>;
  users: Map<string, UserEntry>;
  contexts: Map<string, ContextEntry>;
  currentContext?: string;
  files: string[];
}

/** Parses one kubeconfig's text; relative paths resolve against the file's directory (kubectl). */
export function parseKubeConfigFile(text: string, path: string): KubeConfigFile {
  let doc: unknown;
  try {
    doc = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    throw new KubeConfigError(
      `cannot parse kubeconfig "${path}": ${(e as Error).message.split("\n")[0]}`,
    );
  }
  if (doc === null || doc === undefined) doc = {};
  if (!isRecord(doc)) throw new KubeConfigError(`cannot parse kubeconfig "${path}": not a mapping`);
  const dir = dirname(path);
  const abs = (p: unknown) => (typeof p === "string" && p !== "" ? resolvePath(dir, p) : undefined);
  const out: KubeConfigFile = {
    clusters: new Map(),
    users: new Map(),
    contexts: new Map(),
    currentContext: str(doc["current-context"]),
    files: [path],
  };
  for (const [name, c] of namedEntries(doc.clusters, "cluster", path)) {
    if (out.clusters.has(name)) continue;
    out.clusters.set(name, {
      server: str(c.server),
      certificateAuthority: abs(c["certificate-authority"]),
      certificateAuthorityData: str(c["certificate-authority-data"]),
      insecureSkipTlsVerify: c["insecure-skip-tls-verify"] === true,
      tlsServerName: str(c["tls-server-name"]),
      proxyUrl: str(c["proxy-url"]),
    });
  }
  for (const [name, u] of namedEntries(doc.users, "user", path)) {
    if (out.users.has(name)) continue;
    out.users.set(name, {
      token: str(u.token),
      tokenFile: abs(u.tokenFile),
      clientCertificate: abs(u["client-certificate"]),
      clientCertificateData: str(u["client-certificate-data"]),
      clientKey: abs(u["client-key"]),
      clientKeyData: str(u["client-key-data"]),
      username: str(u.username),
      password: str(u.password),
      exec: parseExec(u.exec, dir),
      authProvider: parseAuthProvider(u["auth-provider"]),
    });
  }
  for (const [name, c] of namedEntries(doc.contexts, "context", path)) {
    if (out.contexts.has(name)) continue;
    out.contexts.set(name, {
      cluster: str(c.cluster),
      user: str(c.user),
      namespace: str(c.namespace),
    });
  }
  return out;
}

/** kubectl's merge: the first file to define a name keeps it; the first `current-context` wins. */
export function mergeKubeConfigs(configs: readonly KubeConfigFile[]): KubeConfigFile {
  const out: KubeConfigFile = {
    clusters: new Map(),
    users: new Map(),
    contexts: new Map(),
    files: [],
  };
  for (const c of configs) {
    for (const [k, v] of c.clusters) if (!out.clusters.has(k)) out.clusters.set(k, v);
    for (const [k, v] of c.users) if (!out.users.has(k)) out.users.set(k, v);
    for (const [k, v] of c.contexts) if (!out.contexts.has(k)) out.contexts.set(k, v);
    if (!out.currentContext && c.currentContext) out.currentContext = c.currentContext;
    out.files.push(...c.files);
  }
  return out;
}

function resolvePath(dir: string, p: string): string {
  if (p.startsWith("~/")) return p; // kubectl leaves these alone too
  return isAbsolute(p) ? p : join(dir, p);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** `[{name, <field>: {...}}]` entries; malformed ones are reported, not skipped silently. */
function* namedEntries(
  list: unknown,
  field: string,
  path: string,
): Generator<[string, Record<string, unknown>]> {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    throw new KubeConfigError(`cannot parse kubeconfig "${path}": "${field}s" is not a list`);
  }
  for (const item of list) {
    if (!isRecord(item) || typeof item.name !== "string" || item.name === "") {
      throw new KubeConfigError(
        `cannot parse kubeconfig "${path}": a "${field}s" entry has no name`,
      );
    }
    yield [item.name, isRecord(item[field]) ? item[field] as Record<string, unknown> : {}];
  }
}

function parseExec(v: unknown, dir: string): ExecConfig | undefined {
  if (!isRecord(v) || typeof v.command !== "string" || v.command === "") return undefined;
  // client-go resolves the command against the kubeconfig's directory only when it is a path,
  // not a bare name looked up on PATH.
  const command = v.command.includes("/") && !isAbsolute(v.command)
    ? join(dir, v.command)
    : v.command;
  const env = Array.isArray(v.env)
    ? v.env.filter(isRecord).map((e) => ({
      name: String(e.name ?? ""),
      value: String(e.value ?? ""),
    }))
      .filter((e) => e.name !== "")
    : [];
  return {
    apiVersion: str(v.apiVersion),
    command,
    args: Array.isArray(v.args) ? v.args.map(String) : [],
    env,
    provideClusterInfo: v.provideClusterInfo === true,
    interactiveMode: str(v.interactiveMode),
    installHint: str(v.installHint),
  };
}

function parseAuthProvider(v: unknown): UserEntry["authProvider"] {
  if (!isRecord(v) || typeof v.name !== "string") return undefined;
  const config: Record<string, string> = {};
  if (isRecord(v.config)) {
    for (const [k, x] of Object.entries(v.config)) if (typeof x === "string") config[k] = x;
  }
  return { name: v.name, config };
}
