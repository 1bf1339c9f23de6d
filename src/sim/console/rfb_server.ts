/**
 * A small RFB (VNC, RFC 6143) server for a simulated VM: protocol 3.3/3.7/3.8, security type
 * None, a fixed-size framebuffer sent in the Raw encoding, input ignored. It is real enough for
 * any VNC client (noVNC, vncdotool, TigerVNC) to connect and show the VM's screen.
 * @module
 */

import { decodePixelFormat, encodePixelFormat, rawRect, SERVER_FORMAT } from "./rfb_pixels.ts";
import { renderScreen, SCREEN_HEIGHT, SCREEN_WIDTH, type ScreenText } from "./screen.ts";

/** A listening RFB server. */
export interface RfbServer {
  readonly port: number;
  /** Stop listening and close every client connection. */
  close(): Promise<void>;
}

/** How often a waiting incremental update request looks for a changed screen. */
const CHANGE_POLL_MS = 1000;

/** Reads exact byte counts from a connection. */
class Reader {
  #buf = new Uint8Array(0);
  #it: ReadableStreamDefaultReader<Uint8Array>;
  constructor(conn: Deno.Conn) {
    this.#it = conn.readable.getReader();
  }
  async exactly(n: number): Promise<Uint8Array> {
    while (this.#buf.length < n) {
      const { value, done } = await this.#it.read();
      if (done) throw new Error("client closed the connection");
      const next = new Uint8Array(this.#buf.length + value.length);
      next.set(this.#buf);
      next.set(value, this.#buf.length);
      this.#buf = next;
    }
    const out = this.#buf.slice(0, n);
    this.#buf = this.#buf.slice(n);
    return out;
  }
  release(): void {
    this.#it.releaseLock();
  }
}

const u8 = (...values: number[]) => new Uint8Array(values);

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Handshake (RFC 6143 §7.1–7.3) up to and including ServerInit. */
async function handshake(conn: Deno.Conn, reader: Reader, title: string): Promise<void> {
  await conn.write(new TextEncoder().encode("RFB 003.008\n"));
  const version = new TextDecoder().decode(await reader.exactly(12));
  const minor = Number(/^RFB 003\.(\d{3})\n$/.exec(version)?.[1] ?? NaN);
  if (!(minor >= 3)) throw new Error(`unknown protocol version ${JSON.stringify(version)}`);
  if (minor < 7) {
    await conn.write(u32(1)); // 3.3: the server picks None, and sends no SecurityResult
  } else {
    await conn.write(u8(1, 1)); // one security type: None
    const [chosen] = await reader.exactly(1);
    if (chosen !== 1) throw new Error(`client chose security type ${chosen}`);
    if (minor >= 8) await conn.write(u32(0)); // SecurityResult OK (3.7 sends none for None)
  }
  await reader.exactly(1); // ClientInit: the shared flag, irrelevant here
  const name = new TextEncoder().encode(title);
  const size = new Uint8Array(4);
  new DataView(size.buffer).setUint16(0, SCREEN_WIDTH);
  new DataView(size.buffer).setUint16(2, SCREEN_HEIGHT);
  await conn.write(concat([size, encodePixelFormat(SERVER_FORMAT), u32(name.length), name]));
}

/** One client session: handshake, then answer update requests until the client leaves. */
async function serveClient(conn: Deno.Conn, screen: () => ScreenText): Promise<void> {
  const reader = new Reader(conn);
  let format = SERVER_FORMAT;
  let sent = "";
  let waiting = false;
  let writing = Promise.resolve();
  const update = (force: boolean) => {
    const text = screen();
    const key = JSON.stringify(text);
    if (!force && key === sent) return;
    sent = key;
    waiting = false;
    const rgb = renderScreen(text);
    const header = new Uint8Array(16);
    const v = new DataView(header.buffer);
    v.setUint8(0, 0); // FramebufferUpdate
    v.setUint16(2, 1); // one rectangle
    v.setUint16(8, rgb.width);
    v.setUint16(10, rgb.height);
    v.setInt32(12, 0); // Raw
    const body = rawRect(rgb, 0, 0, rgb.width, rgb.height, format);
    writing = writing.then(() => conn.write(concat([header, body]))).then(() => {});
  };
  // An incremental request is answered only when the screen changes (RFC 6143 §7.5.3).
  const poll = setInterval(() => waiting && update(false), CHANGE_POLL_MS);
  try {
    await handshake(conn, reader, `${screen().name} (hyperctl sim)`);
    for (;;) {
      const [type] = await reader.exactly(1);
      switch (type) {
        case 0: // SetPixelFormat
          format = decodePixelFormat((await reader.exactly(19)).slice(3));
          break;
        case 2: { // SetEncodings: Raw is always allowed, so the list changes nothing
          const head = await reader.exactly(3);
          const count = new DataView(head.buffer).getUint16(1);
          await reader.exactly(count * 4);
          break;
        }
        case 3: { // FramebufferUpdateRequest
          const [incremental] = await reader.exactly(9);
          if (incremental) waiting = true;
          update(!incremental);
          break;
        }
        case 4: // KeyEvent
          await reader.exactly(7);
          break;
        case 5: // PointerEvent
          await reader.exactly(5);
          break;
        case 6: { // ClientCutText
          const head = await reader.exactly(7);
          await reader.exactly(new DataView(head.buffer).getUint32(3));
          break;
        }
        default:
          throw new Error(`unknown client message type ${type}`);
      }
    }
  } finally {
    clearInterval(poll);
    reader.release();
    await writing.catch(() => {});
    try {
      conn.close();
    } catch { /* already closed */ }
  }
}

/**
 * Serve a VM console on 127.0.0.1 and a free port; `screen` is read for every update, so the
 * picture follows the VM (its phase) while clients are connected.
 */
export function startRfbServer(screen: () => ScreenText): RfbServer {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const clients = new Set<Deno.Conn>();
  const sessions = new Set<Promise<void>>();
  const accepting = (async () => {
    for await (const conn of listener) {
      clients.add(conn);
      const session = serveClient(conn, screen).catch(() => {/* client gone or off-protocol */})
        .finally(() => {
          clients.delete(conn);
          sessions.delete(session);
        });
      sessions.add(session);
    }
  })().catch(() => {/* listener closed */});
  return {
    port: (listener.addr as Deno.NetAddr).port,
    async close() {
      try {
        listener.close();
      } catch { /* already closed */ }
      for (const c of clients) {
        try {
          c.close();
        } catch { /* already closed */ }
      }
      await accepting;
      await Promise.all(sessions);
    },
  };
}
