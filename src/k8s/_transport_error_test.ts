import assert from "node:assert/strict";
import { toTransportError } from "./_transport_error.ts";

/** Deno's fetch failure shape: TypeError("fetch failed") with the hyper/rustls text as cause. */
const fetchFailed = (cause: string) => new TypeError("fetch failed", { cause: new Error(cause) });

Deno.test("toTransportError() turns Deno fetch failures into short reasons", async (t) => {
  const url = "https://127.0.0.1:6443";
  const cases: [string, unknown, string, string][] = [
    [
      "refused",
      fetchFailed(
        "error sending request for url (https://127.0.0.1:32781/): client error (Connect): tcp connect error: Connection refused (os error 111)",
      ),
      "refused",
      "cannot reach the cluster at https://127.0.0.1:6443: connection refused",
    ],
    [
      "unknown CA",
      fetchFailed(
        "error sending request for url (https://localhost:1/): client error (Connect): invalid peer certificate: UnknownIssuer",
      ),
      "tls",
      "TLS handshake with https://127.0.0.1:6443 failed: certificate signed by unknown authority (check certificate-authority in the kubeconfig)",
    ],
    [
      "wrong name",
      fetchFailed(
        'error sending request for url (https://127.0.0.1:1/): client error (Connect): invalid peer certificate: certificate not valid for name "127.0.0.1"; certificate is only valid for DnsName("localhost")',
      ),
      "tls",
      'TLS handshake with https://127.0.0.1:6443 failed: the server certificate is not valid for "127.0.0.1" (it is valid for localhost; set tls-server-name if this is expected)',
    ],
    [
      "dns",
      fetchFailed(
        "error sending request for url (https://nope.invalid/): client error (Connect): dns error: failed to lookup address information: Name or service not known",
      ),
      "dns",
      "cannot reach the cluster at https://127.0.0.1:6443: no such host (DNS lookup failed)",
    ],
    [
      "bad port",
      new TypeError("Fetch failed: Requests to port 1 are blocked"),
      "blocked-port",
      'cannot reach the cluster at https://127.0.0.1:6443: port 1 is blocked by the fetch standard (a "bad port"); use another port',
    ],
    [
      "node refused",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
      "refused",
      "cannot reach the cluster at https://127.0.0.1:6443: connection refused",
    ],
    [
      "unknown text is kept, minus hyper's wrapping",
      fetchFailed(
        "error sending request for url (https://x/): client error (Connect): something odd",
      ),
      "other",
      "cannot reach the cluster at https://127.0.0.1:6443: something odd",
    ],
  ];
  for (const [name, err, failure, message] of cases) {
    await t.step(name, () => {
      const e = toTransportError(err, url);
      assert.equal(e.failure, failure);
      assert.equal(e.message, message);
    });
  }
});
