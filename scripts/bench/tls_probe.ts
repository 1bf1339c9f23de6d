/**
 * `deno run -A scripts/bench/tls_probe.ts KUBECONFIG cold|warm BUSY_MS`: time the first and a
 * second TLS request of a fresh process to the kubeconfig's server, through hyperctl's own
 * transport. Prints one JSON line: `{"firstMs":…,"secondMs":…}`.
 *
 * Why a separate process: the first handshake's extra cost (entropy gathering in Deno's TLS) is
 * paid once per process. `warm` starts `warmTlsEntropy()` as a real run does, then both modes
 * keep the main thread busy for BUSY_MS, standing in for loading the command.
 * @module
 */

import { loadKubeConfig, type ResolvedConfig } from "../../src/k8s/kubeconfig.ts";
import { createFetchTransport } from "../../src/k8s/fetch_transport.ts";
import { warmTlsEntropy } from "../../src/k8s/tls_warmup.ts";

/** One request on a new client (so a new connection); milliseconds until the body is read. */
async function timedRequest(config: ResolvedConfig): Promise<number> {
  const transport = createFetchTransport(config);
  const headers: Record<string, string> = {};
  if (config.token) headers.Authorization = `Bearer ${config.token}`;
  const start = performance.now();
  const res = await transport.send({
    method: "GET",
    url: `${config.server}/version`,
    headers,
    signal: new AbortController().signal,
  });
  await res.arrayBuffer();
  const ms = performance.now() - start;
  transport.close();
  return ms;
}

if (import.meta.main) {
  const [kubeconfig, mode, busy] = Deno.args;
  if (!kubeconfig || (mode !== "cold" && mode !== "warm") || !(Number(busy) >= 0)) {
    console.error("usage: tls_probe.ts KUBECONFIG cold|warm BUSY_MS");
    Deno.exit(2);
  }
  if (mode === "warm") void warmTlsEntropy();
  const until = performance.now() + Number(busy);
  while (performance.now() < until) {
    // Spin: the main thread is busy, as it is while a command's modules load.
  }
  const config = loadKubeConfig({ kubeconfig });
  const firstMs = await timedRequest(config);
  const secondMs = await timedRequest(config);
  console.log(JSON.stringify({ firstMs, secondMs }));
}
