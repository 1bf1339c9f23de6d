/**
 * createKubeApi() against a small local HTTP server that records requests: paths, content types,
 * query parameters, watch streaming, timeouts, token rotation and the exec 401 retry. The real
 * API server suite (tests/integration/connection_test.ts) covers TLS and authorization.
 */
import assert from "node:assert/strict";
import { createKubeApi } from "./client.ts";
import type { ResolvedConfig } from "./kubeconfig.ts";
import type { ResourceRef } from "./api.ts";

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  authorization: string | null;
  body: string;
}

/** Starts a server; `handler` may return a Response, else the request is echoed as an object. */
function serve(handler?: (req: Request, seen: Seen) => Response | undefined) {
  const seen: Seen[] = [];
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (req) => {
    const u = new URL(req.url);
    const s: Seen = {
      method: req.method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      contentType: req.headers.get("content-type"),
      authorization: req.headers.get("authorization"),
      body: await req.text(),
    };
    seen.push(s);
    return handler?.(req, s) ??
      Response.json({ kind: "VirtualMachine", metadata: { name: "echo" }, items: [] });
  });
  const config = (over: Partial<ResolvedConfig> = {}): ResolvedConfig => ({
    server: `http://127.0.0.1:${server.addr.port}`,
    namespace: "default",
    source: ["test"],
    insecureSkipTlsVerify: false,
    username: "tester",
    token: "secret-token",
    ...over,
  });
  return { seen, server, config };
}

const VMS: ResourceRef = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "prod",
};

Deno.test("createKubeApi() sends the right paths, content types and query parameters", async () => {
  const { seen, server, config } = serve();
  using api = createKubeApi(config());
  await api.list({ ...VMS, namespace: undefined }, { labelSelector: "app=web", limit: 500 });
  await api.get(VMS, "web-1");
  await api.create(VMS, { metadata: { name: "web-1" } }, { dryRun: true });
  await api.replace(VMS, "web-1", { metadata: { name: "web-1" } }, { subresource: "status" });
  await api.patch(VMS, "web-1", { spec: { cpus: 2 } }, { type: "merge" });
  await api.patch(VMS, "web-1", [{ op: "remove", path: "/spec/x" }], { type: "json" });
  await api.patch(VMS, "web-1", { status: { phase: "Running" } }, {
    type: "apply",
    subresource: "status",
    force: true,
  });
  await api.delete(VMS, "web-1", { propagationPolicy: "Background", dryRun: true });
  await api.getRaw("/apis/hypersdk.io/v1alpha1?x=1");
  await server.shutdown();
  const base = "/apis/hypersdk.io/v1alpha1";
  const obj = `${base}/namespaces/prod/virtualmachines/web-1`;
  assert.deepEqual(seen.map((s) => [s.method, s.path, s.query, s.contentType]), [
    ["GET", `${base}/virtualmachines`, { labelSelector: "app=web", limit: "500" }, null],
    ["GET", obj, {}, null],
    ["POST", `${base}/namespaces/prod/virtualmachines`, { dryRun: "All" }, "application/json"],
    ["PUT", `${obj}/status`, {}, "application/json"],
    ["PATCH", obj, {}, "application/merge-patch+json"],
    ["PATCH", obj, {}, "application/json-patch+json"],
    [
      "PATCH",
      `${obj}/status`,
      { fieldManager: "hyperctl", force: "true" },
      "application/apply-patch+yaml",
    ],
    ["DELETE", obj, { dryRun: "All" }, "application/json"],
    ["GET", base, { x: "1" }, null],
  ]);
  assert.deepEqual(JSON.parse(seen[7].body), {
    kind: "DeleteOptions",
    apiVersion: "v1",
    propagationPolicy: "Background",
    dryRun: ["All"],
  });
  assert.ok(seen.every((s) => s.authorization === "Bearer secret-token"));
});

Deno.test("createKubeApi() logs one line per request without credentials", async () => {
  const { server, config } = serve((_r, s) =>
    s.path.endsWith("/nope") ? Response.json({}, { status: 404 }) : undefined
  );
  const lines: string[] = [];
  using api = createKubeApi(config(), { log: (l) => lines.push(l) });
  await api.list(VMS, { limit: 500 });
  await assert.rejects(api.get(VMS, "nope"));
  await server.shutdown();
  assert.equal(lines.length, 2);
  assert.match(
    lines[0],
    /^GET http:\/\/127\.0\.0\.1:\d+\/apis\/hypersdk\.io\/v1alpha1\/namespaces\/prod\/virtualmachines\?limit=500 200 OK in \d+ms$/,
  );
  assert.match(lines[1], / 404 Not Found in \d+ms$/);
  assert.ok(!lines.join("\n").includes("secret-token"));
});

Deno.test("createKubeApi() re-reads the token file on every request", async () => {
  const { seen, server, config } = serve();
  const file = await Deno.makeTempFile();
  try {
    using api = createKubeApi(config({ token: undefined, tokenFile: file }));
    await Deno.writeTextFile(file, "first\n");
    await api.get(VMS, "a");
    await Deno.writeTextFile(file, "rotated\n");
    await api.get(VMS, "a");
  } finally {
    await server.shutdown();
    await Deno.remove(file);
  }
  assert.deepEqual(seen.map((s) => s.authorization), ["Bearer first", "Bearer rotated"]);
});

Deno.test("createKubeApi() re-runs the exec plugin once after a 401", async () => {
  const dir = await Deno.makeTempDir();
  const { seen, server, config } = serve((_r, s) =>
    s.authorization === "Bearer token-2"
      ? undefined
      : Response.json({ kind: "Status", code: 401 }, { status: 401 })
  );
  try {
    // Each run prints the next token: the first is rejected, the second accepted.
    const script = `${dir}/plugin.sh`;
    await Deno.writeTextFile(
      script,
      `#!/bin/sh\nn=$(cat ${dir}/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${dir}/n\n` +
        `echo '{"kind":"ExecCredential","status":{"token":"token-'$n'"}}'\n`,
    );
    await Deno.chmod(script, 0o755);
    using api = createKubeApi(config({
      token: undefined,
      exec: {
        command: script,
        args: [],
        env: [],
        provideClusterInfo: false,
        interactiveMode: "Never",
      },
    }));
    await api.get(VMS, "a");
    await api.get(VMS, "a"); // cached: no third run
    assert.deepEqual(seen.map((s) => s.authorization), [
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-2",
    ]);
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("watch() decodes events as they arrive and ends on server close", async () => {
  const enc = new TextEncoder();
  const { seen, server, config } = serve(() =>
    new Response(
      new ReadableStream({
        async start(c) {
          c.enqueue(
            enc.encode('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n{"type":"MOD'),
          );
          await new Promise((r) => setTimeout(r, 20));
          c.enqueue(enc.encode('IFIED","object":{"metadata":{"name":"a"}}}\n\n'));
          c.enqueue(enc.encode('{"type":"ERROR","object":{"kind":"Status","code":410}}\n'));
          c.close();
        },
      }),
    )
  );
  using api = createKubeApi(config());
  const stream = await api.watch(VMS, {
    resourceVersion: "7",
    timeoutSeconds: 60,
    allowWatchBookmarks: true,
  });
  const types: string[] = [];
  for await (const e of stream) types.push(e.type);
  await server.shutdown();
  assert.deepEqual(types, ["ADDED", "MODIFIED", "ERROR"]);
  assert.deepEqual(seen[0].query, {
    watch: "true",
    resourceVersion: "7",
    timeoutSeconds: "60",
    allowWatchBookmarks: "true",
  });
});

Deno.test("watch() is not cut by the request timeout, and close() ends it quietly", async () => {
  const enc = new TextEncoder();
  let cancelled = false;
  const { server, config } = serve(() =>
    new Response(
      new ReadableStream({
        start(c) {
          c.enqueue(enc.encode('{"type":"ADDED","object":{}}\n'));
        },
        cancel() {
          cancelled = true;
        },
      }),
    )
  );
  using api = createKubeApi(config(), { requestTimeoutMs: 100 });
  const stream = await api.watch(VMS);
  const it = stream[Symbol.asyncIterator]();
  assert.equal((await it.next()).value?.type, "ADDED");
  const pending = it.next();
  await new Promise((r) => setTimeout(r, 300)); // longer than the request timeout
  stream.close();
  assert.equal((await pending).done, true);
  await server.shutdown();
  assert.ok(cancelled, "the server saw the request end");
});

Deno.test("requests honour the timeout and the caller's AbortSignal", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const conns: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const c of listener) conns.push(c); // accept, never answer
  })().catch(() => {});
  const server = `http://127.0.0.1:${listener.addr.port}`;
  const cfg: ResolvedConfig = { server, namespace: "d", source: [], insecureSkipTlsVerify: false };
  try {
    using api = createKubeApi(cfg, { requestTimeoutMs: 500 });
    const t0 = performance.now();
    await assert.rejects(api.list(VMS), (e: Error & { kind?: string; failure?: string }) => {
      assert.equal(e.kind, "transport");
      assert.equal(e.failure, "timeout");
      assert.match(
        e.message,
        /^request to http:\/\/127\.0\.0\.1:\d+\/apis\/.* timed out after 500ms$/,
      );
      return true;
    });
    const took = performance.now() - t0;
    assert.ok(took >= 450 && took < 2000, `took ${took}ms`);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await assert.rejects(api.list(VMS, {}, ac.signal), { name: "AbortError" });
  } finally {
    listener.close();
    conns.forEach((c) => c.close());
    await accepting;
  }
});

Deno.test("watch() throws a TransportError when the connection breaks mid-stream", async () => {
  const enc = new TextEncoder();
  const { server, config } = serve(() =>
    new Response(
      new ReadableStream({
        async start(c) {
          c.enqueue(enc.encode('{"type":"ADDED","object":{}}\n{"type":"MODI'));
          await new Promise((r) => setTimeout(r, 20));
          c.error(new Error("backend went away"));
        },
      }),
    )
  );
  using api = createKubeApi(config());
  const stream = await api.watch(VMS);
  const seen: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const e of stream) seen.push(e.type);
    })(),
    (e: Error & { kind?: string; failure?: string }) => {
      assert.equal(e.kind, "transport");
      assert.equal(e.failure, "stream", e.message);
      assert.match(
        e.message,
        /^the connection to http:\/\/127\.0\.0\.1:\d+\/apis\/.*watch=true broke off: /,
      );
      return true;
    },
  );
  assert.deepEqual(seen, ["ADDED"]);
  await server.shutdown();
});

Deno.test("proxy-url sends requests through the proxy", async () => {
  const proxied: string[] = [];
  const proxy = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, (req) => {
    proxied.push(`${req.method} ${req.url}`);
    return Response.json({ items: [{ metadata: { name: "via-proxy" } }] });
  });
  try {
    // The host does not resolve: only a proxy can answer.
    using api = createKubeApi({
      server: "http://cluster.invalid:6443",
      namespace: "d",
      source: [],
      insecureSkipTlsVerify: false,
      proxyUrl: `http://127.0.0.1:${proxy.addr.port}`,
    });
    const list = await api.list(VMS);
    assert.equal(list.items[0].metadata?.name, "via-proxy");
    assert.deepEqual(proxied, [
      "GET http://cluster.invalid:6443/apis/hypersdk.io/v1alpha1/namespaces/prod/virtualmachines",
    ]);
  } finally {
    await proxy.shutdown();
  }
});
