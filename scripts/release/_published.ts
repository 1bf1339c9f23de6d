/**
 * The archives of a release as package managers see them: where each is downloaded from and its
 * checksum, read from the release's SHA256SUMS (so a manifest can only name what was published).
 * @module
 */

import { archiveName, RELEASE_TARGETS, type ReleaseTarget } from "./targets.ts";

/** What a manifest needs to know about a release. */
export interface ReleaseInfo {
  /** Without the leading "v". */
  version: string;
  /** GitHub owner/name the release is published under. */
  repo: string;
  /** SHA256SUMS, file name → hex. */
  sums: ReadonlyMap<string, string>;
}

/** One downloadable archive. */
export interface PublishedArchive {
  target: ReleaseTarget;
  url: string;
  sha256: string;
}

/** The release's archives, in target order; targets without an archive are left out. */
export function publishedArchives(info: ReleaseInfo): PublishedArchive[] {
  return RELEASE_TARGETS.flatMap((target) => {
    const name = archiveName(info.version, target);
    const sha256 = info.sums.get(name);
    if (sha256 === undefined) return [];
    const url = `https://github.com/${info.repo}/releases/download/v${info.version}/${name}`;
    return [{ target, url, sha256 }];
  });
}
