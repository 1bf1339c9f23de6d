/**
 * The clients compared: hyperctl as a user runs it from source (`deno run` with the binary's
 * permissions), hyperctl compiled with `deno compile` when that is possible here, and kubectl 1.33.
 * @module
 */

import { BINARY_PERMISSIONS } from "../build.ts";
import type { Tool } from "./process_run.ts";

/** Environment every client gets: the server's kubeconfig and no colour; HOME/PATH kept. */
function baseEnv(kubeconfig: string): Record<string, string> {
  const keep = ["HOME", "PATH", "DENO_DIR", "TMPDIR"];
  const env: Record<string, string> = { NO_COLOR: "1", KUBECONFIG: kubeconfig };
  for (const k of keep) {
    const v = Deno.env.get(k);
    if (v !== undefined) env[k] = v;
  }
  return env;
}

/**
 * hyperctl from source: `deno run --quiet <BINARY_PERMISSIONS> ROOT/main.ts`, as
 * tests/support/cli.ts runs it. `root` is the checkout (this repository, or a scratch copy).
 */
export function hyperctlTool(kubeconfig: string, root: string): Tool {
  return {
    label: "hyperctl",
    cmd: Deno.execPath(),
    baseArgs: ["run", "--quiet", ...BINARY_PERMISSIONS, `${root}/main.ts`],
    env: baseEnv(kubeconfig),
  };
}

/** hyperctl as a compiled binary at `path`. */
export function compiledTool(path: string, kubeconfig: string): Tool {
  return { label: "hyperctl (compiled)", cmd: path, baseArgs: [], env: baseEnv(kubeconfig) };
}

/** The kubectl 1.33 binary next to the `kubectl` on PATH. */
export function kubectlPath(): string {
  const out = new Deno.Command("sh", {
    args: ["-c", 'dirname "$(readlink -f "$(command -v kubectl)")"'],
    stdout: "piped",
  }).outputSync();
  return `${new TextDecoder().decode(out.stdout).trim()}/kubectl.1.33`;
}

/**
 * kubectl 1.33 with its own discovery cache dir, so every run after the warm-up reads discovery
 * from disk like a user's second command does.
 */
export function kubectlTool(kubeconfig: string, cacheDir: string): Tool {
  return {
    label: "kubectl 1.33",
    cmd: kubectlPath(),
    baseArgs: [`--cache-dir=${cacheDir}`],
    env: baseEnv(kubeconfig),
  };
}

/** Result of trying `deno compile` here. */
export interface CompileAttempt {
  binary?: string;
  /** Why there is no binary (one line), when there is none. */
  note?: string;
}

/**
 * Try to compile hyperctl for the host (honours DENORT_BIN like scripts/build.ts). Where the
 * runtime (denort) cannot be downloaded this fails fast and the reason goes into the report.
 */
export async function tryCompile(
  outDir: string,
  root: string,
  timeoutMs = 120_000,
): Promise<CompileAttempt> {
  const binary = `${outDir}/hyperctl`;
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "compile",
      "--quiet",
      ...BINARY_PERMISSIONS,
      "--include",
      `${root}/deploy/crds`,
      "--output",
      binary,
      `${root}/main.ts`,
    ],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  }, timeoutMs);
  const out = await child.output();
  clearTimeout(timer);
  if (out.success) return { binary };
  const text = new TextDecoder().decode(out.stderr)
    // deno prints ANSI colours even to a pipe in some versions
    // deno-lint-ignore no-control-regex
    .replace(/\x1b\[[0-9;]*m/g, "");
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  // The cause of a failed runtime download is a few lines below the headline.
  const line = lines.find((l) => /denort|dl\.deno\.land/i.test(l)) ??
    lines.find((l) => /error/i.test(l)) ?? lines.pop() ?? `exit code ${out.code}`;
  return { note: `deno compile failed: ${line.slice(0, 300)}` };
}
