/**
 * Write one release archive: `.tar.gz` (GNU tar + gzip) or `.zip` (Info-ZIP), the formats and
 * tools users unpack with, run here so the archive is exactly what those tools make.
 * @module
 */

import { resolve } from "pathe";

/** A file to put in an archive under `name`. */
export interface ArchiveEntry {
  name: string;
  /** Where the file is now. */
  path: string;
  executable: boolean;
}

async function run(cmd: string, args: string[], cwd: string): Promise<void> {
  const { code, stderr } = await new Deno.Command(cmd, {
    args,
    cwd,
    stdout: "null",
    stderr: "piped",
  })
    .output();
  if (code !== 0) {
    const why = new TextDecoder().decode(stderr).trim().split("\n").pop() || `exit code ${code}`;
    throw new Error(`${cmd} ${args.join(" ")}: ${why}`);
  }
}

/**
 * Write `entries` into the archive `out` (its extension picks the format), flat, with modes 0755
 * for executables and 0644 for the rest, owner root and every time set to `mtime`, so the same
 * inputs give the same bytes.
 */
export async function writeArchive(
  out: string,
  entries: readonly ArchiveEntry[],
  mtime: Date,
): Promise<void> {
  out = resolve(out); // the tools run in a scratch directory
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-archive-" });
  try {
    for (const e of entries) {
      await Deno.copyFile(e.path, `${dir}/${e.name}`);
      await Deno.chmod(`${dir}/${e.name}`, e.executable ? 0o755 : 0o644);
      await Deno.utime(`${dir}/${e.name}`, mtime, mtime);
    }
    const names = entries.map((e) => e.name).sort();
    await Deno.remove(out).catch(() => {});
    if (out.endsWith(".zip")) {
      await run("zip", ["-q", "-X", out, ...names], dir);
    } else if (out.endsWith(".tar.gz")) {
      const tar = out.slice(0, -".gz".length);
      const seconds = Math.floor(mtime.getTime() / 1000);
      await run("tar", [
        "--owner=0",
        "--group=0",
        "--numeric-owner",
        `--mtime=@${seconds}`,
        "-cf",
        tar,
        ...names,
      ], dir);
      await run("gzip", ["-n", "-9", "-f", tar], dir);
    } else {
      throw new Error(`unknown archive format: ${out}`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
