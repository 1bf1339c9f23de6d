/**
 * The sim's TLS listener: terminates TLS with `TCP_NODELAY` set and pipes each connection's bytes
 * to `Deno.serve` on a Unix socket.
 *
 * Why not `Deno.serve({ cert, key })`: it leaves Nagle's algorithm on for the sockets it accepts
 * (and offers no option to turn it off). A list page is written as a run of 16 KiB TLS records;
 * Nagle holds the page's last, partial segment until the client acknowledges the previous one,
 * and Linux clients delay that acknowledgement by 40 ms. About half of the pages of a large list
 * stalled so, over HTTP/2 and HTTP/1.1 alike. `node:tls` sockets can set `TCP_NODELAY`, and a
 * Unix socket has no Nagle, so neither hop waits. `Deno.serve` still speaks HTTP: it reads the
 * HTTP/2 preface (negotiated here by ALPN) or an HTTP/1.1 request from the plain bytes.
 * @module
 */

import net from "node:net";
import tls from "node:tls";

/** A listening TLS front. */
export interface TlsFront {
  port: number;
  /** Stop accepting and drop every open connection. */
  close(): Promise<void>;
}

/** Where the front listens, what it presents, and the Unix socket it forwards to. */
export interface TlsFrontOptions {
  host: string;
  port: number;
  certPem: string;
  keyPem: string;
  innerPath: string;
}

/** Listen for TLS on `host:port`; resolves once listening (rejects as `Deno.serve` would). */
export function startTlsFront(o: TlsFrontOptions): Promise<TlsFront> {
  // every accepted socket, handshaken or not, so that close() need not wait for clients
  const open = new Set<net.Socket>();
  const server = tls.createServer({
    cert: o.certPem,
    key: o.keyPem,
    ALPNProtocols: ["h2", "http/1.1"],
  }, (outer) => pipeToInner(outer, o.innerPath));
  // a client that fails the handshake (bad CA, plain HTTP) only loses its own connection
  server.on("tlsClientError", (_e, socket) => socket.destroy());
  server.on("connection", (socket: net.Socket) => {
    socket.setNoDelay(true);
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => reject(listenError(e, o)));
    server.listen(o.port, o.host, () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const s of open) s.destroy();
          }),
      });
    });
  });
}

function pipeToInner(outer: tls.TLSSocket, innerPath: string): void {
  const inner = net.connect({ path: innerPath });
  const end = () => {
    outer.destroy();
    inner.destroy();
  };
  // errors (a reset by the client, the sim stopping) end both sides; close reports them
  outer.on("error", end).on("close", end);
  inner.on("error", end).on("close", end);
  outer.pipe(inner);
  inner.pipe(outer);
}

function listenError(e: NodeJS.ErrnoException, o: TlsFrontOptions): Error {
  const where = `${o.host}:${o.port}`;
  if (e.code === "EADDRINUSE") return new Deno.errors.AddrInUse(`address ${where} in use`);
  if (e.code === "EACCES") return new Deno.errors.PermissionDenied(`cannot listen on ${where}`);
  return e;
}
