/**
 * `deno task release`: make a release locally with the same code the release workflow runs
 * (.github/workflows/release.yml).
 *
 *   deno task release [--version V] [--out DIR] [--repo OWNER/NAME]
 *     stamp the version, git commit and date, bundle, compile every target it can (one line for
 *     each it cannot), then package them as below. Exit 1 only when no target could be built.
 *   deno task release compile --target T [--version V] [--out DIR]
 *     one target's binary, DIR/hyperctl-<T>[.exe]: the workflow's per-target jobs.
 *   deno task release package --binaries DIR [--version V] [--out OUT] [--repo OWNER/NAME]
 *     hyperctl_<V>_<os>_<arch>.tar.gz|zip per binary, SHA256SUMS, hyperctl.yaml (krew) and
 *     hyperctl.rb (Homebrew): the workflow's packaging job.
 *
 * The version defaults to deno.json's; `v0.2.0` and `0.2.0` are the same. With SOURCE_DATE_EPOCH
 * set, every archived file carries that time, so packaging the same binaries twice gives the
 * same bytes. `deno compile`
 * downloads the Deno runtime of each target; where it cannot, DENORT_BIN names the host's.
 * @module
 */

import { parseArgs } from "node:util";
import { ALL_TARGETS, bundle, compile, hostTarget } from "./build.ts";
import { packageRelease } from "./release/package.ts";
import { stampFor } from "./release/stamp.ts";
import { binaryName, RELEASE_TARGETS } from "./release/targets.ts";
import project from "../deno.json" with { type: "json" };

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

/** The GitHub repository releases are published under, unless --repo or GITHUB_REPOSITORY. */
export const DEFAULT_REPO = "hyperctl/hyperctl";

class InputError extends Error {}

function parse(args: string[]) {
  const command = args[0] === "compile" || args[0] === "package" ? args[0] : "all";
  const { values, positionals } = parseArgs({
    args: command === "all" ? args : args.slice(1),
    options: {
      version: { type: "string", default: project.version },
      out: { type: "string" },
      repo: { type: "string", default: Deno.env.get("GITHUB_REPOSITORY") || DEFAULT_REPO },
      target: { type: "string" },
      binaries: { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length) throw new InputError(`unexpected argument "${positionals[0]}"`);
  const version = values.version.replace(/^v/, "");
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new InputError(`--version "${values.version}" is not a version like 0.2.0 or v0.2.0`);
  }
  if (!/^[\w.-]+\/[\w.-]+$/.test(values.repo)) {
    throw new InputError(`--repo "${values.repo}" is not OWNER/NAME`);
  }
  if (command === "compile" && !ALL_TARGETS.includes(values.target ?? "")) {
    throw new InputError(`compile needs --target, one of ${ALL_TARGETS.join(", ")}`);
  }
  if (command === "package" && !values.binaries) {
    throw new InputError("package needs --binaries DIR");
  }
  if (command !== "compile" && values.target) throw new InputError("--target is for compile");
  if (command !== "package" && values.binaries) throw new InputError("--binaries is for package");
  const out = values.out ?? (command === "compile" ? "dist/binaries" : "dist/release");
  return {
    command,
    version,
    out,
    repo: values.repo,
    target: values.target,
    binaries: values.binaries,
  };
}

/** Compile `targets` from one stamped bundle into `out`; returns how many were built. */
async function compileTargets(targets: string[], version: string, out: string): Promise<number> {
  const entry = await bundle(`${out}/bundle`, ROOT, await stampFor(ROOT, version));
  const localRuntime = Deno.env.get("DENORT_BIN");
  let built = 0;
  for (const target of RELEASE_TARGETS.filter((t) => targets.includes(t.triple))) {
    const exe = `${out}/${binaryName(target)}`;
    const result = localRuntime && target.triple !== hostTarget()
      ? { error: `DENORT_BIN is a runtime for ${hostTarget()} only` }
      : await compile(entry, target.triple, exe);
    if ("binary" in result) {
      console.error(`built ${exe}`);
      built++;
    } else console.error(`error: cannot build ${target.triple}: ${result.error}`);
  }
  return built;
}

async function main(args: string[]): Promise<number> {
  const o = parse(args);
  if (o.command === "compile") {
    return await compileTargets([o.target!], o.version, o.out) === 1 ? 0 : 1;
  }
  let binaries = o.binaries!;
  if (o.command === "all") {
    binaries = `${o.out}/binaries`;
    const built = await compileTargets(ALL_TARGETS, o.version, binaries);
    if (built === 0) return 1;
  }
  // SOURCE_DATE_EPOCH (reproducible-builds.org): the same inputs give byte-identical archives.
  const epoch = Deno.env.get("SOURCE_DATE_EPOCH");
  const mtime = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  const files = await packageRelease({ ...o, binaries, root: ROOT, mtime });
  for (const f of files) console.error(`wrote ${o.out}/${f}`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (e) {
    const usage = e instanceof InputError || (e as { code?: string }).code?.startsWith("ERR_PARSE");
    console.error(`error: ${(e as Error).message}`);
    Deno.exit(usage ? 2 : 1);
  }
}
