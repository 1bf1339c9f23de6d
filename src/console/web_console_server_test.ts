import assert from "node:assert/strict";
import { startWebConsole } from "./web_console_server.ts";

/** A TCP echo server standing in for a VM's VNC endpoint. */
function echoServer() {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const done = (async () => {
    for await (const conn of listener) {
      void conn.readable.pipeTo(conn.writable).catch(() => {});
    }
  })().catch(() => {});
  return {
    port: (listener.addr as Deno.NetAddr).port,
    close: async () => {
      listener.close();
      await done;
    },
  };
}

/** GET /novnc.js with a Host header fetch() would not let us set. */
async function rawGet(port: string, host: string): Promise<string> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: Number(port) });
  await conn.write(
    new TextEncoder().encode(
      `GET /novnc.js HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ),
  );
  let text = "";
  for await (const chunk of conn.readable.pipeThrough(new TextDecoderStream())) text += chunk;
  return text;
}

Deno.test({
  name: "startWebConsole(): one-time page, the script, and a WebSocket only from its own page",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const echo = echoServer();
    const web = startWebConsole({ host: "127.0.0.1", port: echo.port }, {
      title: "web-1",
      script: "export {};",
    });
    const origin = new URL(web.url).origin;
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const r = await fetch(`${origin}${path}`, { headers });
      return { status: r.status, text: await r.text() };
    };
    try {
      assert.equal((await get("/?token=wrong")).status, 403);
      const page = await fetch(web.url);
      assert.equal(page.status, 200);
      const html = await page.text();
      const key = /data-key="([0-9a-f]{32})"/.exec(html)?.[1];
      assert.ok(key, html);
      assert.equal(await fetch(web.url).then((r) => r.body?.cancel().then(() => r.status)), 403);
      assert.deepEqual(await get("/novnc.js"), { status: 200, text: "export {};" });
      assert.equal((await get(`/websockify?key=wrong`, { origin })).status, 403);
      assert.equal(
        (await get(`/websockify?key=${key}`, { origin: "http://evil.example" })).status,
        403,
      );
      // A page on another name for 127.0.0.1 (DNS rebinding) sends its own Host: refused.
      assert.match(await rawGet(new URL(origin).port, "evil.example"), /^HTTP\/1\.1 403/);

      const ws = new WebSocket(`${origin.replace("http", "ws")}/websockify?key=${key}`, {
        headers: { origin },
      });
      ws.binaryType = "arraybuffer";
      const echoed = new Promise<string>((resolve) => {
        ws.onmessage = (e) => resolve(new TextDecoder().decode(e.data as ArrayBuffer));
      });
      await new Promise((resolve) => ws.onopen = resolve);
      ws.send(new TextEncoder().encode("RFB 003.008\n"));
      assert.equal(await echoed, "RFB 003.008\n");
      const closed = new Promise((resolve) => ws.onclose = resolve);
      await web.close();
      await closed;
    } finally {
      await echo.close();
    }
  },
});
