/**
 * The leanest paged list a Deno program can do, for the memory floor of "RSS flat from 1 000 to
 * 100 000 VMs": the same pages as raw_pages.ts over one TLS connection with HTTP/1.1 written by
 * hand (no `fetch`, so no body buffers of the runtime's HTTP client), read through one reused
 * 64 KiB buffer, each page parsed and dropped, and a full garbage collection after every second
 * page (run it with `--v8-flags=--expose-gc`; after every page its peak was 1-2 MiB lower at twice
 * the CPU). What its peak RSS still gains with the fleet is the runtime's own: V8's heap pages and
 * the code it touches, not anything a client keeps. It speaks HTTP/1.1 without compression, so on
 * a real network it would move several times the bytes `fetch` does: a measure, not a client.
 *
 * Usage: RAW_SERVER=… RAW_CA_FILE=… RAW_TOKEN=… deno run -A --v8-flags=--expose-gc lean_pages.ts
 * PATH CHUNK [metadata] — prints the same JSON line as raw_pages.ts.
 * @module
 */

import { METADATA_LIST_ACCEPT } from "../../src/k8s/_partial_metadata.ts";

/** An HTTP/1.1 response reader over one connection and one reused buffer. */
class Reader {
  #buf = new Uint8Array(64 * 1024);
  #start = 0;
  #end = 0;
  constructor(private conn: Deno.Conn) {}

  async #fill(): Promise<void> {
    if (this.#start > 0) {
      this.#buf.copyWithin(0, this.#start, this.#end);
      this.#end -= this.#start;
      this.#start = 0;
    }
    if (this.#end === this.#buf.length) throw new Error("a header line longer than 64 KiB");
    const n = await this.conn.read(this.#buf.subarray(this.#end));
    if (n === null) throw new Error("the server closed the connection");
    this.#end += n;
  }

  /** The next line, without its CRLF. */
  async line(): Promise<string> {
    for (;;) {
      for (let i = this.#start; i + 1 < this.#end; i++) {
        if (this.#buf[i] === 13 && this.#buf[i + 1] === 10) {
          const text = new TextDecoder().decode(this.#buf.subarray(this.#start, i));
          this.#start = i + 2;
          return text;
        }
      }
      await this.#fill();
    }
  }

  /** `n` body bytes, decoded into `parts` piece by piece. */
  async body(n: number, decoder: TextDecoder, parts: string[]): Promise<void> {
    while (n > 0) {
      if (this.#start === this.#end) await this.#fill();
      const take = Math.min(n, this.#end - this.#start);
      parts.push(
        decoder.decode(this.#buf.subarray(this.#start, this.#start + take), { stream: true }),
      );
      this.#start += take;
      n -= take;
    }
  }
}

/** One response's status line and body text (Content-Length or chunked). */
async function response(reader: Reader): Promise<{ status: string; text: string }> {
  const status = await reader.line();
  let length = 0;
  let chunked = false;
  for (let header = await reader.line(); header !== ""; header = await reader.line()) {
    const colon = header.indexOf(":");
    const name = header.slice(0, colon).toLowerCase();
    const value = header.slice(colon + 1).trim();
    if (name === "content-length") length = Number(value);
    if (name === "transfer-encoding") chunked = value.toLowerCase().includes("chunked");
  }
  const decoder = new TextDecoder();
  const parts: string[] = [];
  if (chunked) {
    for (let size = parseInt(await reader.line(), 16); size > 0;) {
      await reader.body(size, decoder, parts);
      await reader.line();
      size = parseInt(await reader.line(), 16);
    }
    while (await reader.line() !== "") { /* trailers */ }
  } else {
    await reader.body(length, decoder, parts);
  }
  parts.push(decoder.decode());
  return { status, text: parts.join("") };
}

async function main([path, chunk, what]: string[]): Promise<void> {
  const accept = what === "metadata" ? METADATA_LIST_ACCEPT : "application/json";
  const env = (name: string) => Deno.env.get(name) ?? "";
  const server = new URL(env("RAW_SERVER"));
  const conn = await Deno.connectTls({
    hostname: server.hostname,
    port: Number(server.port || 443),
    caCerts: [await Deno.readTextFile(env("RAW_CA_FILE"))],
  });
  const reader = new Reader(conn);
  const encoder = new TextEncoder();
  const gc = (globalThis as { gc?: () => void }).gc;
  let token = "";
  let pages = 0, items = 0, bytes = 0, firstPageMs = NaN;
  do {
    const query = `limit=${chunk}` + (token ? `&continue=${encodeURIComponent(token)}` : "");
    await conn.write(encoder.encode(
      `GET ${path}?${query} HTTP/1.1\r\nHost: ${server.host}\r\n` +
        `Authorization: Bearer ${env("RAW_TOKEN")}\r\nAccept: ${accept}\r\n\r\n`,
    ));
    const { status, text } = await response(reader);
    if (!/^HTTP\/1\.1 200 /.test(status)) throw new Error(`${status}: ${text.slice(0, 200)}`);
    const page = JSON.parse(text);
    if (pages === 0) firstPageMs = performance.now();
    pages++;
    bytes += text.length;
    items += page.items.length;
    token = page.metadata?.continue ?? "";
    if (pages % 2 === 0) gc?.();
  } while (token);
  conn.close();
  console.log(JSON.stringify({ pages, items, bytes, firstPageMs, totalMs: performance.now() }));
}

if (import.meta.main) await main(Deno.args);
