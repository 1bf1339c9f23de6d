/**
 * The default transport: `fetch` over one `Deno.HttpClient` holding the CA, client certificate
 * and proxy, so mutual TLS works natively (no https.Agent, which Deno ignores for client certs).
 * @module
 */

import { KubeConfigError } from "./errors.ts";
import type { TlsSettings, Transport, TransportRequest } from "./_transport_types.ts";

/** A Transport on fetch + Deno.createHttpClient. */
export function createFetchTransport(settings: TlsSettings): Transport {
  const options: Deno.CreateHttpClientOptions & Partial<Deno.TlsCertifiedKeyPem> = {};
  if (settings.caData) options.caCerts = [settings.caData];
  if (settings.clientCertData || settings.clientKeyData) {
    if (!settings.clientCertData || !settings.clientKeyData) {
      throw new KubeConfigError(
        `user "${settings.username ?? ""}" has a client ${
          settings.clientCertData ? "certificate but no key" : "key but no certificate"
        }`,
      );
    }
    options.cert = settings.clientCertData;
    options.key = settings.clientKeyData;
  }
  if (settings.proxyUrl) options.proxy = { url: settings.proxyUrl };
  let client: Deno.HttpClient;
  try {
    client = Deno.createHttpClient(options as Deno.CreateHttpClientOptions);
  } catch (e) {
    throw new KubeConfigError(
      `cannot use the TLS settings of user "${settings.username ?? ""}": ${(e as Error).message}`,
    );
  }
  return {
    send(req: TransportRequest): Promise<Response> {
      return fetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: req.signal,
        client,
      });
    },
    close() {
      client.close();
    },
  };
}
