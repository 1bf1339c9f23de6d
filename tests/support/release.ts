/**
 * Helpers for the release tests: `deno task release package` run from the checkout, and stand-in
 * executables named like the compiled binaries (the packaging is tested, never a compile).
 * @module
 */

import { binaryName, RELEASE_TARGETS } from "../../scripts/release/targets.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** One finished process. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `cmd args…` to the end, capturing stdout and stderr. */
export async function run(
  cmd: string,
  args: string[],
  opts: Deno.CommandOptions = {},
): Promise<Run> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped", ...opts })
    .output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

/** `deno task release package …` from the checkout. */
export function releasePackage(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return run(Deno.execPath(), ["task", "--quiet", "release", "package", ...args], {
    cwd: ROOT,
    env,
  });
}

/** A directory of stand-in binaries, each a script printing which target it stands for. */
export async function standInBinaries(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-binaries-" });
  for (const t of RELEASE_TARGETS) {
    await Deno.writeTextFile(
      `${dir}/${binaryName(t)}`,
      `#!/bin/sh\necho "stand-in for ${t.triple}: $*"\n`,
      { mode: 0o755 },
    );
  }
  return dir;
}
