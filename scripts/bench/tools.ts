/**
 * The clients compared: hyperctl as a user runs it from source (`deno run` with the binary's
 * permissions), the bundle `deno task build` makes (what `deno compile` embeds), the compiled
 * binary when that is possible here, and kubectl 1.33.
 * @module
 */

import { BINARY_PERMISSIONS, BINARY_V8_FLAGS, bundle, compile, hostTarget } from "../build.ts";
import { kubectlBinary } from "../../tests/support/apiserver.ts";
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

/** hyperctl as `deno task build` bundles it, run with the binary's permissions and V8 flags. */
export function bundledTool(entry: string, kubeconfig: string): Tool {
  return {
    label: "hyperctl (bundle)",
    cmd: Deno.execPath(),
    baseArgs: ["run", "--quiet", ...BINARY_PERMISSIONS, ...BINARY_V8_FLAGS, entry],
    env: baseEnv(kubeconfig),
  };
}

/** hyperctl as a compiled binary at `path`. */
export function compiledTool(path: string, kubeconfig: string): Tool {
  return { label: "hyperctl (compiled)", cmd: path, baseArgs: [], env: baseEnv(kubeconfig) };
}

/**
 * kubectl 1.33 with its own discovery cache dir, so every run after the warm-up reads discovery
 * from disk like a user's second command does.
 */
export function kubectlTool(kubeconfig: string, cacheDir: string): Tool {
  return {
    label: "kubectl 1.33",
    cmd: kubectlBinary(),
    baseArgs: [`--cache-dir=${cacheDir}`],
    env: baseEnv(kubeconfig),
  };
}

/** What `deno task build`'s two steps gave here. */
export interface BuildAttempt {
  /** The bundle's entry (hyperctl.js). */
  bundle?: string;
  /** The compiled binary for the host. */
  binary?: string;
  /** Why there is no binary (one line), when there is none. */
  note?: string;
}

/**
 * Build hyperctl from `root` the way scripts/build.ts does: bundle, then compile the bundle for
 * the host (honours DENORT_BIN). Where the runtime (denort) cannot be downloaded the compile step
 * fails fast and the reason goes into the report.
 */
export async function tryBuild(outDir: string, root: string): Promise<BuildAttempt> {
  let entry;
  try {
    entry = await bundle(`${outDir}/bundle`, root);
  } catch (err) {
    return { note: (err as Error).message };
  }
  const result = await compile(entry, hostTarget(), `${outDir}/hyperctl`, root);
  return "binary" in result
    ? { bundle: entry, binary: result.binary }
    : { bundle: entry, note: `deno compile failed: ${result.error}` };
}
