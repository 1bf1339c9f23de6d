/**
 * Turn the global flags into a cluster connection (kubeconfig → client).
 *
 * Kept apart from real_deps.ts so that `--help` never loads the k8s modules.
 * @module
 */

import { createKubeApi } from "../k8s/client.ts";
import { loadContextNames, loadKubeConfig } from "../k8s/kubeconfig.ts";
import type { Connection, GlobalFlags } from "./deps.ts";
import { parseRequestTimeout } from "./global_flags.ts";
import { checkOneContext } from "./one_context.ts";

/** Options of connect. */
export interface ConnectOptions {
  /** Where `-v` request lines go. */
  log: (line: string) => void;
}

/** Resolve the kubeconfig like kubectl and build a client with the request timeout. */
export function connect(flags: GlobalFlags, options: ConnectOptions): Promise<Connection> {
  const requestTimeoutMs = parseRequestTimeout(flags.requestTimeout);
  checkOneContext(flags.context, () => loadContextNames({ kubeconfig: flags.kubeconfig }));
  const config = loadKubeConfig({
    kubeconfig: flags.kubeconfig,
    context: flags.context,
    namespace: flags.namespace,
  });
  const api = createKubeApi(config, {
    requestTimeoutMs,
    log: flags.verbose ? options.log : undefined,
  });
  return Promise.resolve({
    api,
    namespace: config.namespace,
    contextName: config.contextName ?? "in-cluster",
    close: () => api.close(),
  });
}
