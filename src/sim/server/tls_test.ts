import assert, { equal } from "node:assert/strict";
import * as x509 from "@peculiar/x509";
import { generateServerTls } from "./tls.ts";

Deno.test("generateServerTls: leaf is signed by the CA and names 127.0.0.1 and localhost", async () => {
  const tls = await generateServerTls(new Date("2026-01-01T00:00:00Z"));
  const ca = new x509.X509Certificate(tls.caPem);
  const leaf = new x509.X509Certificate(
    tls.certPem.split("-----END CERTIFICATE-----")[0] +
      "-----END CERTIFICATE-----",
  );
  assert(await leaf.verify({ publicKey: ca.publicKey, signatureOnly: true }));
  assert(await ca.isSelfSigned());
  const san = leaf.getExtension(x509.SubjectAlternativeNameExtension);
  const names = san?.names.items.map((n) => `${n.type}:${n.value}`) ?? [];
  equal(names.join(","), "ip:127.0.0.1,dns:localhost");
  assert(tls.keyPem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
});

Deno.test("generateServerTls: Deno.serve accepts the pair and a client pinning the CA connects", async () => {
  const tls = await generateServerTls();
  const ac = new AbortController();
  const server = Deno.serve(
    {
      hostname: "127.0.0.1",
      port: 0,
      cert: tls.certPem,
      key: tls.keyPem,
      signal: ac.signal,
      onListen: () => {},
    },
    () => new Response("ok"),
  );
  const client = Deno.createHttpClient({ caCerts: [tls.caPem] });
  try {
    for (const host of ["127.0.0.1", "localhost"]) {
      const res = await fetch(`https://${host}:${server.addr.port}/`, { client });
      equal(await res.text(), "ok");
    }
  } finally {
    client.close();
    ac.abort();
    await server.finished;
  }
});
