/**
 * Version stamping: write the release version, git commit and build date into a staged copy of
 * the sources (src/cli/build_stamp.ts), which the build then bundles. The checkout is never
 * changed, so a plain checkout keeps reporting deno.json's version.
 * @module
 */

import { cp } from "node:fs/promises";
import type { BuildStamp } from "../../src/cli/build_stamp.ts";

export type { BuildStamp };

/** What bundling reads from a checkout: the config and lock file, the sources, the CRDs. */
const STAGED = ["deno.json", "deno.lock", "src", "deploy"];

/** The line of src/cli/build_stamp.ts that a build replaces. */
const UNSTAMPED = "export const BUILD_STAMP: BuildStamp | undefined = undefined;";

/**
 * src/cli/build_stamp.ts's `source` with `stamp` in place of its empty stamp.
 *
 * @example
 * ```ts
 * import { match } from "node:assert/strict";
 * import { stampModule } from "./stamp.ts";
 * const source = "export const BUILD_STAMP: BuildStamp | undefined = undefined;\n";
 * const stamp = { version: "0.2.0", commit: "abc", date: "2026-12-06T10:00:00Z" };
 * match(stampModule(source, stamp), /= \{"version":"0\.2\.0",/);
 * ```
 * @throws Error when `source` has no empty stamp to replace (the file changed shape)
 */
export function stampModule(source: string, stamp: BuildStamp): string {
  if (!source.includes(UNSTAMPED)) throw new Error(`build_stamp.ts has no line "${UNSTAMPED}"`);
  return source.replace(
    UNSTAMPED,
    `export const BUILD_STAMP: BuildStamp | undefined = ${JSON.stringify(stamp)};`,
  );
}

/** The git commit `root` is checked out at, or "" outside a repository. */
export async function gitCommit(root: string): Promise<string> {
  try {
    const out = await new Deno.Command("git", {
      args: ["rev-parse", "HEAD"],
      cwd: root,
      stdout: "piped",
      stderr: "null",
    }).output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : "";
  } catch {
    return ""; // no git on PATH
  }
}

/** The stamp of a build made now from `root` at `version`. */
export async function stampFor(root: string, version: string): Promise<BuildStamp> {
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return { version: version.replace(/^v/, ""), commit: await gitCommit(root), date };
}

/**
 * Copy what bundling needs from `root` into a new temporary directory and stamp it there.
 *
 * @returns the staged root; the caller removes it
 */
export async function stageSources(root: string, stamp: BuildStamp): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-stage-" });
  for (const entry of STAGED) {
    await cp(`${root}/${entry}`, `${dir}/${entry}`, { recursive: true });
  }
  const file = `${dir}/src/cli/build_stamp.ts`;
  await Deno.writeTextFile(file, stampModule(await Deno.readTextFile(file), stamp));
  return dir;
}
