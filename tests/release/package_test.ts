/**
 * `deno task release package` as the release workflow runs it, on stand-in executables (small
 * shell scripts named like compiled binaries: what is tested is the packaging, not a compile).
 * The archives are checked with the tools users unpack them with (tar, unzip, sha256sum -c).
 */
import assert from "node:assert/strict";
import { parse as parseYaml } from "yaml";
import { releasePackage, run, standInBinaries } from "../support/release.ts";

Deno.test("release package writes an archive per target, SHA256SUMS, krew and Homebrew files", async () => {
  const binaries = await standInBinaries();
  const out = await Deno.makeTempDir({ prefix: "hyperctl-release-" });
  try {
    const args = ["--binaries", binaries, "--version", "v0.2.0", "--out", out, "--repo", "acme/hc"];
    const env = { SOURCE_DATE_EPOCH: "1790000000" };
    const made = await releasePackage(args, env);
    assert.equal(made.code, 0, made.stderr);
    const files = [...Deno.readDirSync(out)].map((e) => e.name).sort();
    assert.deepEqual(files, [
      "SHA256SUMS",
      "hyperctl.rb",
      "hyperctl.yaml",
      "hyperctl_0.2.0_darwin_aarch64.tar.gz",
      "hyperctl_0.2.0_darwin_x86_64.tar.gz",
      "hyperctl_0.2.0_linux_aarch64.tar.gz",
      "hyperctl_0.2.0_linux_x86_64.tar.gz",
      "hyperctl_0.2.0_windows_x86_64.zip",
    ]);
    const check = await run("sha256sum", ["-c", "SHA256SUMS"], { cwd: out });
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.equal(check.stdout.match(/: OK$/gm)?.length, 5);

    const listing = await run("tar", ["-tvzf", `${out}/hyperctl_0.2.0_linux_aarch64.tar.gz`]);
    assert.equal(listing.code, 0, listing.stderr);
    const modes = listing.stdout.trim().split("\n").map((l) =>
      `${l.split(/\s+/)[0]} ${l.split(/\s+/).pop()}`
    )
      .sort();
    assert.deepEqual(modes, [
      "-rw-r--r-- LICENSE",
      "-rw-r--r-- README.md",
      "-rwxr-xr-x hyperctl",
      "-rwxr-xr-x kubectl_complete-hyperctl",
    ]);
    const inside = await run("tar", [
      "-xzOf",
      `${out}/hyperctl_0.2.0_linux_aarch64.tar.gz`,
      "hyperctl",
    ]);
    assert.equal(
      inside.stdout,
      await Deno.readTextFile(`${binaries}/hyperctl-aarch64-unknown-linux-gnu`),
    );
    const zip = await run("unzip", ["-Z1", `${out}/hyperctl_0.2.0_windows_x86_64.zip`]);
    assert.deepEqual(zip.stdout.trim().split("\n").sort(), [
      "LICENSE",
      "README.md",
      "hyperctl.exe",
      "kubectl_complete-hyperctl",
    ]);

    const sums = new Map(
      (await Deno.readTextFile(`${out}/SHA256SUMS`)).trim().split("\n").map((l) => {
        const [hex, name] = l.split("  ");
        return [name, hex];
      }),
    );
    const krew = parseYaml(await Deno.readTextFile(`${out}/hyperctl.yaml`));
    assert.equal(krew.kind, "Plugin");
    assert.equal(krew.metadata.name, "hyperctl");
    assert.equal(krew.spec.version, "v0.2.0");
    assert.equal(krew.spec.platforms.length, 5);
    for (const p of krew.spec.platforms) {
      const name = p.uri.split("/").pop();
      assert.equal(p.uri, `https://github.com/acme/hc/releases/download/v0.2.0/${name}`);
      assert.equal(p.sha256, sums.get(name));
      assert.equal(p.bin, p.selector.matchLabels.os === "windows" ? "hyperctl.exe" : "hyperctl");
    }
    const formula = await Deno.readTextFile(`${out}/hyperctl.rb`);
    const pairs = [...formula.matchAll(/url "[^"]+\/([^"/]+)"\n\s+sha256 "([0-9a-f]{64})"/g)];
    assert.equal(pairs.length, 4); // macOS and Linux; no Windows in Homebrew
    for (const [, name, hex] of pairs) assert.equal(hex, sums.get(name), name);
    assert.match(formula, /^ {2}version "0\.2\.0"$/m);

    // Same binaries, same SOURCE_DATE_EPOCH: the same bytes.
    const again = await Deno.makeTempDir({ prefix: "hyperctl-release-" });
    const second = await releasePackage(
      [...args.slice(0, 4), "--out", again, "--repo", "acme/hc"],
      env,
    );
    assert.equal(second.code, 0, second.stderr);
    assert.equal(
      await Deno.readTextFile(`${again}/SHA256SUMS`),
      await Deno.readTextFile(`${out}/SHA256SUMS`),
    );
    await Deno.remove(again, { recursive: true });
  } finally {
    await Deno.remove(out, { recursive: true });
    await Deno.remove(binaries, { recursive: true });
  }
});

Deno.test("release package refuses bad input in one line: no binaries (1), a bad version (2)", async () => {
  const empty = await Deno.makeTempDir({ prefix: "hyperctl-binaries-" });
  try {
    const none = await releasePackage(["--binaries", empty, "--out", `${empty}/out`]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^error: no binaries in .*hyperctl-x86_64-unknown-linux-gnu/);
    assert.equal(none.stderr.trim().split("\n").length, 1);
    const bad = await releasePackage(["--binaries", empty, "--version", "2.x"]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'error: --version "2.x" is not a version like 0.2.0 or v0.2.0\n');
    const unknown = await releasePackage(["--binaries", empty, "--verison", "1.0.0"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: .*--verison/);
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});
