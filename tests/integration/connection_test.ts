/**
 * The connection layer against the real API server (tests/apiserver): every auth method, TLS
 * option and error class a user can meet, checked end to end through createKubeApi().
 *
 * The suite installs its own small CRD (widgets.conntest.hyperctl.io) so it depends only on the
 * server, not on the HyperSDK CRDs' current shape.
 */
import assert from "node:assert/strict";
import { type ApiServer, apiServerTest, freshNamespace } from "../support/apiserver.ts";
import { createKubeApi, type KubeApiOptions } from "../../src/k8s/client.ts";
import { loadKubeConfig, type ResolvedConfig } from "../../src/k8s/kubeconfig.ts";
import type { KubeApi, ResourceRef } from "../../src/k8s/api.ts";
import type { KubeObject } from "../../src/core/types.ts";

let server: ApiServer;
let crdReady: Promise<void> | undefined;

/** Binds the helpers below to the shared server and installs the test CRD once. */
async function setup(s: ApiServer): Promise<void> {
  server = s;
  await (crdReady ??= (async () => {
    using admin = clientFor("admin");
    await ensureCrd(admin);
  })());
}

/** `apiServerTest` with the CRD in place. */
function connTest(name: string, fn: (t: Deno.TestContext) => Promise<void>): void {
  apiServerTest(name, async (s, t) => {
    await setup(s);
    await fn(t);
  });
}

/** Resolves one context of the server's kubeconfig, with optional overrides. */
function configFor(context: string, over: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return { ...loadKubeConfig({ kubeconfig: server.kubeconfigPath, context }), ...over };
}

function clientFor(context: string, over: Partial<ResolvedConfig> = {}, opts: KubeApiOptions = {}) {
  return createKubeApi(configFor(context, over), opts);
}

const CRD_GROUP = "conntest.hyperctl.io";
const widgets = (namespace?: string): ResourceRef => ({
  group: CRD_GROUP,
  version: "v1",
  plural: "widgets",
  namespace,
});

/** Installs the test CRD once (idempotent) and waits until it is served. */
async function ensureCrd(api: KubeApi): Promise<void> {
  const crds: ResourceRef = {
    group: "apiextensions.k8s.io",
    version: "v1",
    plural: "customresourcedefinitions",
  };
  const crd: KubeObject = {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `widgets.${CRD_GROUP}` },
    spec: {
      group: CRD_GROUP,
      scope: "Namespaced",
      names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList" },
      versions: [{
        name: "v1",
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: "object",
            properties: {
              spec: {
                type: "object",
                properties: { size: { type: "integer", minimum: 1 }, color: { type: "string" } },
              },
              status: { type: "object", properties: { phase: { type: "string" } } },
            },
          },
        },
      }],
    },
  };
  await api.patch(crds, `widgets.${CRD_GROUP}`, crd, { type: "apply", force: true });
  for (let i = 0; i < 100; i++) {
    try {
      await api.list(widgets("probe"));
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("test CRD was not served within 10s");
}

const widget = (name: string, size = 1): KubeObject => ({
  apiVersion: `${CRD_GROUP}/v1`,
  kind: "Widget",
  metadata: { name },
  spec: { size, color: "red" },
});

connTest(
  "admin token: create, get, list, patch (merge, status, apply), replace, delete",
  async () => {
    const ns = freshNamespace("conn");
    using api = clientFor("admin");
    const ref = widgets(ns);
    const created = await api.create(ref, widget("w1"));
    assert.equal(created.metadata?.namespace, ns);
    assert.equal((await api.get(ref, "w1")).metadata?.uid, created.metadata?.uid);
    assert.deepEqual((await api.list(ref)).items.map((o) => o.metadata?.name), ["w1"]);
    assert.ok((await api.list(widgets(undefined))).items.some((o) => o.metadata?.namespace === ns));

    const merged = await api.patch(ref, "w1", { spec: { size: 3 } }, { type: "merge" });
    assert.deepEqual(merged.spec, { size: 3, color: "red" });
    const status = await api.patch(ref, "w1", { status: { phase: "Ready" } }, {
      type: "merge",
      subresource: "status",
    });
    assert.deepEqual(status.status, { phase: "Ready" });
    // Another manager ("hyperctl", the creator) owns spec.color: a clear 409, then force.
    const apply = { ...widget("w1"), spec: { color: "blue" } };
    await assert.rejects(
      api.patch(ref, "w1", apply, { type: "apply", fieldManager: "conn-test" }),
      (e: Error & { userMessage(): string }) => {
        assert.equal(
          e.userMessage(),
          `conflict: cannot apply widgets.${CRD_GROUP} "w1" in namespace "${ns}": Apply failed with 1 conflict: conflict with "hyperctl" using ${CRD_GROUP}/v1: .spec.color (force the apply to take over these fields)`,
        );
        return true;
      },
    );
    const applied = await api.patch(ref, "w1", apply, {
      type: "apply",
      fieldManager: "conn-test",
      force: true,
    });
    assert.equal((applied.spec as { color: string }).color, "blue");
    const jsonPatched = await api.patch(ref, "w1", [{
      op: "replace",
      path: "/spec/size",
      value: 5,
    }], {
      type: "json",
    });
    assert.equal((jsonPatched.spec as { size: number }).size, 5);
    const dry = await api.patch(ref, "w1", { spec: { size: 9 } }, { type: "merge", dryRun: true });
    assert.equal((dry.spec as { size: number }).size, 9);
    assert.equal(((await api.get(ref, "w1")).spec as { size: number }).size, 5);

    await assert.rejects(
      api.replace(ref, "w1", { ...created, spec: { size: 7 } }),
      (e: Error & { userMessage(): string }) => {
        assert.equal(
          e.userMessage(),
          `conflict: cannot update widgets.${CRD_GROUP} "w1" in namespace "${ns}": it was changed by someone else; read it again and retry (server: Operation cannot be fulfilled on widgets.${CRD_GROUP} "w1": the object has been modified; please apply your changes to the latest version and try again)`,
        );
        return true;
      },
    );
    await assert.rejects(api.create(ref, widget("w1")), (e: Error & { userMessage(): string }) => {
      assert.equal(
        e.userMessage(),
        `widgets.${CRD_GROUP} "w1" already exists in namespace "${ns}"`,
      );
      return true;
    });
    await assert.rejects(
      api.create(ref, widget("bad", 0)),
      (e: Error & { userMessage(): string }) => {
        assert.match(
          e.userMessage(),
          new RegExp(
            `^invalid widgets\\.conntest\\.hyperctl\\.io "bad" in namespace "${ns}": spec\\.size: .*1`,
          ),
        );
        return true;
      },
    );

    await api.delete(ref, "w1");
    await assert.rejects(
      api.get(ref, "w1"),
      (e: Error & { kind: string; userMessage(): string }) => {
        assert.equal(e.kind, "api");
        assert.equal(e.userMessage(), `widgets.${CRD_GROUP} "w1" not found in namespace "${ns}"`);
        return true;
      },
    );
    await assert.rejects(
      api.list({ group: "hypersdk.io", version: "v9", plural: "gadgets", namespace: ns }),
      (e: Error & { userMessage(): string }) => {
        assert.equal(
          e.userMessage(),
          'the server does not serve gadgets.hypersdk.io — are the HyperSDK CRDs installed? (try "hyperctl status")',
        );
        return true;
      },
    );
  },
);

connTest("viewer can read but a write is a clear 403; nobody gets 403 on reads", async () => {
  const ns = freshNamespace("conn");
  using viewer = clientFor("viewer");
  assert.deepEqual((await viewer.list(widgets(ns))).items, []);
  await assert.rejects(
    viewer.create(widgets(ns), widget("v")),
    (e: Error & { userMessage(): string; code: number }) => {
      assert.equal(e.code, 403);
      assert.match(
        e.userMessage(),
        new RegExp(
          `^forbidden: user cannot create widgets\\.conntest\\.hyperctl\\.io "v" in namespace "${ns}" \\(server: .+\\)$`,
        ),
      );
      return true;
    },
  );
  using nobody = clientFor("nobody");
  await assert.rejects(nobody.list(widgets(ns)), (e: Error & { userMessage(): string }) => {
    assert.match(
      e.userMessage(),
      /^forbidden: user cannot list widgets\.conntest\.hyperctl\.io in namespace/,
    );
    return true;
  });
});

connTest("401: no credentials and a wrong token say so without printing the token", async () => {
  using anon = clientFor("admin", { token: undefined, username: "anonymous-user" });
  await assert.rejects(anon.list(widgets("x")), (e: Error & { userMessage(): string }) => {
    assert.equal(
      e.userMessage(),
      'unauthorized: the server requires credentials and the kubeconfig has none for user "anonymous-user"',
    );
    return true;
  });
  using wrong = clientFor("viewer", { token: "not-a-valid-token-xyz" });
  await assert.rejects(wrong.list(widgets("x")), (e: Error & { userMessage(): string }) => {
    assert.equal(
      e.userMessage(),
      'unauthorized: the server rejected the credentials for user "viewer"',
    );
    assert.ok(!e.message.includes("not-a-valid-token-xyz"));
    return true;
  });
});

connTest("client certificate (cert-admin) works for list and for watch", async () => {
  const ns = freshNamespace("conn");
  using api = clientFor("cert-admin");
  assert.equal(configFor("cert-admin").token, undefined);
  const list = await api.list(widgets(ns));
  const stream = await api.watch(widgets(ns), {
    resourceVersion: list.metadata?.resourceVersion,
    timeoutSeconds: 30,
  });
  await api.create(widgets(ns), widget("c1"));
  for await (const ev of stream) {
    assert.equal(ev.type, "ADDED");
    assert.equal(ev.object.metadata?.name, "c1");
    break;
  }
  stream.close();
});

connTest("a watch delivers events live and close() ends it quietly", async () => {
  const ns = freshNamespace("conn");
  using api = clientFor("admin", {}, { requestTimeoutMs: 1000 });
  const stream = await api.watch(widgets(ns), { timeoutSeconds: 60 });
  const it = stream[Symbol.asyncIterator]();
  await new Promise((r) => setTimeout(r, 1500)); // outlives the request timeout
  await api.create(widgets(ns), widget("live"));
  assert.equal((await it.next()).value?.object.metadata?.name, "live");
  const next = it.next();
  stream.close();
  assert.equal((await next).done, true);
});

connTest("TLS: a wrong CA, tls-server-name and insecure-skip-tls-verify", async (t) => {
  const url = new URL(server.server);
  await t.step(
    "a CA that did not sign the server certificate fails with a readable message",
    async () => {
      const otherCa = configFor("cert-admin").clientCertData!; // a certificate, just not the server's CA
      using api = clientFor("admin", { caData: otherCa });
      await assert.rejects(api.list(widgets("x")), (e: Error & { kind: string }) => {
        assert.equal(e.kind, "transport");
        assert.match(
          e.message,
          new RegExp(
            `^TLS handshake with ${server.server}.* failed: certificate signed by unknown authority`,
          ),
        );
        return true;
      });
    },
  );
  await t.step("no CA and no insecure flag is rejected (the fetch path verifies)", async () => {
    using api = clientFor("admin", { caData: undefined });
    await assert.rejects(api.list(widgets("x")), { name: "TransportError" });
  });
  await t.step("insecure-skip-tls-verify without CA works", async () => {
    using api = clientFor("admin", { caData: undefined, insecureSkipTlsVerify: true });
    assert.ok(Array.isArray((await api.list(widgets("x"))).items));
  });
  await t.step("tls-server-name localhost with the CA works against 127.0.0.1", async () => {
    using api = clientFor("admin", {
      server: `https://127.0.0.1:${url.port}`,
      tlsServerName: "localhost",
    });
    assert.ok(Array.isArray((await api.list(widgets("x"))).items));
  });
  await t.step("tls-server-name that the certificate does not cover fails", async () => {
    using api = clientFor("admin", { tlsServerName: "not-this-server.example" });
    await assert.rejects(api.list(widgets("x")), (e: Error & { kind: string }) => {
      assert.equal(e.kind, "transport");
      assert.match(
        e.message,
        /^TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed: the server certificate is not valid for "not-this-server\.example" \(it is valid for .*localhost/,
      );
      return true;
    });
  });
  await t.step("insecure-skip-tls-verify with a client certificate (node:https path)", async () => {
    using api = clientFor("cert-admin", { caData: undefined, insecureSkipTlsVerify: true });
    assert.ok(Array.isArray((await api.list(widgets("x"))).items));
  });
});

connTest("unreachable server and request timeout are TransportErrors naming the URL", async () => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const closedPort = l.addr.port;
  l.close();
  using down = clientFor("admin", { server: `https://127.0.0.1:${closedPort}` });
  await assert.rejects(down.list(widgets("x")), (e: Error & { kind: string }) => {
    assert.equal(e.kind, "transport");
    assert.match(
      e.message,
      new RegExp(
        `^cannot reach the cluster at https://127\\.0\\.0\\.1:${closedPort}: connection refused$`,
      ),
    );
    return true;
  });

  const silent = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const conns: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const c of silent) conns.push(c);
  })().catch(() => {});
  try {
    using hang = clientFor("admin", { server: `https://127.0.0.1:${silent.addr.port}` }, {
      requestTimeoutMs: 1000,
    });
    const t0 = performance.now();
    await assert.rejects(hang.list(widgets("x")), /timed out after 1s$/);
    const took = performance.now() - t0;
    assert.ok(took >= 950 && took < 2500, `took ${took}ms`);
  } finally {
    silent.close();
    conns.forEach((c) => c.close());
    await accepting;
  }
});

connTest("exec credential plugin printing the admin token works", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const script = `${dir}/token-plugin.sh`;
    const token = configFor("admin").token!;
    await Deno.writeTextFile(
      script,
      `#!/bin/sh\n[ -n "$KUBERNETES_EXEC_INFO" ] || exit 7\n` +
        `echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${token}"}}'\n`,
    );
    await Deno.chmod(script, 0o755);
    using api = clientFor("nobody", {
      token: undefined,
      exec: {
        command: script,
        args: [],
        env: [],
        provideClusterInfo: true,
        interactiveMode: "Never",
      },
    });
    const ns = freshNamespace("conn");
    await api.create(widgets(ns), widget("e1"));
    assert.equal((await api.get(widgets(ns), "e1")).metadata?.name, "e1");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

connTest("-v logging shows each request once and never the token", async () => {
  const lines: string[] = [];
  using api = clientFor("admin", {}, { log: (l) => lines.push(l) });
  await api.list(widgets("x"), { limit: 500 });
  assert.equal(lines.length, 1);
  assert.match(
    lines[0],
    new RegExp(
      `^GET ${server.server}/apis/conntest\\.hyperctl\\.io/v1/namespaces/x/widgets\\?limit=500 200 OK in \\d+ms$`,
    ),
  );
  assert.ok(!lines[0].includes(configFor("admin").token!));
});
