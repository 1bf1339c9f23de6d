/**
 * Proves the real test API server behaves like a cluster for every client hyperctl cares about:
 * kubectl 1.33 (the reference client) per identity, `@kubernetes/client-node` under Deno, plain
 * `fetch`, and that deploy/crds/ validates and defaults as intended.
 * @module
 */

import assert from "node:assert/strict";
import { stringify } from "yaml";
// The one test that loads client-node (to compare with it), so it stays out of the import map.
// deno-lint-ignore no-import-prefix
import * as k8s from "npm:@kubernetes/client-node@2.0.1";
import {
  type ApiServer,
  apiServerTest,
  freshNamespace,
  httpClient,
  kubectlBinary,
} from "../support/apiserver.ts";

const GV = "/apis/hypersdk.io/v1alpha1";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function kubectl(
  server: ApiServer,
  args: string[],
  opts: { context?: string; stdin?: string; kubeconfig?: string } = {},
): Promise<Run> {
  const child = new Deno.Command(kubectlBinary(), {
    args: [
      `--kubeconfig=${opts.kubeconfig ?? server.kubeconfigPath}`,
      `--context=${opts.context ?? "admin"}`,
      "--request-timeout=20s",
      ...args,
    ],
    stdin: opts.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (opts.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(opts.stdin));
    await w.close();
  }
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

function vmManifest(ns: string, name: string, memory = "1536Mi"): string {
  return stringify({
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name, namespace: ns, labels: { app: "it" } },
    spec: { cpus: 2, memory, image: { source: "https://images.invalid/debian.qcow2" } },
  });
}

/** fetch against the server as a token user (or none), JSON in and out. */
async function api(
  server: ApiServer,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; contentType?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const client = httpClient(server);
  try {
    const headers: Record<string, string> = { accept: "application/json" };
    const token = init.token === undefined ? server.tokens.admin : init.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
    const res = await fetch(`${server.server}${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      client,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  } finally {
    client.close();
  }
}

apiServerTest(
  "kubectl admin: get, server-side apply, status patch, watch events",
  async (server) => {
    const ns = freshNamespace("kubectl-admin");
    const empty = await kubectl(server, [
      "-n",
      ns,
      "get",
      "virtualmachines.hypersdk.io",
      "-o",
      "json",
    ]);
    assert.equal(empty.code, 0, empty.stderr);
    assert.deepEqual(JSON.parse(empty.stdout).items, []);

    const apply = await kubectl(server, ["apply", "--server-side", "-f", "-"], {
      stdin: vmManifest(ns, "web-1"),
    });
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /virtualmachine\.hypersdk\.io\/web-1 serverside-applied/);

    // Start the watch first, then change status: the watch must report the change.
    const watch = new Deno.Command(kubectlBinary(), {
      args: [
        `--kubeconfig=${server.kubeconfigPath}`,
        "--context=admin",
        "-n",
        ns,
        "get",
        "vms",
        "-w",
        "--output-watch-events",
        "-o",
        "json",
        "--request-timeout=30s",
      ],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const reader = watch.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    const until = async (re: RegExp, ms: number) => {
      const deadline = Date.now() + ms;
      while (!re.test(seen)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`watch output never matched ${re}; got:\n${seen}`);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ done: true; value: undefined }>((r) => {
            timer = setTimeout(() => r({ done: true, value: undefined }), left);
          }),
        ]);
        clearTimeout(timer);
        if (chunk.done) continue;
        seen += chunk.value;
      }
    };
    try {
      await until(/"type":\s*"ADDED"/, 20_000);
      const patch = await kubectl(server, [
        "-n",
        ns,
        "patch",
        "vm",
        "web-1",
        "--subresource=status",
        "--type=merge",
        "-p",
        JSON.stringify({
          status: { phase: "Running", nodeName: "node-a", ipAddresses: ["10.0.0.7"] },
        }),
      ]);
      assert.equal(patch.code, 0, patch.stderr);
      await until(/"type":\s*"MODIFIED"[\s\S]*"phase":\s*"Running"/, 20_000);
    } finally {
      watch.kill("SIGTERM");
      await reader.cancel().catch(() => {});
      await watch.stderr.cancel().catch(() => {});
      await watch.status;
    }

    const table = await kubectl(server, ["-n", ns, "get", "vm", "-o", "wide"]);
    assert.equal(table.code, 0, table.stderr);
    const [header, row] = table.stdout.trim().split("\n");
    assert.match(header, /^NAME\s+STATUS\s+CPUS\s+MEMORY\s+NODE\s+IPS\s+AGE\s+RUNNING\s+IMAGE$/);
    assert.match(row, /^web-1\s+Running\s+2\s+1536Mi\s+node-a\s+10\.0\.0\.7\s+\S+\s+true\s+https:/);
  },
);

apiServerTest(
  "kubectl viewer reads but cannot write, nobody is forbidden, no credentials is 401",
  async (server) => {
    const ns = freshNamespace("kubectl-roles");
    const get = await kubectl(server, ["-n", ns, "get", "virtualmachines.hypersdk.io"], {
      context: "viewer",
    });
    assert.equal(get.code, 0, get.stderr);

    const apply = await kubectl(server, ["apply", "--server-side", "-f", "-"], {
      context: "viewer",
      stdin: vmManifest(ns, "denied"),
    });
    assert.equal(apply.code, 1);
    assert.match(apply.stderr, /Forbidden/);
    assert.match(apply.stderr, /hyperctl-viewer/);

    const nobody = await kubectl(server, ["-n", ns, "get", "virtualmachines.hypersdk.io"], {
      context: "nobody",
    });
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /Forbidden|forbidden/);

    // Credentials the server does not know: anonymous is off, so 401 rather than 403. (A user entry
    // with no credentials at all makes kubectl prompt for a username; fetch covers that case.)
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-anon-" });
    try {
      const kubeconfig = `${dir}/kubeconfig`;
      await Deno.writeTextFile(
        kubeconfig,
        stringify({
          apiVersion: "v1",
          kind: "Config",
          clusters: [{
            name: "c",
            cluster: { server: server.server, "certificate-authority": server.caFile },
          }],
          users: [{ name: "anonymous", user: { token: "not-a-token" } }],
          contexts: [{ name: "anonymous", context: { cluster: "c", user: "anonymous" } }],
          "current-context": "anonymous",
        }),
      );
      const anon = await kubectl(server, ["-n", ns, "get", "virtualmachines.hypersdk.io"], {
        kubeconfig,
        context: "anonymous",
      });
      assert.equal(anon.code, 1);
      assert.match(anon.stderr, /You must be logged in to the server/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);

apiServerTest("kubectl cert-admin (x509 client certificate) can get", async (server) => {
  const ns = freshNamespace("kubectl-cert");
  const r = await kubectl(server, ["-n", ns, "get", "virtualmachines.hypersdk.io", "-o", "name"], {
    context: "cert-admin",
  });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "");
});

apiServerTest("fetch: identities map to 200/401/403, client certificate works", async (server) => {
  const ns = freshNamespace("fetch-auth");
  const path = `${GV}/namespaces/${ns}/virtualmachines`;
  assert.equal((await api(server, path)).status, 200);
  assert.equal((await api(server, path, { token: null })).status, 401);
  assert.equal((await api(server, path, { token: "not-a-token" })).status, 401);
  assert.equal((await api(server, path, { token: server.tokens.nobody })).status, 403);
  assert.equal((await api(server, path, { token: server.tokens.viewer })).status, 200);
  const denied = await api(server, path, {
    token: server.tokens.viewer,
    method: "POST",
    body: {
      apiVersion: "hypersdk.io/v1alpha1",
      kind: "VirtualMachine",
      metadata: { name: "x" },
      spec: { cpus: 1, memory: "1Gi" },
    },
  });
  assert.equal(denied.status, 403);

  const client = httpClient(server, { clientCert: true });
  try {
    const res = await fetch(`${server.server}${path}`, { client });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal((await res.json()).kind, "VirtualMachineList");
  } finally {
    client.close();
  }
  const version = await api(server, "/version");
  assert.equal(version.body.gitVersion, server.k8sVersion);
  assert.match(server.k8sVersion, /^v1\.36\.\d+$/);
});

apiServerTest("watch at resourceVersion=1 gets an ERROR event with code 410", async (server) => {
  const ns = freshNamespace("watch-410");
  const client = httpClient(server);
  try {
    const res = await fetch(
      `${server.server}${GV}/namespaces/${ns}/virtualmachines?watch=true&resourceVersion=1`,
      { headers: { authorization: `Bearer ${server.tokens.admin}` }, client },
    );
    assert.equal(res.status, 200);
    const text = await res.text(); // the server closes the stream after the ERROR event
    const events = text.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(events.length, 1, text);
    assert.equal(events[0].type, "ERROR");
    assert.equal(events[0].object.kind, "Status");
    assert.equal(events[0].object.code, 410);
    assert.equal(events[0].object.reason, "Expired");
  } finally {
    client.close();
  }
});

// Client certificates under Deno are a known weak spot (denoland/deno#19052); on Deno 2.9.6 with
// client-node 2.0.1 (undici + node:tls) they work, and this pins that.
for (
  const [context, label] of [["admin", "the admin token"], ["cert-admin", "a client certificate"]]
) {
  apiServerTest(`client-node: list and watch virtualmachines with ${label}`, async (server) => {
    const ns = freshNamespace(`client-node-${context}`);
    const created = await api(server, `${GV}/namespaces/${ns}/virtualmachines`, {
      method: "POST",
      body: {
        apiVersion: "hypersdk.io/v1alpha1",
        kind: "VirtualMachine",
        metadata: { name: "cn-1" },
        spec: { cpus: 1, memory: "1Gi" },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await listAndWatch(server, context, ns);
  });
}

/** Lists, then watches from the list's resourceVersion and sees the next change. */
async function listAndWatch(server: ApiServer, context: string, ns: string): Promise<void> {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(server.kubeconfigPath);
  kc.setCurrentContext(context);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const list = await custom.listNamespacedCustomObject({
    group: "hypersdk.io",
    version: "v1alpha1",
    namespace: ns,
    plural: "virtualmachines",
  }) as { items: { metadata: { name: string } }[]; metadata: { resourceVersion: string } };
  assert.deepEqual(list.items.map((i) => i.metadata.name), ["cn-1"]);

  const events: { type: string; name: string; memory: unknown }[] = [];
  let finish: (err?: unknown) => void = () => {};
  const gotModified = new Promise<void>((resolve, reject) => {
    finish = (err) => (err ? reject(err) : resolve());
  });
  const watch = new k8s.Watch(kc);
  const controller = await watch.watch(
    `${GV}/namespaces/${ns}/virtualmachines`,
    { resourceVersion: list.metadata.resourceVersion },
    (type, obj) => {
      events.push({ type, name: obj?.metadata?.name, memory: obj?.spec?.memory });
      if (type === "MODIFIED") finish();
    },
    (err) => finish(err ?? new Error("watch ended before MODIFIED")),
  );
  const timer = setTimeout(() => finish(new Error("no MODIFIED event within 15 s")), 15_000);
  try {
    const patched = await api(server, `${GV}/namespaces/${ns}/virtualmachines/cn-1`, {
      method: "PATCH",
      contentType: "application/merge-patch+json",
      body: { spec: { memory: "2Gi" } },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    await gotModified;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  assert.deepEqual(events, [{ type: "MODIFIED", name: "cn-1", memory: "2Gi" }]);
}

apiServerTest(
  "deploy/crds: quantities, defaults, fixed fields, cron grammar, selectable fields",
  async (server) => {
    const ns = freshNamespace("crd-schema");
    const post = (plural: string, body: Record<string, unknown>) =>
      api(server, `${GV}/namespaces/${ns}/${plural}`, {
        method: "POST",
        body: { apiVersion: "hypersdk.io/v1alpha1", ...body },
      });
    const vm = (name: string, memory: unknown) =>
      post("virtualmachines", {
        kind: "VirtualMachine",
        metadata: { name },
        spec: { cpus: 1, memory },
      });

    for (
      const [name, memory] of [["q1", "1536Mi"], ["q2", "1.5Gi"], ["q3", "4G"], [
        "q4",
        2147483648,
      ]] as const
    ) {
      const r = await vm(name, memory);
      assert.equal(r.status, 201, `memory ${JSON.stringify(memory)}: ${JSON.stringify(r.body)}`);
    }
    const bad = await vm("q5", "8GB");
    assert.equal(bad.status, 422);
    assert.match(String(bad.body.message), /spec\.memory/);

    const q1 = await api(server, `${GV}/namespaces/${ns}/virtualmachines/q1`);
    const spec = q1.body.spec as Record<string, unknown>;
    assert.equal(spec.running, true);
    assert.equal(spec.machineType, "q35");

    // status.resources.cpu.requests is a string (upstream CRD said integer).
    const st = await api(server, `${GV}/namespaces/${ns}/virtualmachines/q1/status`, {
      method: "PATCH",
      contentType: "application/merge-patch+json",
      body: { status: { phase: "Running", resources: { cpu: { requests: "4" } } } },
    });
    assert.equal(st.status, 200, JSON.stringify(st.body));
    const running = await api(
      server,
      `${GV}/namespaces/${ns}/virtualmachines?fieldSelector=status.phase%3DRunning`,
    );
    assert.deepEqual(
      (running.body.items as { metadata: { name: string } }[]).map((i) => i.metadata.name),
      ["q1"],
    );

    // cloneSpec.snapshotRef / powerOnAfter survive pruning; status.result is an object.
    const op = await post("vmoperations", {
      kind: "VMOperation",
      metadata: { name: "clone-1" },
      spec: {
        vmRef: { name: "q1" },
        operation: "clone",
        cloneSpec: { targetName: "q1-copy", snapshotRef: { name: "snap-1" }, powerOnAfter: true },
      },
    });
    assert.equal(op.status, 201, JSON.stringify(op.body));
    const clone = (op.body.spec as { cloneSpec: Record<string, unknown> }).cloneSpec;
    assert.deepEqual(clone.snapshotRef, { name: "snap-1" });
    assert.equal(clone.powerOnAfter, true);
    const opStatus = (status: unknown) =>
      api(server, `${GV}/namespaces/${ns}/vmoperations/clone-1/status`, {
        method: "PATCH",
        contentType: "application/merge-patch+json",
        body: { status },
      });
    const res = await opStatus({
      phase: "Succeeded",
      progress: 100,
      result: { cloneName: "q1-copy", disks: 2 },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual((res.body.status as Record<string, unknown>).result, {
      cloneName: "q1-copy",
      disks: 2,
    });
    assert.equal((await opStatus({ progress: 101 })).status, 422);
    const byVm = await api(
      server,
      `${GV}/namespaces/${ns}/vmoperations?fieldSelector=spec.vmRef.name%3Dq1`,
    );
    assert.equal((byVm.body.items as unknown[]).length, 1);

    const job = {
      source: { provider: "kubevirt", vmName: "q1" },
      destination: { type: "s3", bucket: "b" },
    };
    for (
      const [i, schedule] of ["*/15 9-17 * * MON-FRI", "0,30 1-5 * * *", "0 3 * * 0", "@daily"]
        .entries()
    ) {
      const r = await post("backupschedules", {
        kind: "BackupSchedule",
        metadata: { name: `bs-${i}` },
        spec: { schedule, jobTemplate: { spec: job } },
      });
      assert.equal(r.status, 201, `${schedule}: ${JSON.stringify(r.body)}`);
    }
    const badCron = await post("backupschedules", {
      kind: "BackupSchedule",
      metadata: { name: "bs-bad" },
      spec: { schedule: "every day", jobTemplate: { spec: job } },
    });
    assert.equal(badCron.status, 422);

    // Nested defaults apply once the parent object is present, as on any cluster.
    const bj = await post("backupjobs", {
      kind: "BackupJob",
      metadata: { name: "bj-1" },
      spec: { ...job, format: {} },
    });
    assert.equal(bj.status, 201, JSON.stringify(bj.body));
    assert.deepEqual((bj.body.spec as { format: unknown }).format, {
      type: "ovf",
      compression: false,
      compressionLevel: 6,
    });
    const pct = await api(server, `${GV}/namespaces/${ns}/backupjobs/bj-1/status`, {
      method: "PATCH",
      contentType: "application/merge-patch+json",
      body: { status: { phase: "Running", progress: { percentage: 42.5 } } },
    });
    assert.equal(pct.status, 200, JSON.stringify(pct.body));
    const table = await kubectl(server, ["-n", ns, "get", "bj,bs"]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /bj-1\s+Running\s+42\.5\s+q1\s+s3/);
  },
);
