import assert, { equal, rejects } from "node:assert/strict";
import tls from "node:tls";
import { listen, type SimListener } from "./listen.ts";
import { generateServerTls, type ServerTls } from "./tls.ts";

// 1 MiB of varied bytes: a body that spans many TLS records and HTTP/2 frames
const BIG = Array.from({ length: 1 << 16 }, (_, i) => i.toString(16).padStart(15, "-") + "\n")
  .join("");

async function withListener(
  handler: (req: Request) => Promise<Response>,
  fn: (l: SimListener, pem: ServerTls) => Promise<void>,
): Promise<void> {
  const pem = await generateServerTls();
  const l = await listen("127.0.0.1", 0, pem, handler);
  try {
    await fn(l, pem);
  } finally {
    await l.close();
  }
}

function alpn(port: number, caPem: string, offer: string[]): Promise<string | false> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: "127.0.0.1", port, ca: caPem, ALPNProtocols: offer }, () => {
      resolve(s.alpnProtocol ?? false);
      s.destroy();
    });
    s.on("error", reject);
  });
}

Deno.test("listen: bodies arrive whole over HTTP/2 and HTTP/1.1, with path and query", async () => {
  const handler = (req: Request) => {
    const url = new URL(req.url);
    return Promise.resolve(new Response(`${url.pathname}?${url.searchParams}\n${BIG}`));
  };
  await withListener(handler, async (l, pem) => {
    for (const http2 of [true, false]) {
      const client = Deno.createHttpClient({ caCerts: [pem.caPem], http2, http1: !http2 });
      try {
        const res = await fetch(`https://127.0.0.1:${l.port}/apis/x?limit=500`, { client });
        const text = await res.text();
        equal(text.length, BIG.length + "/apis/x?limit=500\n".length, `http2: ${http2}`);
        assert(text === `/apis/x?limit=500\n${BIG}`, `http2: ${http2}: body differs`);
      } finally {
        client.close();
      }
    }
  });
});

Deno.test("listen: ALPN offers h2 and http/1.1, as kube-apiserver does", async () => {
  await withListener(() => Promise.resolve(new Response("ok")), async (l, pem) => {
    equal(await alpn(l.port, pem.caPem, ["h2", "http/1.1"]), "h2");
    equal(await alpn(l.port, pem.caPem, ["http/1.1"]), "http/1.1");
  });
});

Deno.test("listen: close() ends open streams instead of waiting for them", async () => {
  const handler = () =>
    Promise.resolve(
      new Response(
        new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("{}\n")) }),
      ),
    );
  const pem = await generateServerTls();
  const l = await listen("127.0.0.1", 0, pem, handler);
  const client = Deno.createHttpClient({ caCerts: [pem.caPem] });
  try {
    const res = await fetch(`https://127.0.0.1:${l.port}/watch`, { client });
    const reader = res.body!.getReader();
    equal(new TextDecoder().decode((await reader.read()).value), "{}\n");
    // a close() that waited for the stream would never return: the handler never ends it
    await l.close();
    // and the client sees the stream end (cut or closed), not hang
    await reader.read().then(() => reader.read()).catch(() => {});
  } finally {
    client.close();
  }
});

Deno.test("listen: a port in use is refused as AddrInUse", async () => {
  await withListener(() => Promise.resolve(new Response("ok")), async (l, pem) => {
    await rejects(
      listen("127.0.0.1", l.port, pem, () => Promise.resolve(new Response("ok"))),
      Deno.errors.AddrInUse,
    );
  });
});
