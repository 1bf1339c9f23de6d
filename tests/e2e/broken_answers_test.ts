/**
 * A server that answers with broken JSON, through the CLI process: exit 1 with one clear line, or
 * for a watch a retry that says so on stderr, never exit 2, which promises that nothing was sent.
 *
 * Neither the real API server nor the sim ever sends a broken body, so a small HTTP server on
 * 127.0.0.1 plays the cluster here and counts what it was asked.
 */
import assert from "node:assert/strict";
import { hyperctl } from "../support/cli.ts";

const VMS = "/apis/hypersdk.io/v1alpha1/namespaces/default/virtualmachines";

const vm = (resourceVersion: string, phase: string) => ({
  apiVersion: "hypersdk.io/v1alpha1",
  kind: "VirtualMachine",
  metadata: { name: "web-1", namespace: "default", uid: "u-1", resourceVersion },
  spec: { cpus: 2, memory: "4Gi" },
  status: { phase },
});

const listBody = JSON.stringify({
  apiVersion: "hypersdk.io/v1alpha1",
  kind: "VirtualMachineList",
  metadata: { resourceVersion: "5" },
  items: [vm("5", "Running")],
});

/** What one request is answered with: a whole body, or watch lines sent and then held open. */
type Answer = { body: string } | { lines: string[] };

/** Serve `answer` over plain HTTP and write a kubeconfig for it; `close()` ends both. */
async function fakeCluster(answer: (url: URL, seen: string[]) => Answer) {
  const seen: string[] = [];
  const open: ReadableStreamDefaultController<Uint8Array>[] = [];
  const enc = new TextEncoder();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    const url = new URL(req.url);
    seen.push(`${url.pathname}${url.search}`);
    const a = answer(url, seen);
    const headers = { "content-type": "application/json" };
    if ("body" in a) return new Response(a.body, { headers });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const line of a.lines) c.enqueue(enc.encode(`${line}\n`));
        open.push(c);
      },
    });
    return new Response(stream, { headers });
  });
  const kubeconfig = await Deno.makeTempFile({ suffix: ".yaml" });
  await Deno.writeTextFile(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: "http://127.0.0.1:${server.addr.port}"}}]
users: [{name: nobody, user: {}}]
contexts: [{name: fake, context: {cluster: fake, user: nobody, namespace: default}}]
current-context: fake
`,
  );
  return {
    kubeconfig,
    seen,
    async close() {
      for (const c of open) {
        try {
          c.close();
        } catch { /* the client already went away */ }
      }
      await server.shutdown();
      await Deno.remove(kubeconfig);
    },
  };
}

Deno.test("a list answered with broken JSON exits 1 with one line naming the URL", async () => {
  const cluster = await fakeCluster(() => ({ body: listBody.slice(0, 60) }));
  try {
    const r = await hyperctl(["vm", "list", "-o", "json"], { kubeconfig: cluster.kubeconfig });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(
      r.stderr,
      /^error: unexpected response from http:\/\/127\.0\.0\.1:\d+\/apis\/hypersdk\.io\/v1alpha1\/namespaces\/default\/virtualmachines\?limit=500: response is not JSON: \{"apiVersion"/,
    );
    assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
    assert.deepEqual(cluster.seen, [`${VMS}?limit=500`], "the request was sent");
  } finally {
    await cluster.close();
  }
});

Deno.test("a get answered with broken JSON exits 1, not 2", async () => {
  const cluster = await fakeCluster(() => ({ body: "<html>proxy error</html>" }));
  try {
    const r = await hyperctl(["vm", "get", "web-1"], { kubeconfig: cluster.kubeconfig });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^error: unexpected response from .*: response is not JSON: <html>/);
    assert.deepEqual(cluster.seen, [`${VMS}/web-1`]);
  } finally {
    await cluster.close();
  }
});

Deno.test({
  name: "a broken watch event line is retried, said on stderr, and the next events still arrive",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    let watches = 0;
    const cluster = await fakeCluster((url) => {
      if (url.searchParams.get("watch") === null) return { body: listBody };
      watches += 1;
      return watches === 1
        ? { lines: ["{not json"] }
        : { lines: [JSON.stringify({ type: "MODIFIED", object: vm("6", "Stopped") })] };
    });
    try {
      const r = await hyperctl(["vm", "list", "-w", "-o", "json", "--for", "4s"], {
        kubeconfig: cluster.kubeconfig,
      });
      assert.equal(r.code, 0, r.stderr);
      const events = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
      assert.deepEqual(
        events.map((e) => [e.type, e.object.metadata.resourceVersion, e.object.status.phase]),
        [["ADDED", "5", "Running"], ["MODIFIED", "6", "Stopped"]],
      );
      assert.ok(watches >= 2, `watched ${watches} time(s)`);
      assert.match(
        r.stderr,
        /^reconnecting: unexpected response from http:\/\/127\.0\.0\.1:\d+\/\S+: cannot decode watch event: not JSON: \{not json \(attempt 1, next in [^)]+\)\n/,
      );
      assert.doesNotMatch(r.stderr, /error:/);
    } finally {
      await cluster.close();
    }
  },
});

Deno.test("a server that does not print tables answers a table list with objects: the same table", async () => {
  const cluster = await fakeCluster(() => ({ body: listBody }));
  try {
    const r = await hyperctl(["vm", "list", "-o", "wide"], { kubeconfig: cluster.kubeconfig });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(cluster.seen, [`${VMS}?limit=500&includeObject=None`]);
    const [header, row] = r.stdout.split("\n").map((l) => l.trimEnd().split(/\s+/));
    assert.deepEqual(header, [
      "NAME",
      "STATUS",
      "CPUS",
      "MEMORY",
      "NODE",
      "IPS",
      "AGE",
      "RUNNING",
      "IMAGE",
    ]);
    // No creationTimestamp here: AGE is empty too.
    assert.deepEqual(row, ["web-1", "Running", "2", "4Gi"]);
  } finally {
    await cluster.close();
  }
});

/** The table of an older CRD: it prints NAME and PHASE only. */
const olderCrdTable = JSON.stringify({
  kind: "Table",
  apiVersion: "meta.k8s.io/v1",
  metadata: { resourceVersion: "5" },
  columnDefinitions: [{ name: "Name", type: "string", format: "name" }, {
    name: "Phase",
    type: "string",
  }],
  rows: [{ cells: ["web-1", "Running"] }],
});

Deno.test("a server whose table has other columns than hyperctl's is listed again as objects", async () => {
  const cluster = await fakeCluster((url) => ({
    body: url.searchParams.has("includeObject") ? olderCrdTable : listBody,
  }));
  try {
    const r = await hyperctl(["vm", "list"], { kubeconfig: cluster.kubeconfig });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(cluster.seen, [`${VMS}?limit=500&includeObject=None`, `${VMS}?limit=500`]);
    const [header, row] = r.stdout.split("\n").map((l) => l.trimEnd().split(/\s+/));
    assert.deepEqual(header, ["NAME", "STATUS", "CPUS", "MEMORY", "NODE", "IPS", "AGE"]);
    assert.deepEqual(row, ["web-1", "Running", "2", "4Gi"]);
  } finally {
    await cluster.close();
  }
});

Deno.test("get of several kinds reads a kind again as objects when its table has other columns", async () => {
  const emptyOps = JSON.stringify({ kind: "VMOperationList", metadata: {}, items: [] });
  const cluster = await fakeCluster((url) => ({
    body: url.pathname.endsWith("/vmoperations")
      ? emptyOps
      : url.searchParams.has("includeObject")
      ? olderCrdTable
      : listBody,
  }));
  try {
    const r = await hyperctl(["get", "vm,vmop"], { kubeconfig: cluster.kubeconfig });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(cluster.seen.includes(`${VMS}?limit=500&includeObject=None`), cluster.seen.join());
    assert.ok(cluster.seen.includes(`${VMS}?limit=500`), cluster.seen.join());
    const row = r.stdout.split("\n")[1].trimEnd().split(/\s+/);
    assert.deepEqual(row, ["virtualmachine.hypersdk.io/web-1", "Running", "2", "4Gi"]);
  } finally {
    await cluster.close();
  }
});
