/**
 * node:https transport, used only for `insecure-skip-tls-verify` and `tls-server-name`: fetch's
 * HttpClient cannot skip verification or verify against a name other than the URL's host, while
 * Deno's node:https honours `rejectUnauthorized: false` and `servername`. node:https is imported
 * lazily so the common path never loads it.
 * @module
 */

import type { TlsSettings, Transport, TransportRequest } from "./_transport_types.ts";

type Https = typeof import("node:https");
type Agent = import("node:https").Agent;

/** A Transport on node:https with a keep-alive agent carrying the TLS options. */
export function createNodeTransport(settings: TlsSettings): Transport {
  let agent: Promise<{ https: Https; agent: Agent }> | undefined;
  const load = () =>
    agent ??= import("node:https").then((https) => ({
      https,
      agent: new https.Agent({
        keepAlive: true,
        ca: settings.caData,
        cert: settings.clientCertData,
        key: settings.clientKeyData,
        rejectUnauthorized: !settings.insecureSkipTlsVerify,
        servername: settings.tlsServerName,
      }),
    }));
  return {
    async send(req: TransportRequest): Promise<Response> {
      const { https, agent: a } = await load();
      return await nodeRequest(https, a, settings, req);
    },
    close() {
      void agent?.then(({ agent }) => agent.destroy());
    },
  };
}

function nodeRequest(
  https: Https,
  agent: Agent,
  settings: TlsSettings,
  req: TransportRequest,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (req.signal.aborted) return reject(req.signal.reason);
    const url = new URL(req.url);
    const r = https.request({
      agent,
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port || 443,
      path: url.pathname + url.search,
      method: req.method,
      headers: req.headers,
      // Options given per request too: Deno's node:https reads TLS options from either place.
      ca: settings.caData,
      cert: settings.clientCertData,
      key: settings.clientKeyData,
      rejectUnauthorized: !settings.insecureSkipTlsVerify,
      servername: settings.tlsServerName,
    }, (res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
        else if (v !== undefined) headers.set(k, String(v));
      }
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          res.on("data", (chunk: Uint8Array) => controller.enqueue(new Uint8Array(chunk)));
          res.on("end", () => controller.close());
          res.on("error", (e) => controller.error(e));
          req.signal.addEventListener("abort", () => {
            res.destroy();
            try {
              controller.error(req.signal.reason);
            } catch { /* already closed */ }
          }, { once: true });
        },
        cancel() {
          res.destroy();
        },
      });
      const noBody = res.statusCode === 204 || res.statusCode === 304;
      resolve(
        new Response(noBody ? null : body, {
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          headers,
        }),
      );
    });
    const onAbort = () => r.destroy(req.signal.reason as Error);
    req.signal.addEventListener("abort", onAbort, { once: true });
    r.on("error", (e) => reject(req.signal.aborted ? req.signal.reason : e));
    r.on("close", () => req.signal.removeEventListener("abort", onAbort));
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
