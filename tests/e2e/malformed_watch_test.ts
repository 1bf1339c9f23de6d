/**
 * A server that answers every watch with a line that is not JSON. No real API server does that,
 * so a scripted one stands in; the list it serves is valid. The watch must say so on stderr and,
 * when `--for` ends, exit 5 instead of 0.
 */
import assert from "node:assert/strict";
import { hyperctl } from "../support/cli.ts";

Deno.test({
  name: "a watch that only gets malformed event lines says so and exits 5 when --for ends",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    let watches = 0;
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
      if (new URL(req.url).searchParams.get("watch") !== "true") {
        return Response.json({
          kind: "VirtualMachineList",
          apiVersion: "hypersdk.io/v1alpha1",
          metadata: { resourceVersion: "10" },
          items: [],
        });
      }
      watches++;
      return new Response("{not json\n", { headers: { "content-type": "application/json" } });
    });
    const kubeconfig = await Deno.makeTempFile({ suffix: ".yaml" });
    await Deno.writeTextFile(
      kubeconfig,
      `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "http://127.0.0.1:${server.addr.port}"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
current-context: x
`,
    );
    try {
      const r = await hyperctl(["vm", "list", "-w", "-o", "json", "--for", "6s"], { kubeconfig });
      assert.equal(r.code, 5, r.stderr);
      assert.equal(r.stdout, "");
      const lines = r.stderr.trimEnd().split("\n");
      // Retries about 1 s, 2 s, 4 s apart; the same reason is repeated at most once per 10 s.
      assert.equal(lines.length, 2, r.stderr);
      assert.match(
        lines[0],
        /^reconnecting: .*cannot decode watch event: not JSON: \{not json \(attempt 1, next in 1s\)$/,
      );
      assert.match(
        lines[1],
        /^error: --for 6s ended while the cluster at .* unreachable \(for \d+s, \d+ attempts\): .*not JSON/,
      );
      assert.ok(watches >= 3, `${watches} watch requests`);
    } finally {
      await server.shutdown();
      await Deno.remove(kubeconfig);
    }
  },
});
