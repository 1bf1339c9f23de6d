/**
 * Run hyperctl as a user does: a separate process (`deno run` with exactly the permissions the
 * compiled binary gets), with a kubeconfig, capturing stdout, stderr and the exit code.
 * @module
 */

import { BINARY_PERMISSIONS } from "../../scripts/build.ts";

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

/** Run `hyperctl ...args`. */
export async function hyperctl(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", ...BINARY_PERMISSIONS, options.entry ?? PROGRAM, ...args],
    env: {
      // Tests that move HOME must not make Deno re-download its npm cache into the new one.
      DENO_DIR: Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`,
      NO_COLOR: "1",
      ...(options.kubeconfig ? { KUBECONFIG: options.kubeconfig } : {}),
      ...options.env,
    },
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(options.stdin));
    await w.close();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (options.killAfterMs !== undefined) {
    timer = setTimeout(() => {
      try {
        child.kill(options.signal ?? "SIGTERM");
      } catch { /* already exited */ }
    }, options.killAfterMs);
  }
  const out = await child.output();
  clearTimeout(timer);
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

/** Run kubectl 1.33 (the reference client) with a kubeconfig. */
export async function kubectl(
  args: string[],
  kubeconfig: string,
  stdin?: string,
): Promise<CliResult> {
  const dir = new Deno.Command("sh", {
    args: ["-c", 'dirname "$(readlink -f "$(command -v kubectl)")"'],
    stdout: "piped",
  }).outputSync();
  const bin = `${new TextDecoder().decode(dir.stdout).trim()}/kubectl.1.33`;
  const child = new Deno.Command(bin, {
    args: [`--kubeconfig=${kubeconfig}`, ...args],
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(stdin));
    await w.close();
  }
  const out = await child.output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}
