/**
 * Run the README's samples as a reader would: `hyperctl sim` started with the README's flags in
 * the background, then each sample in document order against it, stdout and stderr on one pipe
 * (so they interleave as on a terminal).
 * @module
 */

import { BINARY_PERMISSIONS } from "../build.ts";
import type { Sample } from "./samples.ts";

/** What one sample printed and its exit code. */
export interface SampleRun {
  code: number;
  output: string;
}

/** Options of {@link runSamples}. */
export interface RunSamplesOptions {
  /** The hyperctl program to run with `deno run`: main.ts or a bundle's entry. */
  program: string;
  /** How long the sim's operator may take to settle the seeded VMs. @default 60000 */
  settleMs?: number;
}

/** A scratch HOME/XDG_CONFIG_HOME (no reader's config file applies) with Deno's cache kept. */
function sampleEnv(dir: string, kubeconfig: string): Record<string, string> {
  return {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    HOME: dir,
    XDG_CONFIG_HOME: `${dir}/config`,
    DENO_DIR: Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`,
    KUBECONFIG: kubeconfig,
    NO_COLOR: "1",
  };
}

async function runOne(program: string, args: string[], env: Record<string, string>) {
  const deno = [Deno.execPath(), "run", "--quiet", ...BINARY_PERMISSIONS, program, ...args];
  const out = await new Deno.Command("sh", {
    args: ["-c", 'exec "$@" 2>&1', "sh", ...deno],
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "inherit",
  }).output();
  return { code: out.code, output: new TextDecoder().decode(out.stdout) };
}

/** Wait until every seeded VM is Running or Stopped, as a reader's cluster is by then. */
async function settle(program: string, env: Record<string, string>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const { code, output } = await runOne(program, ["vm", "list", "-o", "json"], env);
    if (code === 0) {
      const items = JSON.parse(output).items as { status?: { phase?: string } }[];
      if (items.every((o) => o.status?.phase === "Running" || o.status?.phase === "Stopped")) {
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the embedded cluster did not settle within ${ms} ms`);
}

/**
 * Start `hyperctl sim simFlags…`, run `samples` against it in order, stop it.
 *
 * @returns one run per sample
 */
export async function runSamples(
  samples: readonly Sample[],
  simFlags: readonly string[],
  options: RunSamplesOptions,
): Promise<SampleRun[]> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-readme-" });
  const kubeconfig = `${dir}/kubeconfig.yaml`;
  const env = sampleEnv(dir, kubeconfig);
  const sim = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      ...BINARY_PERMISSIONS,
      options.program,
      "sim",
      ...simFlags,
      "--kubeconfig-out",
      kubeconfig,
    ],
    env,
    clearEnv: true,
    stdout: "null",
    stderr: "piped",
  }).spawn();
  try {
    // The sim says "Press Ctrl+C" once it is serving and seeded.
    const reader = sim.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let said = "";
    while (!said.includes("Press Ctrl+C")) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`hyperctl sim ${simFlags.join(" ")} stopped: ${said.trim()}`);
      said += value;
    }
    void reader.read().then(function drain(r): unknown {
      return r.done ? undefined : reader.read().then(drain);
    });
    await settle(options.program, env, options.settleMs ?? 60_000);
    const runs: SampleRun[] = [];
    for (const sample of samples) runs.push(await runOne(options.program, sample.args, env));
    return runs;
  } finally {
    sim.kill("SIGINT");
    await sim.status;
    await Deno.remove(dir, { recursive: true });
  }
}
