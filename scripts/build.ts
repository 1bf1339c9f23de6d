/**
 * `deno task build`: bundle hyperctl, then compile the bundle into single binaries.
 *
 * 1. `deno bundle --code-splitting` writes dist/bundle/: the CLI (main.js) plus a chunk
 *    per lazily imported command, so a command parses only its own code (`vm list` with 100 VMs:
 *    about 115 ms instead of 180 ms from source; see bench/FINDINGS.md). It runs as it is with
 *    `deno run <BINARY_PERMISSIONS> dist/bundle/hyperctl.js`, a small entry the build writes.
 * 2. `deno compile` turns that entry into a binary per target. It downloads a small runtime
 *    (denort) per target from the Deno CDN. Where that is impossible, DENORT_BIN names a local
 *    denort for the host target; without it the build fails with one clear line per target.
 *
 * Usage: deno task build [--bundle-only] [--target T ...] [--out DIR]
 * @module
 */

import { resolve } from "pathe";
import { type BuildStamp, stageSources, stampFor } from "./release/stamp.ts";

/** Permissions the binary gets; tests run `deno run` with the same set (see tests/support/cli.ts). */
export const BINARY_PERMISSIONS = [
  "--allow-net",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-run",
  "--allow-sys",
];

/**
 * V8 flags the binary is compiled with: `gc` exposed so a long list can scavenge between pages
 * (src/k8s/_collect_garbage.ts): a 100 000-VM list then peaks near 80 MiB RSS instead of 120-150.
 */
export const BINARY_V8_FLAGS = ["--v8-flags=--expose-gc"];

import { bundleNoVnc, NOVNC_SCRIPT } from "../src/console/novnc_script.ts";

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

/** Every target a release is built for, as `deno compile --target` spells them. */
export const ALL_TARGETS = [
  "x86_64-unknown-linux-gnu",
  "aarch64-unknown-linux-gnu",
  "x86_64-apple-darwin",
  "aarch64-apple-darwin",
  "x86_64-pc-windows-msvc",
];

/** The host target's name, as `deno compile --target` spells it. */
export function hostTarget(): string {
  const arch = Deno.build.arch;
  switch (Deno.build.os) {
    case "darwin":
      return `${arch}-apple-darwin`;
    case "windows":
      return `${arch}-pc-windows-msvc`;
    default:
      return `${arch}-unknown-linux-gnu`;
  }
}

interface BuildArgs {
  targets: string[];
  out: string;
  bundleOnly: boolean;
}

function parseArgs(args: string[]): BuildArgs {
  const parsed: BuildArgs = { targets: [], out: "dist", bundleOnly: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--target") parsed.targets.push(args[++i]);
    else if (args[i] === "--out") parsed.out = args[++i];
    else if (args[i] === "--bundle-only") parsed.bundleOnly = true;
    else throw new Error(`unknown argument "${args[i]}"`);
  }
  for (const t of parsed.targets) {
    if (!ALL_TARGETS.includes(t)) {
      throw new Error(`unknown target "${t}" (one of ${ALL_TARGETS.join(", ")})`);
    }
  }
  return parsed;
}

/** Last meaningful line of a tool's stderr, without colours. */
function lastLine(stderr: Uint8Array, code: number): string {
  // deno-lint-ignore no-control-regex
  const text = new TextDecoder().decode(stderr).replace(/\x1b\[[0-9;]*m/g, "");
  return text.trim().split("\n").map((l) => l.trim()).filter(Boolean).pop() ??
    `exit code ${code}`;
}

/**
 * The bundle's entry, written beside the chunks. Like main.ts it answers `--version` before it
 * loads anything; it cannot be main.ts bundled, because a bundled entry imports the chunks it
 * shares with other modules up front.
 */
function entrySource(version: string): string {
  return `// hyperctl ${version}, written by scripts/build.ts: answers --version, else runs the CLI.
if (Deno.args.length === 1 && Deno.args[0] === "--version") {
  await Deno.stdout.write(new TextEncoder().encode(${JSON.stringify(`hyperctl ${version}\n`)}));
  Deno.exit(0);
}
const { run } = await import(String("./main.js")); // computed: see deferDynamicImports()
Deno.exit(await run(Deno.args));
`;
}

/**
 * Packages left out of the bundle: @inquirer/prompts' CommonJS dependencies `require()` Node
 * modules, which the browser platform (below) cannot provide inside a bundle. They load only
 * when a prompt is shown, from the pinned npm specifier.
 */
const EXTERNAL_PACKAGES = ["@inquirer/prompts"];

/** The pinned `npm:` specifier of each of `EXTERNAL_PACKAGES`, from `root`'s deno.json. */
async function externalSpecifiers(root: string): Promise<Map<string, string>> {
  const { imports } = JSON.parse(await Deno.readTextFile(`${root}/deno.json`));
  return new Map(EXTERNAL_PACKAGES.map((name) => {
    const pinned = imports?.[name];
    if (typeof pinned !== "string") throw new Error(`${root}/deno.json does not pin "${name}"`);
    return [name, pinned];
  }));
}

/** A literal dynamic import: `import("<specifier>")`. */
const DYNAMIC_IMPORT = /\bimport\("([^"]+)"\)/g;

/**
 * Rewrite the bundle's dynamic imports of its own chunks, of `node:` modules and of
 * `EXTERNAL_PACKAGES` as `import(String("…"))`, the packages pinned to their npm specifiers so
 * `deno run` and `deno compile` resolve them without the import map.
 *
 * Why: before `deno run` starts the entry, Deno loads every module that a literal `import("…")`
 * can reach (all the chunks, and the npm graph of @inquirer/prompts), although one command needs
 * a few of them. A computed specifier is resolved when the import runs: `vm list` with 100 VMs
 * took 71 ms instead of 83 ms, `--version` 16 ms instead of 29 ms (bench/FINDINGS.md).
 * `compile()` embeds the chunks and the npm packages with `--include` instead.
 */
async function deferDynamicImports(outDir: string, root: string): Promise<void> {
  const pinned = await externalSpecifiers(root);
  const files = new Set<string>();
  for await (const f of Deno.readDir(outDir)) if (f.name.endsWith(".js")) files.add(f.name);
  const deferred = (spec: string): string | undefined => {
    if (pinned.has(spec)) return pinned.get(spec);
    if (spec.startsWith("node:")) return spec;
    if (spec.startsWith("./") && files.has(spec.slice(2))) return spec;
    return undefined; // not the bundler's: leave it as it is
  };
  const seen = new Set<string>();
  for (const name of files) {
    const path = `${outDir}/${name}`;
    const text = await Deno.readTextFile(path);
    const out = text.replace(DYNAMIC_IMPORT, (literal, spec: string) => {
      const target = deferred(spec);
      if (target === undefined) return literal;
      seen.add(spec);
      return `import(String(${JSON.stringify(target)}))`;
    });
    if (out !== text) await Deno.writeTextFile(path, out);
  }
  const missing = EXTERNAL_PACKAGES.filter((n) => !seen.has(n));
  if (missing.length) throw new Error(`no dynamic import of ${missing.join(", ")} in the bundle`);
}

/**
 * Bundle `root`'s CLI into `outDir` (emptied first, so no stale chunk survives) and return the
 * entry's path (`hyperctl.js`). With `stamp`, a stamped copy of the sources is bundled (see
 * release/stamp.ts). Throws with the bundler's last line on failure.
 */
export async function bundle(outDir: string, root = ROOT, stamp?: BuildStamp): Promise<string> {
  // The bundler runs in `root` (a staged copy when stamping): a relative outDir must mean the same
  // folder to it and to the steps here that read the bundle back.
  outDir = resolve(outDir);
  if (stamp) {
    const staged = await stageSources(root, stamp);
    try {
      return await bundle(outDir, staged);
    } finally {
      await Deno.remove(staged, { recursive: true });
    }
  }
  await Deno.remove(outDir, { recursive: true }).catch(() => {});
  await Deno.mkdir(outDir, { recursive: true });
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--config",
      `${root}/deno.json`,
      // The browser platform resolves rxjs and yaml to their ES module builds. For the deno
      // platform they are CommonJS/Node builds, whose require() shim imports node:module in
      // every chunk; the first node: import costs a run 20-30 ms (bench/FINDINGS.md).
      "--platform",
      "browser",
      ...EXTERNAL_PACKAGES.flatMap((name) => ["--external", name]),
      "--code-splitting",
      "--outdir",
      outDir,
      `${root}/src/cli/main.ts`,
    ],
    cwd: root,
    stdout: "null",
    stderr: "piped",
  }).output();
  if (code !== 0) throw new Error(`deno bundle failed: ${lastLine(stderr, code)}`);
  await deferDynamicImports(outDir, root);
  // `vm vnc --web` serves noVNC to the browser from this file beside the chunks; `compile()`
  // embeds the whole directory, so the binary serves it too.
  await Deno.writeTextFile(`${outDir}/${NOVNC_SCRIPT}`, await bundleNoVnc(Deno.execPath(), root));
  const { VERSION } = await import(`${root}/src/cli/version.ts`);
  const entry = `${outDir}/hyperctl.js`;
  await Deno.writeTextFile(entry, entrySource(VERSION));
  return entry;
}

/** Result of one `deno compile`: the binary, or why there is none (one line). */
export type CompileResult = { binary: string } | { error: string };

/**
 * Compile the bundle entry for `target` into `exe`; a missing denort is named as the cause. The
 * bundle's dynamic imports are computed (see deferDynamicImports()), so its directory and the
 * external npm packages are embedded by name.
 */
export async function compile(
  entry: string,
  target: string,
  exe: string,
  root = ROOT,
): Promise<CompileResult> {
  const bundleDir = entry.slice(0, entry.lastIndexOf("/"));
  const includes = [bundleDir, ...(await externalSpecifiers(root)).values()];
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "compile",
      "--quiet",
      ...BINARY_PERMISSIONS,
      ...BINARY_V8_FLAGS,
      ...includes.flatMap((path) => ["--include", path]),
      "--target",
      target,
      "--output",
      exe,
      entry,
    ],
    stdout: "null",
    stderr: "piped",
  }).output();
  if (code === 0) return { binary: exe };
  const text = new TextDecoder().decode(stderr);
  if (/denort|download|dl\.deno\.land|error sending request|dns error/i.test(text)) {
    return {
      error: `the Deno runtime (denort) for ${target} could not be downloaded; ` +
        `set DENORT_BIN to a denort ${Deno.version.deno} binary for this target`,
    };
  }
  return { error: lastLine(stderr, code) };
}

if (import.meta.main) {
  let opts;
  try {
    opts = parseArgs(Deno.args);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    Deno.exit(2);
  }
  let entry;
  try {
    const { VERSION } = await import("../src/cli/version.ts");
    entry = await bundle(`${opts.out}/bundle`, ROOT, await stampFor(ROOT, VERSION));
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    Deno.exit(1);
  }
  const runFlags = [...BINARY_PERMISSIONS, ...BINARY_V8_FLAGS].join(" ");
  console.error(`bundled ${entry} (runs with: deno run ${runFlags} ${entry})`);
  if (opts.bundleOnly) Deno.exit(0);
  // A local denort only fits the host; without explicit targets build just that one.
  const targets = opts.targets.length > 0
    ? opts.targets
    : Deno.env.get("DENORT_BIN")
    ? [hostTarget()]
    : ALL_TARGETS;
  let ok = true;
  for (const t of targets) {
    const exe = `${opts.out}/hyperctl-${t}${t.includes("windows") ? ".exe" : ""}`;
    const result = await compile(entry, t, exe);
    if ("binary" in result) console.error(`built ${exe}`);
    else console.error(`error: cannot build ${t}: ${result.error}`);
    ok = ok && "binary" in result;
  }
  Deno.exit(ok ? 0 : 1);
}
