/**
 * Run hyperctl as a user does: a separate process (`deno run` with exactly the permissions the
 * compiled binary gets), with a kubeconfig, capturing stdout, stderr and the exit code.
 * @module
 */

import { BINARY_PERMISSIONS } from "../../scripts/build.ts";
import { kubectlBinary } from "./apiserver.ts";

/**
 * The hyperctl program under test: main.ts from the checkout, or the bundle's entry when
 * HYPERCTL_TEST_ENTRY names it (scripts/test.ts runs the end-to-end suite both ways).
 */
export const PROGRAM = Deno.env.get("HYPERCTL_TEST_ENTRY") ??
  new URL("../../main.ts", import.meta.url).pathname;

/** What one run produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of one run. */
export interface CliOptions {
  kubeconfig?: string;
  env?: Record<string, string>;
  stdin?: string;
  /** Kill the process after this long (it then exits 143 if it handles SIGTERM). */
  killAfterMs?: number;
  signal?: "SIGINT" | "SIGTERM";
  /** Program to run instead of {@link PROGRAM}, e.g. a freshly built bundle's entry. */
  entry?: string;
}

/** Spawn `cmd args…` with stdout/stderr captured, feed `stdin` if given, and collect the result. */
async function runCaptured(
  cmd: string,
  args: string[],
  env: Record<string, string> | undefined,
  stdin: string | undefined,
  kill?: { afterMs: number; signal: "SIGINT" | "SIGTERM" },
): Promise<CliResult> {
  const child = new Deno.Command(cmd, {
    args,
    env,
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(stdin));
    await w.close();
  }
  const timer = kill && setTimeout(() => {
    try {
      child.kill(kill.signal);
    } catch { /* already exited */ }
  }, kill.afterMs);
  const out = await child.output();
  clearTimeout(timer);
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

/** The command line and environment of `hyperctl ...args` (for tests that spawn it themselves). */
export function hyperctlCommand(
  args: string[],
  options: CliOptions = {},
): { cmd: string; args: string[]; env: Record<string, string> } {
  return {
    cmd: Deno.execPath(),
    args: ["run", "--quiet", ...BINARY_PERMISSIONS, options.entry ?? PROGRAM, ...args],
    env: {
      // Tests that move HOME must not make Deno re-download its npm cache into the new one.
      DENO_DIR: Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`,
      NO_COLOR: "1",
      ...(options.kubeconfig ? { KUBECONFIG: options.kubeconfig } : {}),
      ...options.env,
    },
  };
}

/** Run `hyperctl ...args`. */
export function hyperctl(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const command = hyperctlCommand(args, options);
  return runCaptured(
    command.cmd,
    command.args,
    command.env,
    options.stdin,
    options.killAfterMs === undefined
      ? undefined
      : { afterMs: options.killAfterMs, signal: options.signal ?? "SIGTERM" },
  );
}

const discoveryCaches = new Map<string, string>();

/**
 * kubectl's discovery cache, one per kubeconfig. kubectl keys its shared cache by host:port, and
 * the test servers come and go on random loopback ports: a port reused by a server that serves
 * other resources would otherwise meet the previous server's cached discovery.
 */
function discoveryCacheFor(kubeconfig: string): string {
  let dir = discoveryCaches.get(kubeconfig);
  if (dir === undefined) {
    dir = Deno.makeTempDirSync({ prefix: "hyperctl-kubectl-cache-" });
    discoveryCaches.set(kubeconfig, dir);
  }
  return dir;
}

/** Run kubectl 1.33 (the reference client) with a kubeconfig. */
export function kubectl(args: string[], kubeconfig: string, stdin?: string): Promise<CliResult> {
  return runCaptured(
    kubectlBinary(),
    [`--kubeconfig=${kubeconfig}`, `--cache-dir=${discoveryCacheFor(kubeconfig)}`, ...args],
    undefined,
    stdin,
  );
}

/** kubectl's stdout after running `args` for `ms`, then SIGTERM (a watch never ends by itself). */
export async function kubectlFor(args: string[], kubeconfig: string, ms: number): Promise<string> {
  const result = await runCaptured(
    kubectlBinary(),
    [`--kubeconfig=${kubeconfig}`, `--cache-dir=${discoveryCacheFor(kubeconfig)}`, ...args],
    undefined,
    undefined,
    { afterMs: ms, signal: "SIGTERM" },
  );
  return result.stdout;
}
