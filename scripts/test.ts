/**
 * `deno task test`: the whole suite, as CI runs it.
 *
 * 1. unit, property, golden and doc tests beside the code (`src/`);
 * 2. one real Kubernetes API server (tests/apiserver, built from the Go module proxy) started for
 *    the whole run and shared by every integration and end-to-end file (`tests/`);
 * 3. the end-to-end files again, with hyperctl run from the bundle that `deno task build` makes
 *    (HYPERCTL_TEST_ENTRY), so the shipped form passes the same tests as the source.
 *
 * Ends with one `N passed, N failed` line. Without Go on a user's machine the real-server files
 * skip with a message; with CI=true they never skip.
 * @module
 */

import { realServerAvailable, startApiServer } from "../tests/support/apiserver.ts";
import { bundle } from "./build.ts";

interface Counts {
  passed: number;
  failed: number;
  ignored: number;
}

const decoder = new TextDecoder();

/** Run `deno test` with `args`, echo its output, and count the results from its summary lines. */
async function denoTest(args: string[], env: Record<string, string> = {}): Promise<Counts> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "--allow-all", ...args],
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const counts: Counts = { passed: 0, failed: 0, ignored: 0 };
  let tail = "";
  for await (const chunk of child.stdout) {
    await Deno.stdout.write(chunk);
    tail = (tail + decoder.decode(chunk, { stream: true })).slice(-4096);
  }
  const status = await child.status;
  // Summary: "ok | 101 passed | 0 failed | 2 ignored (11s)" or "FAILED | 3 passed | 1 failed".
  const summary = [
    ...tail.matchAll(/(?:ok|FAILED) \| (\d+) passed[^|]*\| (\d+) failed(?: \| (\d+) ignored)?/g),
  ]
    .at(-1);
  if (summary) {
    counts.passed = Number(summary[1]);
    counts.failed = Number(summary[2]);
    counts.ignored = Number(summary[3] ?? 0);
  }
  if (!status.success && counts.failed === 0) counts.failed = 1; // e.g. a type error before running
  return counts;
}

async function main(): Promise<number> {
  const unit = await denoTest(["--doc", "--parallel", "src/", "scripts/"]);

  const env: Record<string, string> = {};
  let stop = () => Promise.resolve();
  if (realServerAvailable()) {
    const started = performance.now();
    const server = await startApiServer();
    console.error(
      `real API server ${server.k8sVersion} ready at ${server.server} in ${
        ((performance.now() - started) / 1000).toFixed(1)
      } s (log: ${server.logPath})`,
    );
    const ready = await Deno.makeTempFile({ prefix: "hyperctl-ready-", suffix: ".json" });
    await Deno.writeTextFile(
      ready,
      JSON.stringify({
        pid: server.pid,
        server: server.server,
        kubeconfig: server.kubeconfigPath,
        caFile: server.caFile,
        tokens: server.tokens,
        k8sVersion: server.k8sVersion,
        clientCert: server.clientCertFile,
        clientKey: server.clientKeyFile,
      }),
    );
    env.HYPERCTL_TEST_READY = ready;
    env.HYPERCTL_TEST_KUBECONFIG = server.kubeconfigPath;
    if (server.logPath) env.HYPERCTL_TEST_SERVER_LOG = server.logPath;
    stop = async () => {
      await server.stop();
      await Deno.remove(ready).catch(() => {});
    };
  }
  const runs: Counts[] = [unit];
  try {
    runs.push(await denoTest(["--parallel", "tests/"], env));
    // The end-to-end suite again, against the bundle `deno task build` compiles (what users run).
    const out = await Deno.makeTempDir({ prefix: "hyperctl-test-bundle-" });
    try {
      const entry = await bundle(`${out}/bundle`);
      console.error(`end-to-end suite again, against the bundle ${entry}`);
      runs.push(
        await denoTest(["--parallel", "tests/e2e/"], { ...env, HYPERCTL_TEST_ENTRY: entry }),
      );
    } finally {
      await Deno.remove(out, { recursive: true }).catch(() => {});
    }
  } finally {
    await stop();
  }

  const passed = runs.reduce((n, r) => n + r.passed, 0);
  const failed = runs.reduce((n, r) => n + r.failed, 0);
  const ignored = runs.reduce((n, r) => n + r.ignored, 0);
  console.log(`${passed} passed, ${failed} failed${ignored ? `, ${ignored} skipped` : ""}`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) Deno.exit(await main());
