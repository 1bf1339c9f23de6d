/**
 * The krew plugin manifest (`hyperctl.yaml`) for `kubectl krew install`: one platform per
 * published archive, with its URL and sha256. Krew links the archive's `hyperctl` as
 * `kubectl-hyperctl`, which is how hyperctl knows to say `kubectl hyperctl` in its help.
 * @module
 */

import { stringify } from "yaml";
import { publishedArchives, type ReleaseInfo } from "./_published.ts";

/** The krew manifest for `info`'s release. */
export function krewManifest(info: ReleaseInfo): string {
  const platforms = publishedArchives(info).map(({ target, url, sha256 }) => {
    const bin = target.os === "windows" ? "hyperctl.exe" : "hyperctl";
    return {
      selector: {
        matchLabels: { os: target.os, arch: target.arch === "x86_64" ? "amd64" : "arm64" },
      },
      uri: url,
      sha256,
      bin,
      files: [{ from: bin, to: "." }, { from: "LICENSE", to: "." }],
    };
  });
  return stringify({
    apiVersion: "krew.googlecontainertools.github.com/v1alpha2",
    kind: "Plugin",
    metadata: { name: "hyperctl" },
    spec: {
      version: `v${info.version}`,
      homepage: `https://github.com/${info.repo}`,
      shortDescription: "Manage HyperSDK virtual machines",
      description: "Lists, watches, creates and changes HyperSDK virtual machines, snapshots, " +
        "backups and restores (the hypersdk.io custom resources), with waits that stop on " +
        "failure, progress bars, exact quantity filters and queries.",
      platforms,
    },
  }, { lineWidth: 0 });
}
