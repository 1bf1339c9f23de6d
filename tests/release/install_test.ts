/**
 * install.sh end to end: what `deno task release package` made from stand-in executables is
 * served from 127.0.0.1, and the script (run by dash, a strict POSIX sh) downloads, checks and
 * installs it. A corrupted archive must be refused with nothing installed.
 */
import assert from "node:assert/strict";
import { hostTarget } from "../../scripts/build.ts";
import { archiveName, RELEASE_TARGETS } from "../../scripts/release/targets.ts";
import { releasePackage, standInBinaries } from "../support/release.ts";

const INSTALL_SH = new URL("../../install.sh", import.meta.url).pathname;
const HOST = RELEASE_TARGETS.find((t) => t.triple === hostTarget())!;
const ARCHIVE = archiveName("0.2.0", HOST);

/** Serve `dir` at /good/ and, with the archives' bytes changed (SHA256SUMS kept), at /bad/. */
function serve(dir: string): { url: string; requests: string[]; close: () => Promise<void> } {
  const requests: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const path = new URL(req.url).pathname;
    requests.push(path);
    const m = /^\/(good|bad)\/([\w.-]+)$/.exec(path);
    if (!m) return new Response("not found", { status: 404 });
    let body: Uint8Array;
    try {
      body = await Deno.readFile(`${dir}/${m[2]}`);
    } catch {
      return new Response("not found", { status: 404 });
    }
    if (m[1] === "bad" && m[2] !== "SHA256SUMS") body[body.length - 10] ^= 0xff;
    return new Response(body as Uint8Array<ArrayBuffer>);
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    requests,
    close: () => server.shutdown(),
  };
}

async function install(args: string[], env: Record<string, string>) {
  const out = await new Deno.Command("dash", {
    args: [INSTALL_SH, ...args],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

Deno.test("install.sh installs the checked archive from HYPERCTL_DOWNLOAD_URL; refuses a corrupted one", async () => {
  const binaries = await standInBinaries();
  const release = await Deno.makeTempDir({ prefix: "hyperctl-release-" });
  const home = await Deno.makeTempDir({ prefix: "hyperctl-home-" });
  const made = await releasePackage([
    "--binaries",
    binaries,
    "--version",
    "0.2.0",
    "--out",
    release,
  ]);
  assert.equal(made.code, 0, made.stderr);
  const server = serve(release);
  const env = {
    HOME: home,
    PATH: Deno.env.get("PATH")!,
    HYPERCTL_DOWNLOAD_URL: `${server.url}/good/`,
  };
  try {
    // The default prefix, ~/.local/bin, and the latest version in SHA256SUMS.
    const ok = await install([], env);
    assert.equal(ok.code, 0, ok.stderr);
    const bin = `${home}/.local/bin/hyperctl`;
    assert.equal((await Deno.stat(bin)).mode! & 0o777, 0o755);
    assert.equal(
      await Deno.readTextFile(bin),
      await Deno.readTextFile(`${binaries}/hyperctl-${HOST.triple}`),
    );
    assert.equal(await exists(`${home}/.local/bin/kubectl_complete-hyperctl`), true);
    const ran = await new Deno.Command(bin, { args: ["--version"], stdout: "piped" }).output();
    assert.equal(
      new TextDecoder().decode(ran.stdout),
      `stand-in for ${HOST.triple}: --version\n`,
    );
    assert.match(ok.stdout, new RegExp(`^installed hyperctl 0\\.2\\.0 to ${bin}\\n`));
    assert.match(ok.stdout, /is not on your PATH; add it:/);
    assert.match(ok.stdout, /source <\(hyperctl completion bash\)/);
    assert.match(ok.stdout, /kubectl-hyperctl/);
    assert.deepEqual(server.requests.splice(0), [
      "/good/SHA256SUMS",
      `/good/${ARCHIVE}`,
    ]);

    // --prefix and --version v0.2.0; a version that is not there is named.
    const prefix = `${home}/opt/bin`;
    const pinned = await install(["--version", "v0.2.0", "--prefix", prefix], env);
    assert.equal(pinned.code, 0, pinned.stderr);
    assert.equal(await exists(`${prefix}/hyperctl`), true);
    const missing = await install(["--version", "9.9.9", "--prefix", `${home}/none`], env);
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      new RegExp(`^install\\.sh: error: no hyperctl 9\\.9\\.9 for ${HOST.os}/${HOST.arch} in `),
    );

    // A corrupted archive: refused, with nothing installed (not even the folder).
    const refused = await install(["--prefix", `${home}/bad-bin`], {
      ...env,
      HYPERCTL_DOWNLOAD_URL: `${server.url}/bad`,
    });
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      new RegExp(
        `install\\.sh: error: checksum mismatch for ${ARCHIVE.replaceAll(".", "\\.")}: ` +
          "SHA256SUMS says [0-9a-f]{64}, the download is [0-9a-f]{64}; nothing was installed\n$",
      ),
    );
    assert.equal(refused.stdout, "");
    assert.equal(await exists(`${home}/bad-bin`), false);

    const bad = await install(["--prefx", "x"], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^install\.sh: error: unknown argument "--prefx"/);
  } finally {
    await server.close();
    for (const dir of [binaries, release, home]) await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("install.sh from a local folder: the highest release, not a pre-release; --prefix DIR/", async () => {
  const binaries = await standInBinaries();
  const mirror = await Deno.makeTempDir({ prefix: "hyperctl-mirror-" });
  const home = await Deno.makeTempDir({ prefix: "hyperctl-home-" });
  try {
    const made = await releasePackage(
      ["--binaries", binaries, "--version", "0.2.0", "--out", mirror],
    );
    assert.equal(made.code, 0, made.stderr);
    // The same archive under other versions' names, listed after 0.2.0 in name order: a mirror
    // that keeps several releases. Only the names differ; the version is read from them.
    const sums = await Deno.readTextFile(`${mirror}/SHA256SUMS`);
    const line = sums.split("\n").find((l) => l.endsWith(`  ${ARCHIVE}`))!;
    for (const other of ["0.10.0", "0.9.1", "0.11.0-rc.1"]) {
      const name = archiveName(other, HOST);
      await Deno.copyFile(`${mirror}/${ARCHIVE}`, `${mirror}/${name}`);
      await Deno.writeTextFile(`${mirror}/SHA256SUMS`, line.replace(ARCHIVE, name) + "\n", {
        append: true,
      });
    }
    const prefix = `${home}/bin`;
    const env = { HOME: home, PATH: `${prefix}:${Deno.env.get("PATH")}` };
    // A plain path (no curl or wget involved) and the prefix with a trailing slash.
    const ok = await install(["--prefix", `${prefix}/`], {
      ...env,
      HYPERCTL_DOWNLOAD_URL: mirror,
    });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, new RegExp(`^installed hyperctl 0\\.10\\.0 to ${prefix}/hyperctl\\n`));
    assert.doesNotMatch(ok.stdout, /not on your PATH|\/\//);
    assert.equal(await exists(`${prefix}/hyperctl`), true);
    // file:// and a pinned pre-release.
    const rc = await install(["--prefix", prefix, "--version", "0.11.0-rc.1"], {
      ...env,
      HYPERCTL_DOWNLOAD_URL: `file://${mirror}`,
    });
    assert.equal(rc.code, 0, rc.stderr);
    assert.match(rc.stdout, /^installed hyperctl 0\.11\.0-rc\.1 to /);
    const gone = await install(["--prefix", prefix], {
      ...env,
      HYPERCTL_DOWNLOAD_URL: `${mirror}/none`,
    });
    assert.equal(gone.code, 1);
    assert.equal(gone.stderr, `install.sh: error: cannot read ${mirror}/none/SHA256SUMS\n`);
  } finally {
    for (const dir of [binaries, mirror, home]) await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("install.sh --help prints its usage, also when the script arrives on stdin", async () => {
  const fromFile = await install(["--help"], {});
  assert.equal(fromFile.code, 0, fromFile.stderr);
  assert.match(fromFile.stdout, /--version V .*\n.*--prefix DIR/);
  // `curl … | sh -s -- --help`: there is no file to read the usage back from.
  const child = new Deno.Command("dash", {
    args: ["-s", "--", "--help"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(await Deno.readFile(INSTALL_SH));
  await writer.close();
  const piped = await child.output();
  assert.equal(piped.code, 0);
  assert.equal(new TextDecoder().decode(piped.stdout), fromFile.stdout);
});
