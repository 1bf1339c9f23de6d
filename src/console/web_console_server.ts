/**
 * The local web server of `vm vnc --web`: the page (behind a one-time token), the noVNC script,
 * and a WebSocket that carries the RFB stream to and from the VM's VNC endpoint.
 *
 * Only 127.0.0.1 listens. The URL's token opens the page once; the page's WebSocket needs the
 * session key the page carries, and must come from this origin (no other site can drive it),
 * with this Host (no DNS rebinding).
 * @module
 */

import { connectTarget, type TcpTarget } from "./tcp_proxy.ts";
import { consolePage } from "./web_console_page.ts";

/** Options of {@link startWebConsole}. */
export interface WebConsoleOptions {
  /** Local port. @default 0 (a free port) */
  port?: number;
  /** Shown on the page (the VM's name). */
  title: string;
  /** The browser script (noVNC and the page's code). */
  script: string;
  /** Told about connection problems (one line, for stderr). @default ignored */
  onError?: (message: string) => void;
}

/** A running web console. */
export interface WebConsole {
  /** The page's URL with its one-time token. */
  readonly url: string;
  close(): Promise<void>;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)))
    .map((b) => b.toString(16).padStart(2, "0")).join("");
}

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Copy the RFB stream between a WebSocket and a TCP connection until either closes. */
function bridge(socket: WebSocket, target: TcpTarget, onError?: (m: string) => void): void {
  socket.binaryType = "arraybuffer";
  let tcp: Deno.TcpConn | undefined;
  const early: Uint8Array[] = [];
  const closeBoth = () => {
    try {
      tcp?.close();
    } catch { /* closed */ }
    if (socket.readyState === WebSocket.OPEN) socket.close();
  };
  socket.onmessage = (e) => {
    const chunk = new Uint8Array(e.data as ArrayBuffer);
    if (tcp) void tcp.write(chunk).catch(closeBoth);
    else early.push(chunk);
  };
  socket.onclose = closeBoth;
  socket.onopen = async () => {
    try {
      tcp = await connectTarget(target);
    } catch (e) {
      onError?.(`cannot connect to ${target.host}:${target.port}: ${(e as Error).message}`);
      socket.close(1011, "cannot reach the VM's VNC endpoint");
      return;
    }
    for (const chunk of early.splice(0)) await tcp.write(chunk);
    try {
      for await (const chunk of tcp.readable) {
        if (socket.readyState !== WebSocket.OPEN) break;
        socket.send(chunk);
      }
    } catch { /* the VM side closed */ }
    closeBoth();
  };
}

/** Serve the console of `target` on 127.0.0.1. */
export function startWebConsole(target: TcpTarget, options: WebConsoleOptions): WebConsole {
  let token: string | undefined = randomHex(16);
  const key = randomHex(16);
  const sockets = new Set<WebSocket>();
  const ac = new AbortController();
  let origin = "";
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: options.port ?? 0,
    signal: ac.signal,
    onListen: () => {},
  }, (req) => {
    const url = new URL(req.url);
    if (req.headers.get("host") !== new URL(origin).host) return text(403, "wrong host");
    if (req.method !== "GET") return text(405, "method not allowed");
    switch (url.pathname) {
      case "/": {
        if (token === undefined || url.searchParams.get("token") !== token) {
          return text(
            403,
            "this console link is invalid or was already used: run vm vnc --web again",
          );
        }
        token = undefined;
        return new Response(consolePage(options.title, key), {
          headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
        });
      }
      case "/novnc.js":
        return new Response(options.script, {
          headers: { "content-type": "text/javascript; charset=utf-8" },
        });
      case "/websockify": {
        if (url.searchParams.get("key") !== key) return text(403, "wrong session key");
        if (req.headers.get("origin") !== origin) return text(403, "wrong origin");
        const { socket, response } = Deno.upgradeWebSocket(req);
        sockets.add(socket);
        socket.addEventListener("close", () => sockets.delete(socket));
        bridge(socket, target, options.onError);
        return response;
      }
      default:
        return text(404, "not found");
    }
  });
  origin = `http://127.0.0.1:${server.addr.port}`;
  return {
    url: `${origin}/?token=${token}`,
    async close() {
      for (const s of sockets) s.close();
      ac.abort();
      await server.finished;
    },
  };
}
