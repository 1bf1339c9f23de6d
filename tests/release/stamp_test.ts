/**
 * Version stamping end to end: a bundle made with a stamp reports it in `version` and
 * `--version`, and the checkout's src/cli/build_stamp.ts is left as it was.
 */
import assert from "node:assert/strict";
import { relative } from "pathe";
import { BINARY_PERMISSIONS, bundle } from "../../scripts/build.ts";
import { run } from "../support/release.ts";

const STAMP_FILE = new URL("../../src/cli/build_stamp.ts", import.meta.url).pathname;

Deno.test("a stamped bundle reports the stamp's version, commit and date", async () => {
  const before = await Deno.readTextFile(STAMP_FILE);
  // Inside the working directory, so the relative path below means another folder to a process
  // running in the staged copy.
  const out = await Deno.makeTempDir({ dir: Deno.cwd(), prefix: ".hyperctl-stamp-" });
  try {
    const stamp = {
      version: "9.8.7-rc.1",
      commit: "0123456789abcdef",
      date: "2026-12-06T10:00:00Z",
    };
    // Relative, as `deno task build` and `release compile --out dist` pass it: the stamped bundle
    // is made in a staged copy, and must still land where the caller asked.
    const entry = await bundle(relative(Deno.cwd(), `${out}/bundle`), undefined, stamp);
    const deno = (args: string[]) =>
      run(Deno.execPath(), ["run", "--quiet", ...BINARY_PERMISSIONS, entry, ...args]);
    assert.equal((await deno(["--version"])).stdout, "hyperctl 9.8.7-rc.1\n");
    const version = await deno(["version", "--client", "-o", "json"]);
    assert.equal(version.code, 0, version.stderr);
    const client = JSON.parse(version.stdout).clientVersion;
    assert.deepEqual(
      [client.version, client.gitCommit, client.buildDate],
      [stamp.version, stamp.commit, stamp.date],
    );
    assert.equal(await Deno.readTextFile(STAMP_FILE), before);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
