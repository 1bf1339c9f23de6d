import assert from "node:assert/strict";
import { startTcpProxy } from "./tcp_proxy.ts";

Deno.test({
  name: "startTcpProxy(): bytes both ways; close() ends open sessions; a dead target is reported",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const target = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const serving = (async () => {
      for await (const conn of target) void conn.readable.pipeTo(conn.writable).catch(() => {});
    })().catch(() => {});
    const errors: string[] = [];
    const proxy = startTcpProxy(
      { host: "127.0.0.1", port: (target.addr as Deno.NetAddr).port },
      { onError: (m) => errors.push(m) },
    );
    assert.equal(proxy.address, "127.0.0.1");
    const client = await Deno.connect({ hostname: "127.0.0.1", port: proxy.port });
    await client.write(new TextEncoder().encode("ping"));
    const buf = new Uint8Array(4);
    let got = 0;
    while (got < 4) got += (await client.read(buf.subarray(got))) ?? 4;
    assert.equal(new TextDecoder().decode(buf), "ping");
    await proxy.close();
    assert.equal(await client.read(new Uint8Array(1)), null, "the session ends with the proxy");
    client.close();
    target.close();
    await serving;

    // Nothing listens on the target any more: the client is closed, the error reported.
    const dead = startTcpProxy({ host: "127.0.0.1", port: (target.addr as Deno.NetAddr).port }, {
      onError: (m) => errors.push(m),
    });
    const c2 = await Deno.connect({ hostname: "127.0.0.1", port: dead.port });
    assert.equal(await c2.read(new Uint8Array(1)), null);
    c2.close();
    await dead.close();
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^cannot connect to 127\.0\.0\.1:\d+: /);
  },
});
