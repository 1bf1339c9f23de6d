/**
 * `deno task build`: compile hyperctl into single binaries with `deno compile`.
 *
 * `deno compile` downloads a small runtime (denort) per target from the Deno CDN. Where that is
 * impossible, DENORT_BIN names a local denort for the host target; without it the build fails with
 * one clear line instead of a stack trace.
 *
 * Usage: deno task build [--target T ...] [--out DIR]
 * @module
 */

/** Permissions the binary gets; tests run `deno run` with the same set (see tests/support/cli.ts). */
export const BINARY_PERMISSIONS = [
  "--allow-net",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-run",
  "--allow-sys",
];

const ALL_TARGETS = [
  "x86_64-unknown-linux-gnu",
  "aarch64-unknown-linux-gnu",
  "x86_64-apple-darwin",
  "aarch64-apple-darwin",
  "x86_64-pc-windows-msvc",
];

function hostTarget(): string {
  const arch = Deno.build.arch;
  switch (Deno.build.os) {
    case "linux":
      return `${arch}-unknown-linux-gnu`;
    case "darwin":
      return `${arch}-apple-darwin`;
    case "windows":
      return `${arch}-pc-windows-msvc`;
    default:
      return `${arch}-unknown-linux-gnu`;
  }
}

function parseArgs(args: string[]): { targets: string[]; out: string } {
  const targets: string[] = [];
  let out = "dist";
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--target") targets.push(args[++i]);
    else if (args[i] === "--out") out = args[++i];
    else throw new Error(`unknown argument "${args[i]}"`);
  }
  for (const t of targets) {
    if (!ALL_TARGETS.includes(t)) {
      throw new Error(`unknown target "${t}" (one of ${ALL_TARGETS.join(", ")})`);
    }
  }
  return { targets, out };
}

async function compile(target: string, out: string): Promise<boolean> {
  const exe = `${out}/hyperctl-${target}${target.includes("windows") ? ".exe" : ""}`;
  const cmd = new Deno.Command(Deno.execPath(), {
    args: [
      "compile",
      ...BINARY_PERMISSIONS,
      "--include",
      "deploy/crds",
      "--target",
      target,
      "--output",
      exe,
      "main.ts",
    ],
    stdout: "inherit",
    stderr: "piped",
  });
  const { code, stderr } = await cmd.output();
  const text = new TextDecoder().decode(stderr);
  if (code === 0) {
    console.error(`built ${exe}`);
    return true;
  }
  const download = /denort|download|dl\.deno\.land|error sending request|dns error/i.test(text);
  if (download) {
    console.error(
      `error: cannot build ${target}: the Deno runtime (denort) for it could not be downloaded; ` +
        `set DENORT_BIN to a denort ${Deno.version.deno} binary for this target`,
    );
  } else {
    const last = text.trim().split("\n").filter((l) => l.trim()).pop() ?? `exit code ${code}`;
    console.error(`error: cannot build ${target}: ${last}`);
  }
  return false;
}

if (import.meta.main) {
  let opts;
  try {
    opts = parseArgs(Deno.args);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    Deno.exit(2);
  }
  // A local denort only fits the host; without explicit targets build just that one.
  const targets = opts.targets.length > 0
    ? opts.targets
    : Deno.env.get("DENORT_BIN")
    ? [hostTarget()]
    : ALL_TARGETS;
  await Deno.mkdir(opts.out, { recursive: true });
  let ok = true;
  for (const t of targets) ok = (await compile(t, opts.out)) && ok;
  Deno.exit(ok ? 0 : 1);
}
