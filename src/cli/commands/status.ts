/**
 * `hyperctl status`: can we reach the cluster, which HyperSDK CRDs does it serve (really checked,
 * not assumed as HyperSDK's CLI did), is the operator running, which server version.
 * @module
 */

import {
  type ClusterStatus,
  clusterStatus,
  operatorFromPods,
  type OperatorStatus,
} from "../../core/cluster_status.ts";
import { GROUP, KINDS, VERSION } from "../../core/kinds.ts";
import type { KubeApi } from "../../k8s/api.ts";
import { defineCommand } from "../command.ts";
import { CLUSTER_GLOBALS, REPORT_OUTPUTS } from "../honoured_globals.ts";
import { checkReport } from "./report_flags.ts";

async function optional(api: KubeApi, path: string): Promise<unknown> {
  try {
    return await api.getRaw(path);
  } catch (e) {
    // 404/403 mean "not there / not visible"; anything else (unreachable) is a real failure.
    const status = (e as { code?: number }).code;
    if (status === 404 || status === 403) return undefined;
    throw e;
  }
}

async function operatorStatus(api: KubeApi): Promise<OperatorStatus> {
  try {
    const pods = await api.getRaw(
      "/api/v1/namespaces/hypersdk-system/pods?labelSelector=app%3Dhypersdk-operator",
    );
    return operatorFromPods(pods);
  } catch (e) {
    const status = (e as { code?: number }).code;
    if (status === 404) return operatorFromPods(undefined, "the server has no core API (pods)");
    if (status === 403) return operatorFromPods(undefined, "not allowed to list pods");
    throw e;
  }
}

/** Fetch everything the report needs; throws (exit 1) only when the cluster is unreachable. */
export async function fetchClusterStatus(api: KubeApi): Promise<ClusterStatus> {
  const version = await api.getRaw("/version");
  const discovery = await optional(api, `/apis/${GROUP}/${VERSION}`);
  const crds: Record<string, unknown> = {};
  await Promise.all(KINDS.map(async (k) => {
    const name = `${k.plural}.${GROUP}`;
    crds[name] = await optional(
      api,
      `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
    );
  }));
  return clusterStatus({
    server: api.server,
    version,
    discovery,
    crds,
    operator: await operatorStatus(api),
  });
}

/** The human-readable report. */
export function formatStatus(s: ClusterStatus): string {
  const width = Math.max(...s.crds.map((c) => c.name.length));
  const lines = [
    `Server:    ${s.server} (${s.serverVersion})`,
    `Operator:  ${s.operator.state} (${s.operator.detail})`,
    "",
    `${"CRD".padEnd(width)}   INSTALLED   VERSIONS`,
    ...s.crds.map((c) =>
      `${c.name.padEnd(width)}   ${(c.installed ? "yes" : "no").padEnd(9)}   ${
        c.versions.join(",") || "-"
      }`
    ),
  ];
  return lines.join("\n") + "\n";
}

/** `status`. */
export const statusCommand = defineCommand({
  spec: {
    name: "status",
    description: "check the cluster: server version, HyperSDK CRDs, operator",
    flags: [] as const,
    globals: [...CLUSTER_GLOBALS, "--output"],
    outputFormats: REPORT_OUTPUTS,
  },
  parse: ({ flags }) => checkReport(flags),
  async run({ output, globals }, deps) {
    const conn = await deps.connect(globals);
    try {
      const status = await fetchClusterStatus(conn.api);
      const text = output === "json"
        ? JSON.stringify(status, null, 2) + "\n"
        : output === "yaml"
        ? (await import("../../render/yaml.ts")).toYaml(status) // kubectl's YAML, only for -o yaml
        : formatStatus(status);
      await deps.io.out.write(text);
      if (!status.healthy) {
        const missing = status.crds.filter((c) => !c.installed).map((c) => c.name);
        await deps.io.err.write(
          `error: ${missing.length} of ${status.crds.length} HyperSDK CRDs are not installed: ${
            missing.join(", ")
          }\n`,
        );
        deps.exitCode = 1;
      }
    } finally {
      conn.close();
    }
  },
});
