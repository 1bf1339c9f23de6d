/**
 * `hyperctl version [--client] [-o json|yaml]`, as `kubectl version`: the client's build, then the
 * server's version and which hypersdk.io API versions the cluster serves.
 *
 * The client part is always printed first, so an unreachable cluster still tells a bug report
 * which binary it came from (the error follows, exit 1). `--client` never contacts a cluster.
 * @module
 */

import { GROUP, VERSION as API_VERSION } from "../../core/kinds.ts";
import { escapeCell } from "../../render/escape.ts";
import type { KubeApi } from "../../k8s/api.ts";
import { BUILD_STAMP } from "../build_stamp.ts";
import { mapValid } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { switchFlag } from "../command_spec.ts";
import { CLUSTER_GLOBALS, REPORT_OUTPUTS } from "../honoured_globals.ts";
import { VERSION } from "../version.ts";
import { checkReport, type ReportOptions } from "./report_flags.ts";

/** The client's build and runtime. */
export interface ClientVersion {
  /** e.g. 0.2.0 */
  version: string;
  /** Full commit; "" when running from a checkout (nothing stamped). */
  gitCommit: string;
  /** RFC 3339; "" when running from a checkout. */
  buildDate: string;
  deno: string;
  v8: string;
  typescript: string;
  /** Deno's target triple, e.g. x86_64-unknown-linux-gnu. */
  target: string;
}

/** What `version -o json` prints; the server fields are absent with `--client` or on error. */
export interface VersionReport {
  clientVersion: ClientVersion;
  /** The server's `/version` document, as it sent it. */
  serverVersion?: Record<string, unknown>;
  /** Versions of the hypersdk.io API group the cluster serves (empty: CRDs not installed). */
  hypersdkVersions?: string[];
}

/** This process's client version. */
export function clientVersion(): ClientVersion {
  return {
    version: VERSION,
    gitCommit: BUILD_STAMP?.commit ?? "",
    buildDate: BUILD_STAMP?.date ?? "",
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    target: Deno.build.target,
  };
}

/** The cluster's `/version` and its served hypersdk.io versions (404 on the group: none). */
export async function fetchServerVersion(
  api: KubeApi,
): Promise<Required<Omit<VersionReport, "clientVersion">>> {
  const serverVersion = await api.getRaw("/version") as Record<string, unknown>;
  let group: { versions?: { version?: unknown }[] } | undefined;
  try {
    group = await api.getRaw(`/apis/${GROUP}`) as typeof group;
  } catch (e) {
    if ((e as { code?: number }).code !== 404) throw e;
  }
  const hypersdkVersions = (group?.versions ?? []).map((v) => v.version)
    .filter((v): v is string => typeof v === "string");
  return { serverVersion, hypersdkVersions };
}

/**
 * The one-line warning for served hypersdk.io versions this client cannot use, if any.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { servedVersionWarning } from "./version.ts";
 * equal(servedVersionWarning(["v1alpha1"]), undefined);
 * ```
 */
export function servedVersionWarning(served: readonly string[]): string | undefined {
  if (served.includes(API_VERSION)) return undefined;
  if (served.length === 0) {
    return `warning: the cluster serves no ${GROUP} API: the HyperSDK CRDs are not installed ` +
      `(hyperctl status lists them)`;
  }
  return `warning: the cluster serves ${GROUP} ${served.map(escapeCell).join(", ")}, ` +
    `which this hyperctl does not know (it uses ${API_VERSION})`;
}

/** The human-readable report, one `Key: value` line each; the server's strings escaped. */
export function formatVersion(report: VersionReport): string {
  const c = report.clientVersion;
  const rows: [string, string][] = [
    ["Client Version", `v${c.version}`],
    ["Git Commit", c.gitCommit || "(none: running from source)"],
    ["Build Date", c.buildDate || "(none: running from source)"],
    ["Deno", `${c.deno} (V8 ${c.v8}, TypeScript ${c.typescript})`],
    ["Target", c.target],
  ];
  if (report.serverVersion) {
    rows.push(["Server Version", escapeCell(String(report.serverVersion.gitVersion ?? "unknown"))]);
    const served = report.hypersdkVersions ?? [];
    rows.push([
      "HyperSDK API",
      served.map((v) => `${GROUP}/${escapeCell(v)}`).join(", ") || "(not served)",
    ]);
  }
  const width = Math.max(...rows.map(([k]) => k.length)) + 1;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}\n`).join("");
}

async function render(report: VersionReport, output: string): Promise<string> {
  if (output === "json") return JSON.stringify(report, null, 2) + "\n";
  // kubectl's YAML (its key order and quoting), loaded only for -o yaml.
  if (output === "yaml") return (await import("../../render/yaml.ts")).toYaml(report);
  return formatVersion(report);
}

/** Checked options of `version`. */
export interface VersionOptions extends ReportOptions {
  /** `--client`: the client's version only, no cluster contacted. */
  clientOnly: boolean;
}

/** `version`. */
export const versionCommand = defineCommand({
  spec: {
    name: "version",
    description: "print the client's and the server's versions",
    flags: [switchFlag("--client", "the client's version only (contacts no cluster)")] as const,
    globals: [...CLUSTER_GLOBALS, "--output"],
    outputFormats: REPORT_OUTPUTS,
  },
  parse: ({ flags }) =>
    mapValid(checkReport(flags), (report): VersionOptions => ({
      ...report,
      clientOnly: flags.client,
    })),
  async run(options, deps) {
    const report: VersionReport = { clientVersion: clientVersion() };
    if (options.clientOnly) {
      await deps.io.out.write(await render(report, options.output));
      return;
    }
    let failure: unknown;
    try {
      const conn = await deps.connect(options.globals);
      try {
        Object.assign(report, await fetchServerVersion(conn.api));
      } finally {
        conn.close();
      }
    } catch (e) {
      failure = e;
    }
    await deps.io.out.write(await render(report, options.output));
    if (failure !== undefined) throw failure; // after the client part, as kubectl does
    const warning = servedVersionWarning(report.hypersdkVersions ?? []);
    if (warning) await deps.io.err.write(`${warning}\n`);
  },
});
