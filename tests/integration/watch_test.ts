/**
 * watch$ / object$ against the real API server (tests/apiserver): long watches with many
 * server-side closes, a forced 410 Gone, and a server stopped and restarted mid-watch.
 *
 * Every test compares what the watch emitted with what a writer did, as a sequence of
 * (type, name, resourceVersion): each change must be seen exactly once and in order.
 * WATCH_TEST_MS shortens the long test while debugging (default 180000, the 3 minutes asked for).
 * The suite installs its own CRD (gizmos.watchtest.hyperctl.io), so it depends only on the
 * server, not on the HyperSDK CRDs' current shape.
 */
import assert from "node:assert/strict";
import type { Observable, Subscription } from "rxjs";
import {
  apiServerTest,
  buildApiServer,
  freshNamespace,
  logTail,
  realServerAvailable,
} from "../support/apiserver.ts";
import { createKubeApi, type KubeClient } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import type { KubeApi, ResourceRef } from "../../src/k8s/api.ts";
import type { KubeObject } from "../../src/core/types.ts";
import { type ViewEvent, watch$ } from "../../src/k8s/watch.ts";
import { object$ } from "../../src/k8s/watch_object.ts";

const GROUP = "watchtest.hyperctl.io";
const gizmos = (namespace: string): ResourceRef => ({
  group: GROUP,
  version: "v1",
  plural: "gizmos",
  namespace,
});
const GIZMO_CRD: KubeObject = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: `gizmos.${GROUP}` },
  spec: {
    group: GROUP,
    scope: "Namespaced",
    names: { plural: "gizmos", singular: "gizmo", kind: "Gizmo", listKind: "GizmoList" },
    versions: [{
      name: "v1",
      served: true,
      storage: true,
      schema: {
        openAPIV3Schema: {
          type: "object",
          properties: {
            spec: { type: "object", properties: { size: { type: "integer" } } },
          },
        },
      },
    }],
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clientFor(kubeconfig: string, log?: (line: string) => void): KubeClient {
  return createKubeApi(loadKubeConfig({ kubeconfig, context: "admin" }), { log });
}

/** Installs the test CRD (idempotent) and waits until it is served. */
async function ensureCrd(api: KubeApi): Promise<void> {
  const crds: ResourceRef = {
    group: "apiextensions.k8s.io",
    version: "v1",
    plural: "customresourcedefinitions",
  };
  await api.patch(crds, `gizmos.${GROUP}`, GIZMO_CRD, {
    type: "apply",
    force: true,
    fieldManager: "watch-test",
  });
  await waitFor(
    async () => {
      try {
        await api.list(gizmos("probe"));
        return true;
      } catch {
        return false;
      }
    },
    15_000,
    "the gizmo CRD to be served",
  );
}

async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}`);
    await sleep(50);
  }
}

const gizmo = (name: string, size = 1): KubeObject => ({
  apiVersion: `${GROUP}/v1`,
  kind: "Gizmo",
  metadata: { name },
  spec: { size },
});

/** (type, name, resourceVersion); DELETED carries "-" (its RV is the deletion's, not known to the writer). */
type Change = readonly [string, string, string];
const changeOf = (e: ViewEvent): Change => [
  e.type,
  e.object.metadata?.name ?? "?",
  e.type === "DELETED" ? "-" : e.object.metadata?.resourceVersion ?? "?",
];
const rvOf = (o: KubeObject) => o.metadata?.resourceVersion ?? "?";

/** Subscribes and records every change; remembers an error instead of throwing it. */
function record(events$: Observable<ViewEvent>) {
  const changes: Change[] = [];
  const state: { error?: unknown; sub?: Subscription } = {};
  state.sub = events$.subscribe({
    next: (e) => changes.push(changeOf(e)),
    error: (e) => (state.error = e),
  });
  return {
    changes,
    get error() {
      return state.error;
    },
    stop: () => state.sub?.unsubscribe(),
    /** Waits until `n` changes arrived (failing fast on a watch error). */
    async until(n: number, timeoutMs = 15_000) {
      await waitFor(
        () => {
          if (state.error) throw state.error;
          return changes.length >= n;
        },
        timeoutMs,
        `${n} watch events (have ${changes.length})`,
      );
    },
  };
}

/** A small seeded PRNG so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Creates, modifies, deletes and recreates (same name, new uid) gizmos for `durationMs`, one
 * request at a time, and returns the changes in the order the server applied them.
 */
async function runWriter(api: KubeApi, ref: ResourceRef, durationMs: number, seed: number) {
  const random = mulberry32(seed);
  const log: Change[] = [];
  const live: string[] = [];
  const dead: string[] = [];
  let next = 0;
  let sizes = 1;
  const end = Date.now() + durationMs;
  while (Date.now() < end) {
    const r = random();
    if (live.length < 2 || (r < 0.35 && live.length < 8)) {
      const name = dead.length > 0 && random() < 0.3 ? dead.shift()! : `g${next++}`;
      const created = await api.create(ref, gizmo(name));
      live.push(name);
      log.push(["ADDED", name, rvOf(created)]);
    } else if (r < 0.8) {
      const name = live[Math.floor(random() * live.length)];
      // Always a new value: a no-op patch returns the old resourceVersion and sends no event.
      const size = ++sizes;
      const patched = await api.patch(ref, name, { spec: { size } }, { type: "merge" });
      log.push(["MODIFIED", name, rvOf(patched)]);
    } else {
      const name = live.splice(Math.floor(random() * live.length), 1)[0];
      await api.delete(ref, name);
      dead.push(name);
      log.push(["DELETED", name, "-"]);
    }
    await sleep(150 + random() * 1000);
  }
  return log;
}

const WRITE_MS = Number(Deno.env.get("WATCH_TEST_MS") ?? 180_000);
const WATCH_REQUEST = /[?&]watch=true.* 200\b/;

apiServerTest(
  "watch$() sees every change exactly once, in order, over 3 minutes of reconnects",
  async (server) => {
    const ns = freshNamespace("watch-long");
    const ref = gizmos(ns);
    using api = clientFor(server.kubeconfigPath);
    await ensureCrd(api);
    const shortLog: string[] = [];
    using shortApi = clientFor(server.kubeconfigPath, (line) => shortLog.push(line));
    using defaultApi = clientFor(server.kubeconfigPath);

    // Two watches on the same writes: a short server-side timeout (a reconnect every ~20 s)
    // and the default one.
    const short = record(watch$(shortApi, ref, { timeoutSeconds: 20 }));
    const dflt = record(watch$(defaultApi, ref));
    try {
      // A sentinel proves both watches are established before the writer starts, so every
      // later change must arrive as a watch event (not folded into the initial list).
      const sentinel = await api.create(ref, gizmo("sentinel"));
      const first: Change = ["ADDED", "sentinel", rvOf(sentinel)];
      await short.until(1);
      await dflt.until(1);

      const log = [first, ...await runWriter(api, ref, WRITE_MS, 20260101)];
      // On a timeout fall through to the comparison, whose diff names the missing change.
      await short.until(log.length).catch(() => {});
      await dflt.until(log.length).catch(() => {});
      await sleep(1500); // a duplicate would arrive now
      assert.equal(short.error, undefined);
      assert.equal(dflt.error, undefined);
      assert.deepEqual(short.changes, log, `requests of the short watch:\n${shortLog.join("\n")}`);
      assert.deepEqual(dflt.changes, log);
      assert.ok(log.length >= WRITE_MS / 1000, `writer made only ${log.length} changes`);

      const watches = shortLog.filter((l) => WATCH_REQUEST.test(l));
      const expected = Math.floor(WRITE_MS / 20_000) - 1;
      assert.ok(
        watches.length >= expected,
        `expected >= ${expected} watch requests, got:\n${watches.join("\n")}`,
      );
      for (const line of watches) {
        assert.match(line, /timeoutSeconds=20/);
        assert.match(line, /allowWatchBookmarks=true/);
      }
      // Only the first list: a normal close resumes, it never relists.
      assert.equal(shortLog.filter((l) => l.startsWith("GET ") && !l.includes("watch=")).length, 1);
    } finally {
      short.stop();
      dflt.stop();
    }
  },
);

apiServerTest(
  "watch$() resumed from a compacted resourceVersion relists and emits only the difference",
  async (server) => {
    const ns = freshNamespace("watch-gone");
    const ref = gizmos(ns);
    using api = clientFor(server.kubeconfigPath);
    await ensureCrd(api);
    const requests: string[] = [];
    using watchApi = clientFor(server.kubeconfigPath, (line) => requests.push(line));

    const a = await api.create(ref, gizmo("a"));
    const keep = await api.create(ref, gizmo("keep"));
    const aNow = await api.patch(ref, "a", { spec: { size: 2 } }, { type: "merge" });
    const b = await api.create(ref, gizmo("b"));
    // A checkpoint from long ago: "a" at its old version, "keep" unchanged, "z" since deleted.
    const z = {
      ...gizmo("z"),
      metadata: { name: "z", namespace: ns, uid: "gone", resourceVersion: "1" },
    };
    const checkpoint = { resourceVersion: "1", objects: [a, keep, z] };

    const rec = record(watch$(watchApi, ref, { resume: checkpoint }));
    try {
      await rec.until(3);
      const bNow = await api.patch(ref, "b", { spec: { size: 5 } }, { type: "merge" });
      await rec.until(4);
      await sleep(1000);
      assert.equal(rec.error, undefined);
      // The relist's changes come page by page; what it did not return goes after its last page.
      assert.deepEqual(rec.changes, [
        ["MODIFIED", "a", rvOf(aNow)],
        ["ADDED", "b", rvOf(b)],
        ["DELETED", "z", "-"],
        ["MODIFIED", "b", rvOf(bNow)],
      ]);
      // A one-item list first learns the server's resourceVersion (RV 1 is behind it, so it is
      // followed); the server really answered 410: the watch at RV 1 was followed by a relist.
      const kinds = requests.map((l) => (l.includes("watch=true") ? "watch" : "list"));
      assert.deepEqual(kinds.slice(0, 4), ["list", "watch", "list", "watch"]);
      assert.match(requests[0], /limit=1\b/);
      assert.match(requests[1], /resourceVersion=1\b/);
    } finally {
      rec.stop();
    }
  },
);

apiServerTest("object$() reports the current state at once, then each change", async (server) => {
  const ns = freshNamespace("watch-obj");
  const ref = gizmos(ns);
  using api = clientFor(server.kubeconfigPath);
  await ensureCrd(api);
  const seen: (string | undefined)[] = [];
  const sub = object$(api, ref, "one", { timeoutSeconds: 5 }).subscribe((o) =>
    seen.push(o === undefined ? undefined : `${(o.spec as { size: number }).size}`)
  );
  try {
    await waitFor(() => seen.length === 1, 10_000, "the first state");
    assert.deepEqual(seen, [undefined]);
    await api.create(ref, gizmo("other"));
    await api.create(ref, gizmo("one", 1));
    await waitFor(() => seen.length === 2, 10_000, "ADDED");
    await sleep(6000); // across one server-side close (timeoutSeconds 5)
    await api.patch(ref, "one", { spec: { size: 7 } }, { type: "merge" });
    await waitFor(() => seen.length === 3, 10_000, "MODIFIED");
    await api.delete(ref, "one");
    await waitFor(() => seen.length === 4, 10_000, "DELETED");
    await sleep(500);
    assert.deepEqual(seen, [undefined, "1", "7", undefined]);
  } finally {
    sub.unsubscribe();
  }
});

/** A private server on a fixed port and data dir, so it can be stopped and started again. */
async function startOwnServer(binary: string, dir: string, port: number) {
  const child = new Deno.Command(binary, {
    args: [
      `--data-dir=${dir}/data`,
      `--crd-dir=${dir}/crds`,
      `--kubeconfig-out=${dir}/kubeconfig`,
      `--port=${port}`,
      "--keep-data",
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const log = await Deno.open(`${dir}/server.log`, { write: true, create: true, append: true });
  const logDone = child.stderr.pipeTo(log.writable).catch(() => {});
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  const deadline = Date.now() + 90_000;
  while (!out.includes("READY ")) {
    if (Date.now() > deadline) throw new Error("own server did not become ready in 90s");
    const { value, done } = await reader.read();
    if (done) {
      throw new Error(`own server exited before READY:\n${await logTail(`${dir}/server.log`)}`);
    }
    out += value;
  }
  reader.releaseLock();
  child.stdout.pipeTo(new WritableStream()).catch(() => {});
  return {
    async stop() {
      child.kill("SIGTERM");
      await child.status;
      await logDone;
    },
  };
}

Deno.test({
  name: "watch$() survives the API server being stopped and restarted mid-watch",
  ignore: !realServerAvailable(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const binary = await buildApiServer();
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-watch-restart-" });
    await Deno.mkdir(`${dir}/crds`);
    await Deno.writeTextFile(`${dir}/crds/gizmo.json`, JSON.stringify(GIZMO_CRD));
    const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (probe.addr as Deno.NetAddr).port;
    probe.close();

    let server = await startOwnServer(binary, dir, port);
    const requests: string[] = [];
    const api = clientFor(`${dir}/kubeconfig`);
    const watchApi = clientFor(`${dir}/kubeconfig`, (line) => requests.push(line));
    const ref = gizmos("restart");
    const rec = record(watch$(watchApi, ref, { timeoutSeconds: 30, backoff: { maxAttempts: 20 } }));
    try {
      const one = await api.create(ref, gizmo("one"));
      const two = await api.create(ref, gizmo("two"));
      await rec.until(2);

      await server.stop();
      await sleep(3000); // connection refused: the watch backs off meanwhile
      const failedWhileDown = requests.filter((l) => l.includes(" failed in ")).length;
      server = await startOwnServer(binary, dir, port);
      const before = requests.length;
      // Write only once the watch is back, so the changes arrive as events, not as a relist diff.
      await waitFor(
        () => requests.slice(before).some((l) => WATCH_REQUEST.test(l)),
        60_000,
        "the watch to reconnect",
      );
      const oneNow = await api.patch(ref, "one", { spec: { size: 3 } }, { type: "merge" });
      await api.delete(ref, "two");
      const three = await api.create(ref, gizmo("three"));
      await rec.until(5);
      await sleep(1000);
      assert.equal(rec.error, undefined);
      assert.deepEqual(rec.changes, [
        ["ADDED", "one", rvOf(one)],
        ["ADDED", "two", rvOf(two)],
        ["MODIFIED", "one", rvOf(oneNow)],
        ["DELETED", "two", "-"],
        ["ADDED", "three", rvOf(three)],
      ]);
      assert.ok(failedWhileDown >= 1, `no failed request while down:\n${requests.join("\n")}`);
    } finally {
      rec.stop();
      api.close();
      watchApi.close();
      await server.stop();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});
