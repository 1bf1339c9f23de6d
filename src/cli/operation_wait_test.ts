/**
 * waitFor() against the embedded API server: the first check is immediate, completion is noticed
 * from the watch (not a poll) and the reaction time is reported, timeouts and failures classify.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../core/kinds.ts";
import { createKubeApi, type KubeClient } from "../k8s/client.ts";
import { resolveKubeConfig } from "../k8s/kubeconfig.ts";
import { startSimServer } from "../sim/server/mod.ts";
import { fakeDeps } from "../testing/fake_deps.ts";
import { refFor } from "./commands/common.ts";
import { concludeWait, waitFor } from "./operation_wait.ts";

const OP = kindByNoun("op");
const CRDS = new URL("../../deploy/crds", import.meta.url).pathname;

async function withApi(fn: (api: KubeClient) => Promise<void>) {
  const sim = await startSimServer({ crdDir: CRDS });
  const api = createKubeApi(resolveKubeConfig({
    env: {},
    kubeconfig: "k",
    readFile: () => sim.kubeconfigYaml("t", "w"),
  }));
  try {
    await fn(api);
  } finally {
    api.close();
    await sim.stop();
  }
}

async function op(api: KubeClient, name: string, status?: Record<string, unknown>) {
  const ref = refFor(OP, "w");
  await api.create(ref, {
    apiVersion: API_VERSION,
    kind: "VMOperation",
    metadata: { name },
    spec: { vmRef: { name: "vm" }, operation: "start" },
  });
  if (status) await api.patch(ref, name, { status }, { type: "merge", subresource: "status" });
}

const target = (name: string) => ({ kind: OP, namespace: "w", name, title: name });

Deno.test("waitFor() notices completion from the watch and reports the reaction time", async () => {
  await withApi(async (api) => {
    await op(api, "a", { phase: "Running", progress: 10 });
    const deps = fakeDeps({ now: 0 });
    const done = waitFor(api, [target("a")], { timeoutMs: 10_000, progress: "lines" }, deps);
    await deps.written(/Progress: 10%/, "stderr"); // the wait has seen the first state
    const changed = performance.now();
    await api.patch(refFor(OP, "w"), "a", { status: { phase: "Succeeded", progress: 100 } }, {
      type: "merge",
      subresource: "status",
    });
    const [result] = await done;
    const reaction = performance.now() - changed;
    console.log(`wait reaction after the status change: ${reaction.toFixed(1)} ms (in process)`);
    assert.equal(result.outcome, "succeeded");
    assert.match(
      deps.stderr(),
      /Phase: Running, Progress: 10%\n.*Phase: Succeeded, Progress: 100%/s,
    );
    await concludeWait([result], { timeoutMs: 10_000, progress: "lines" }, deps);
  });
});

Deno.test("timeout 0 checks once; failures and timeouts become exit errors", async () => {
  await withApi(async (api) => {
    await op(api, "p", { phase: "Running", progress: 50 });
    await op(api, "f", { phase: "Failed", message: "Operation failed: disk full" });
    const deps = fakeDeps();
    const once = await waitFor(api, [target("p")], { timeoutMs: 0, progress: "none" }, deps);
    assert.equal(once[0].outcome, "timeout");
    await assert.rejects(
      () => concludeWait(once, { timeoutMs: 0, progress: "none" }, deps),
      (e: Error) =>
        e.name === "WaitTimeoutError" && /on the first check: p \(Running, 50%\)/.test(e.message) &&
        /hyperctl op wait p -n w/.test(e.message),
    );
    const waiting = waitFor(api, [target("p"), target("f")], {
      timeoutMs: 500,
      progress: "lines",
    }, deps);
    await deps.written(/ p: Phase: Running/, "stderr");
    await deps.written(/ f: Phase: Failed/, "stderr");
    deps.advance(500); // f failed at once; p is still running when the 500 ms run out
    const both = await waiting;
    assert.deepEqual(both.map((r) => r.outcome), ["timeout", "failed"]);
    await assert.rejects(
      () => concludeWait(both, { timeoutMs: 500, progress: "none" }, deps),
      (e: Error) => e.name === "OperationFailedError" && /disk full/.test(e.message),
    );
    const missing = await waitFor(api, [target("nope")], { timeoutMs: 0, progress: "none" }, deps);
    assert.equal(missing[0].outcome, "gone");
  });
});

Deno.test("concludeWait() --notify rings only on a terminal, with how the wait ended", async () => {
  const target = { kind: OP, namespace: "w", name: "op-1", title: "op-1" };
  const failed = [{ target, outcome: "failed" as const, object: undefined, seen: true }];
  const options = { timeoutMs: 1000, progress: "none" as const, notify: true };
  const tty = fakeDeps({ tty: true, env: { TERM_PROGRAM: "WezTerm" } });
  await assert.rejects(() => concludeWait(failed, options, tty), { name: "OperationFailedError" });
  assert.ok(tty.stderr().startsWith("\x1b]777;notify;hyperctl;failed: op-1\x07"), tty.stderr());
  const piped = fakeDeps({ tty: false, env: { TERM_PROGRAM: "WezTerm" } });
  await assert.rejects(() => concludeWait(failed, options, piped));
  assert.ok(!piped.stderr().includes("\x07"));
  const quiet = fakeDeps({ tty: true });
  await concludeWait([{ target, outcome: "succeeded", object: undefined, seen: true }], {
    ...options,
    notify: false,
  }, quiet);
  assert.equal(quiet.stderr(), "");
});

Deno.test("concludeWait() tells every target's outcome and throws the worst, printed last", async () => {
  const t = (name: string) => ({ kind: OP, namespace: "w", name, title: name });
  const failed = {
    target: t("fail-op"),
    outcome: "failed" as const,
    object: { status: { phase: "Failed", message: "disk full" } },
    seen: true,
  };
  const late = (name: string) => ({
    target: t(name),
    outcome: "timeout" as const,
    object: { status: { phase: "Running", progress: 10 } },
    seen: true,
  });
  const options = { timeoutMs: 3000, progress: "none" as const };
  const deps = fakeDeps();
  await assert.rejects(
    () => concludeWait([late("hang-op"), failed, late("slow-op")], options, deps),
    (e: Error) => e.name === "OperationFailedError" && /fail-op Failed: disk full/.test(e.message),
  );
  assert.equal(
    deps.stderr(),
    "error: not finished after 3s: hang-op (Running, 10%); resume with: hyperctl op wait hang-op -n w\n" +
      "error: not finished after 3s: slow-op (Running, 10%); resume with: hyperctl op wait slow-op -n w\n",
  );
  // A cluster that could not be read outranks a timeout; the same reason is told once.
  const unreachable = (name: string) => ({
    target: t(name),
    outcome: "error" as const,
    object: undefined,
    seen: false,
    error: new Error("cannot reach the cluster at https://x: no answer within --timeout 3s"),
  });
  const more = fakeDeps();
  await assert.rejects(
    () => concludeWait([late("a"), unreachable("b"), unreachable("c")], options, more),
    /cannot reach the cluster/,
  );
  assert.equal(
    more.stderr(),
    "error: not finished after 3s: a (Running, 10%); resume with: hyperctl op wait a -n w\n",
  );
});

Deno.test("progress lines describe only states read: nothing for a missing or deleted object", async () => {
  await withApi(async (api) => {
    const lines = { timeoutMs: 10_000, progress: "lines" } as const;
    const missing = fakeDeps({ now: 0 });
    const [none] = await waitFor(api, [target("nope")], lines, missing);
    assert.equal(none.outcome, "gone");
    assert.equal(missing.stderr(), "", "no `Waiting for status` for what is not there");

    await op(api, "b"); // exists, no status yet: that is what the line says
    const deps = fakeDeps({ now: 0 });
    const done = waitFor(api, [target("b")], lines, deps);
    await deps.written(/Waiting for status/, "stderr");
    await api.delete(refFor(OP, "w"), "b");
    const [gone] = await done;
    assert.equal(gone.outcome, "gone");
    assert.equal(deps.stderr(), "[0s] Waiting for status\n", "nothing after the deletion");
  });
});
