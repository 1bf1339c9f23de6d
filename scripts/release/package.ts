/**
 * `deno task release package`: from compiled binaries to what a release publishes — one archive
 * per target (the binary, README.md, LICENSE and kubectl_complete-hyperctl), SHA256SUMS, and the
 * krew manifest and Homebrew formula made from those checksums.
 * @module
 */

import { writeArchive } from "./archive.ts";
import { formatSums, parseSums, sha256Hex } from "./checksums.ts";
import { homebrewFormula } from "./homebrew.ts";
import { krewManifest } from "./krew.ts";
import { archiveName, binaryName, programFile, RELEASE_TARGETS } from "./targets.ts";

/** Options of {@link packageRelease}. */
export interface PackageOptions {
  /** Directory holding `hyperctl-<target triple>[.exe]` binaries. */
  binaries: string;
  /** Without the leading "v". */
  version: string;
  out: string;
  /** GitHub owner/name the release is published under (for the manifests' URLs). */
  repo: string;
  /** The checkout holding README.md, LICENSE and kubectl_complete-hyperctl. */
  root: string;
  /** Time stamped on every archived file. @default now */
  mtime?: Date;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/**
 * Package every binary found in `binaries` and write the release files to `out`.
 *
 * @returns the names of the files written, archives first
 * @throws Error when `binaries` holds no binary of any target
 */
export async function packageRelease(o: PackageOptions): Promise<string[]> {
  const found = [];
  for (const t of RELEASE_TARGETS) {
    if (await exists(`${o.binaries}/${binaryName(t)}`)) found.push(t);
  }
  if (found.length === 0) {
    throw new Error(
      `no binaries in ${o.binaries}: expected files named ${binaryName(RELEASE_TARGETS[0])} …`,
    );
  }
  await Deno.mkdir(o.out, { recursive: true });
  const sums = new Map<string, string>();
  for (const t of found) {
    const name = archiveName(o.version, t);
    await writeArchive(`${o.out}/${name}`, [
      { name: programFile(t), path: `${o.binaries}/${binaryName(t)}`, executable: true },
      {
        name: "kubectl_complete-hyperctl",
        path: `${o.root}/kubectl_complete-hyperctl`,
        executable: true,
      },
      { name: "README.md", path: `${o.root}/README.md`, executable: false },
      { name: "LICENSE", path: `${o.root}/LICENSE`, executable: false },
    ], o.mtime ?? new Date());
    sums.set(name, await sha256Hex(await Deno.readFile(`${o.out}/${name}`)));
  }
  await Deno.writeTextFile(`${o.out}/SHA256SUMS`, formatSums(sums));
  // The manifests read the checksums back from the file that is published.
  const info = {
    version: o.version,
    repo: o.repo,
    sums: parseSums(await Deno.readTextFile(`${o.out}/SHA256SUMS`)),
  };
  await Deno.writeTextFile(`${o.out}/hyperctl.yaml`, krewManifest(info));
  await Deno.writeTextFile(`${o.out}/hyperctl.rb`, homebrewFormula(info));
  return [...sums.keys(), "SHA256SUMS", "hyperctl.yaml", "hyperctl.rb"];
}
