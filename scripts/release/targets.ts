/**
 * The release's file names per target: the binaries the compile step writes
 * (`hyperctl-<deno target triple>`) and the archives users download
 * (`hyperctl_<version>_<os>_<arch>.tar.gz`, `.zip` for Windows).
 * @module
 */

import { ALL_TARGETS } from "../build.ts";

/** One target of a release. */
export interface ReleaseTarget {
  /** As `deno compile --target` spells it: x86_64-unknown-linux-gnu. */
  triple: string;
  os: "linux" | "darwin" | "windows";
  /** As `uname -m` says it on Linux: x86_64 or aarch64. */
  arch: "x86_64" | "aarch64";
}

/** Every release target, in build order. */
export const RELEASE_TARGETS: readonly ReleaseTarget[] = ALL_TARGETS.map((triple) => ({
  triple,
  os: triple.includes("windows") ? "windows" : triple.includes("apple") ? "darwin" : "linux",
  arch: triple.startsWith("aarch64") ? "aarch64" : "x86_64",
}));

/** The compiled binary's file name: hyperctl-x86_64-pc-windows-msvc.exe. */
export function binaryName(t: ReleaseTarget): string {
  return `hyperctl-${t.triple}${t.os === "windows" ? ".exe" : ""}`;
}

/** The program's name inside the archive. */
export function programFile(t: ReleaseTarget): string {
  return t.os === "windows" ? "hyperctl.exe" : "hyperctl";
}

/**
 * The archive's file name.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { archiveName, RELEASE_TARGETS } from "./targets.ts";
 * equal(archiveName("0.2.0", RELEASE_TARGETS[0]), "hyperctl_0.2.0_linux_x86_64.tar.gz");
 * ```
 */
export function archiveName(version: string, t: ReleaseTarget): string {
  return `hyperctl_${version}_${t.os}_${t.arch}.${t.os === "windows" ? "zip" : "tar.gz"}`;
}
