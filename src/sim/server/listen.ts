/**
 * Where the sim's HTTP handler listens: HTTPS on `host:port`, through the TLS front (Nagle off)
 * to `Deno.serve` on a Unix socket in a private temporary folder. On Windows, whose Unix
 * sockets Deno does not serve everywhere, `Deno.serve` terminates TLS itself.
 * @module
 */

import type { ServerTls } from "./tls.ts";
import { startTlsFront } from "./tls_front.ts";

/** A listening sim endpoint. */
export interface SimListener {
  port: number;
  /** Stop accepting, close every connection and remove the Unix socket. */
  close(): Promise<void>;
}

/** Serve `handler` over HTTPS (HTTP/2 or HTTP/1.1 by ALPN) on `host:port` (0: any free port). */
export async function listen(
  host: string,
  port: number,
  tls: ServerTls,
  handler: (req: Request) => Promise<Response>,
): Promise<SimListener> {
  const ac = new AbortController();
  if (Deno.build.os === "windows") {
    const server = Deno.serve({
      hostname: host,
      port,
      cert: tls.certPem,
      key: tls.keyPem,
      signal: ac.signal,
      onListen: () => {},
    }, handler);
    return {
      port: server.addr.port,
      close: async () => {
        ac.abort();
        await server.finished;
      },
    };
  }
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-sim-" });
  const innerPath = `${dir}/http.sock`;
  const server = Deno.serve({ path: innerPath, signal: ac.signal, onListen: () => {} }, handler);
  try {
    const front = await startTlsFront({
      host,
      port,
      certPem: tls.certPem,
      keyPem: tls.keyPem,
      innerPath,
    });
    return {
      port: front.port,
      close: async () => {
        await front.close();
        ac.abort();
        await server.finished;
        await Deno.remove(dir, { recursive: true });
      },
    };
  } catch (e) {
    ac.abort();
    await server.finished;
    await Deno.remove(dir, { recursive: true });
    throw e;
  }
}
