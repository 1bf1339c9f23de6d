/**
 * Time-boxed watches and state files when the cluster goes away, freezes or is rebuilt, on a
 * private real API server (the shared one must keep serving other suites): each case ends with a
 * distinct exit code and a line on stderr, never a silent exit 0.
 */
import assert from "node:assert/strict";
import { kubectlBinary, realServerAvailable, startApiServer } from "../support/apiserver.ts";
import { type CliResult, hyperctl } from "../support/cli.ts";

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

async function timed(run: Promise<CliResult>): Promise<CliResult & { seconds: number }> {
  const start = performance.now();
  const r = await run;
  return { ...r, seconds: (performance.now() - start) / 1000 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test({
  name: "a watch under --for on a refused connection exits 1 at once, as the list and kubectl do",
  sanitizeResources: false,
  async fn() {
    const port = freePort();
    const kubeconfig = await Deno.makeTempFile({ suffix: ".yaml" });
    await Deno.writeTextFile(
      kubeconfig,
      `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
current-context: x
`,
    );
    try {
      const watch = await timed(
        hyperctl(["vm", "list", "-A", "-w", "-o", "json", "--for", "20s"], { kubeconfig }),
      );
      const list = await hyperctl(["vm", "list", "-A", "-o", "json"], { kubeconfig });
      const kubectl = new Deno.Command(kubectlBinary(), {
        args: ["get", "virtualmachines.hypersdk.io", "-A", "-w", "--request-timeout=20s"],
        env: { KUBECONFIG: kubeconfig },
        stdout: "piped",
        stderr: "piped",
      }).outputSync();
      assert.equal(kubectl.code, 1);
      assert.equal(watch.code, 1, watch.stderr);
      assert.ok(watch.seconds < 10, `took ${watch.seconds}s`);
      assert.equal(watch.stdout, "");
      assert.equal(watch.stderr, list.stderr);
      assert.match(watch.stderr, /^error: cannot reach the cluster at .*: connection refused\n$/);
    } finally {
      await Deno.remove(kubeconfig);
    }
  },
});

/** What `running` ends with when the server at `pid` freezes `ms` after it started. */
async function frozenAfter<T>(pid: number, ms: number, running: Promise<T>): Promise<T> {
  await sleep(ms);
  Deno.kill(pid, "SIGSTOP");
  try {
    return await running;
  } finally {
    Deno.kill(pid, "SIGCONT");
  }
}

Deno.test({
  name: "a frozen, a killed and a rebuilt server each end a cron slice loudly",
  ignore: !realServerAvailable(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const port = freePort();
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-cron-" });
    const state = `${dir}/vms.state`;
    let server = await startApiServer({ extraArgs: [`--port=${port}`] });
    const slice = (forArg: string, env: Record<string, string> = {}) =>
      timed(hyperctl(
        ["vm", "list", "-w", "-o", "json", "--for", forArg, "--state-file", state],
        { kubeconfig: server.kubeconfigPath, env },
      ));
    try {
      const created = await hyperctl(["vm", "create", "c1", "--cpus", "1", "--memory", "1Gi"], {
        kubeconfig: server.kubeconfigPath,
      });
      assert.equal(created.code, 0, created.stderr);

      await t.step("--for 0 prints the list and stops", async () => {
        const r = await slice("0");
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, "");
        assert.deepEqual(
          r.stdout.trim().split("\n").map((l) => JSON.parse(l).object.metadata.name),
          ["c1"],
        );
      });

      await t.step("a server frozen mid-stream is reported within the idle bound", async () => {
        const r = await frozenAfter(
          server.pid,
          6000,
          slice("25s", { HYPERCTL_WATCH_IDLE_TIMEOUT: "5s" }),
        );
        assert.equal(r.code, 5, r.stderr);
        const lines = r.stderr.trimEnd().split("\n");
        assert.match(
          lines[0],
          /^reconnecting: no data from the server for 5s \(frozen server or dead connection\)/,
        );
        assert.match(lines.at(-1)!, /^error: --for 25s ended while the cluster at .* unreachable/);
        assert.equal(r.stdout, "", "the slice after --for 0 resumes: nothing changed");
      });

      const saved = await Deno.readTextFile(state);

      await t.step(
        "a server killed mid-watch: reconnecting lines, exit 5, checkpoint kept",
        async () => {
          const cut = slice("12s");
          const getWatch = timed(
            hyperctl(["vm", "get", "c1", "-w", "-o", "json", "--for", "12s"], {
              kubeconfig: server.kubeconfigPath,
            }),
          );
          await sleep(5000);
          Deno.kill(server.pid, "SIGKILL");
          const g = await getWatch;
          assert.equal(g.code, 5, g.stderr);
          assert.match(g.stderr, /^reconnecting: /);
          assert.match(g.stderr, /\nerror: --for 12s ended while the cluster at .* unreachable/);
          const r = await cut;
          assert.equal(r.code, 5, r.stderr);
          assert.match(r.stderr, /^reconnecting: /);
          assert.match(r.stderr, /connection refused/);
          assert.match(r.stderr, /\nerror: --for 12s ended while the cluster at .* unreachable/);
          const after = JSON.parse(await Deno.readTextFile(state));
          assert.equal(after.resourceVersion, JSON.parse(saved).resourceVersion);
        },
      );

      await server.stop();
      // The same URL, a fresh etcd: kind/minikube rebuilt, or an etcd restore elsewhere.
      server = await startApiServer({ extraArgs: [`--port=${port}`] });

      await t.step("a cluster rebuilt at the same URL: exit 6, nothing printed", async () => {
        const before = await Deno.readTextFile(state);
        const r = await slice("5s");
        assert.equal(r.code, 6, r.stderr);
        assert.equal(r.stdout, "");
        assert.match(
          r.stderr,
          new RegExp(
            `^error: state file "${state}" belongs to another cluster: VirtualMachine at `,
          ),
        );
        assert.equal(await Deno.readTextFile(state), before);
      });
    } finally {
      await server.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "waits tell a cluster that never answered (1) or was lost (5) from a timeout (3)",
  ignore: !realServerAvailable(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const port = freePort();
    const server = await startApiServer({ extraArgs: [`--port=${port}`] });
    const kubeconfig = server.kubeconfigPath;
    const run = (args: string[], env: Record<string, string> = {}) =>
      timed(hyperctl(args, { kubeconfig, env }));
    try {
      // No operator runs here: c1 keeps no status, and nothing ever finishes.
      const created = await run(["vm", "create", "c1", "--cpus", "1", "--memory", "1Gi"]);
      assert.equal(created.code, 0, created.stderr);

      await t.step("a healthy cluster: exit 3 with the state read", async () => {
        const r = await run(["wait", "vm", "c1", "--for", "phase=Running", "--timeout", "2s"]);
        assert.equal(r.code, 3, r.stderr);
        assert.match(r.stderr, /^error: not finished after 2s: c1 \(no status yet\); resume with/);
      });

      await t.step("a bad HYPERCTL_WATCH_IDLE_TIMEOUT: exit 2, nothing sent", async () => {
        const env = { HYPERCTL_WATCH_IDLE_TIMEOUT: "abc" };
        for (
          const args of [
            ["wait", "vm", "c1", "--for", "delete"],
            ["op", "wait", "x"],
            ["vm", "create", "c9", "--cpus", "1", "--memory", "1Gi", "--wait"],
            ["vm", "start", "c1", "--wait"],
            ["vm", "delete", "c1", "--wait", "--yes"],
          ]
        ) {
          const r = await run(args, env);
          assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
          assert.match(r.stderr, /^error: HYPERCTL_WATCH_IDLE_TIMEOUT: cannot parse duration/);
        }
        const list = await run(["vm", "list", "-o", "name"]);
        assert.equal(list.stdout, "virtualmachine.hypersdk.io/c1\n");
        const ops = await run(["op", "list", "-o", "name"]);
        assert.equal(ops.stdout, "");
      });

      await t.step("frozen before the wait: exit 1, no state described", async () => {
        Deno.kill(server.pid, "SIGSTOP");
        try {
          const [del, op] = await Promise.all([
            run(["wait", "vm", "c1", "--for", "delete", "--timeout", "4s"]),
            run(["op", "wait", "a", "b", "--timeout", "4s"]),
          ]);
          for (const r of [del, op]) {
            assert.equal(r.code, 1, r.stderr);
            assert.match(
              r.stderr,
              /^error: cannot reach the cluster at .*: no answer within --timeout 4s\n$/,
            );
          }
        } finally {
          Deno.kill(server.pid, "SIGCONT");
        }
      });

      await t.step("frozen mid-wait: exit 5 with the reason", async () => {
        const env = { HYPERCTL_WATCH_IDLE_TIMEOUT: "5s" };
        const r = await frozenAfter(
          server.pid,
          3000,
          run(["wait", "vm", "c1", "--for", "phase=Running", "--timeout", "20s"], env),
        );
        assert.equal(r.code, 5, r.stderr);
        assert.match(r.stderr, /^reconnecting: no data from the server for 5s/);
        assert.match(r.stderr, /\nerror: --timeout 20s ended while the cluster at .* unreachable/);
        assert.doesNotMatch(r.stderr, /not finished|no status yet/);
      });

      await t.step("killed mid --wait: exit 5, connection refused", async () => {
        const waiting = run([
          "vm",
          "create",
          "c2",
          "--cpus",
          "1",
          "--memory",
          "1Gi",
          "--wait",
          "--timeout",
          "12s",
        ]);
        await sleep(4000);
        Deno.kill(server.pid, "SIGKILL");
        const r = await waiting;
        assert.equal(r.code, 5, r.stderr);
        assert.match(r.stderr, /connection refused/);
        assert.match(r.stderr, /\nerror: --timeout 12s ended while the cluster at .* unreachable/);
        assert.doesNotMatch(r.stderr, /not finished/);
      });
    } finally {
      await server.stop();
    }
  },
});
