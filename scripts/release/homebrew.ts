/**
 * The Homebrew formula (`hyperctl.rb`) for a tap: one url + sha256 per published macOS and
 * Linux archive. Written as text: no maintained library writes Ruby formulas.
 * @module
 */

import { type PublishedArchive, publishedArchives, type ReleaseInfo } from "./_published.ts";

function block(os: "macos" | "linux", archives: PublishedArchive[]): string[] {
  const wanted = archives.filter((a) => (a.target.os === "darwin") === (os === "macos"));
  if (wanted.length === 0) return [];
  return [
    `  on_${os} do`,
    ...wanted.flatMap((a) => [
      `    on_${a.target.arch === "aarch64" ? "arm" : "intel"} do`,
      `      url "${a.url}"`,
      `      sha256 "${a.sha256}"`,
      "    end",
    ]),
    "  end",
  ];
}

/** The formula for `info`'s release (Windows archives have no place in it). */
export function homebrewFormula(info: ReleaseInfo): string {
  const archives = publishedArchives(info).filter((a) => a.target.os !== "windows");
  return [
    "class Hyperctl < Formula",
    '  desc "Manage HyperSDK virtual machines on Kubernetes"',
    `  homepage "https://github.com/${info.repo}"`,
    `  version "${info.version}"`,
    '  license "Apache-2.0"',
    "",
    ...block("macos", archives),
    ...block("linux", archives),
    "",
    "  def install",
    '    bin.install "hyperctl"',
    '    bin.install "kubectl_complete-hyperctl"',
    '    bin.install_symlink bin/"hyperctl" => "kubectl-hyperctl" # the kubectl plugin',
    '    generate_completions_from_executable(bin/"hyperctl", "completion")',
    "  end",
    "",
    "  test do",
    '    assert_match version.to_s, shell_output("#{bin}/hyperctl --version")',
    "  end",
    "end",
    "",
  ].join("\n");
}
