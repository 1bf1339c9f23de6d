/**
 * A local TCP proxy: listens on 127.0.0.1 and copies bytes to and from one remote endpoint, so a
 * VNC viewer, a browser page or an SSH tunnel only ever needs the local address.
 * @module
 */

/** Where the proxy forwards to. */
export interface TcpTarget {
  host: string;
  port: number;
}

/** Options of {@link startTcpProxy}. */
export interface TcpProxyOptions {
  /** Local port. @default 0 (a free port) */
  port?: number;
  /** Told when a connection to the target fails (one line, for stderr). @default ignored */
  onError?: (message: string) => void;
}

/** A listening proxy. */
export interface TcpProxy {
  /** Always 127.0.0.1: nothing outside this machine can use the proxy. */
  readonly address: string;
  readonly port: number;
  /** Stop listening and close every open connection. */
  close(): Promise<void>;
}

/** Open a TCP connection to `target` (shared by the TCP proxy and the WebSocket bridge). */
export async function connectTarget(target: TcpTarget): Promise<Deno.TcpConn> {
  return await Deno.connect({ hostname: target.host, port: target.port });
}

function closeQuietly(c: { close(): void }): void {
  try {
    c.close();
  } catch { /* already closed */ }
}

async function pipe(client: Deno.Conn, upstream: Deno.Conn): Promise<void> {
  // Either direction ending (or failing) ends the session: a VNC stream is useless half-open.
  await Promise.race([
    client.readable.pipeTo(upstream.writable).catch(() => {}),
    upstream.readable.pipeTo(client.writable).catch(() => {}),
  ]);
  closeQuietly(client);
  closeQuietly(upstream);
}

/**
 * Listen on 127.0.0.1 and forward each connection to `target`.
 *
 * @throws Deno.errors.AddrInUse when `options.port` is taken
 */
export function startTcpProxy(target: TcpTarget, options: TcpProxyOptions = {}): TcpProxy {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: options.port ?? 0 });
  const open = new Set<Deno.Conn>();
  const sessions = new Set<Promise<void>>();
  const serve = async (client: Deno.Conn) => {
    open.add(client);
    let upstream: Deno.TcpConn | undefined;
    try {
      upstream = await connectTarget(target);
      open.add(upstream);
      await pipe(client, upstream);
    } catch (e) {
      options.onError?.(
        `cannot connect to ${target.host}:${target.port}: ${e instanceof Error ? e.message : e}`,
      );
      closeQuietly(client);
    } finally {
      open.delete(client);
      if (upstream) open.delete(upstream);
    }
  };
  const accepting = (async () => {
    for await (const client of listener) {
      const session = serve(client);
      sessions.add(session);
      void session.finally(() => sessions.delete(session));
    }
  })().catch(() => {/* the listener was closed */});
  return {
    address: "127.0.0.1",
    port: (listener.addr as Deno.NetAddr).port,
    async close() {
      closeQuietly(listener);
      for (const c of open) closeQuietly(c);
      await accepting;
      await Promise.all(sessions);
    },
  };
}
