import assert from "node:assert/strict";
import { FileWriteError, writeFileAtomic } from "./atomic_file.ts";

async function inTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-atomic-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("writeFileAtomic() creates a new file 0600 and leaves no temporary file", () =>
  inTempDir(async (dir) => {
    await writeFileAtomic(`${dir}/s.json`, "{}\n");
    assert.equal(await Deno.readTextFile(`${dir}/s.json`), "{}\n");
    assert.equal((await Deno.stat(`${dir}/s.json`)).mode! & 0o777, 0o600);
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["s.json"]);
  }));

Deno.test("writeFileAtomic() keeps an existing file's mode", () =>
  inTempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/s.json`, "old");
    await Deno.chmod(`${dir}/s.json`, 0o640);
    await writeFileAtomic(`${dir}/s.json`, "new");
    assert.equal(await Deno.readTextFile(`${dir}/s.json`), "new");
    assert.equal((await Deno.stat(`${dir}/s.json`)).mode! & 0o777, 0o640);
    await writeFileAtomic(`${dir}/s.json`, "token", { keepMode: false });
    assert.equal((await Deno.stat(`${dir}/s.json`)).mode! & 0o777, 0o600);
  }));

Deno.test("writeFileAtomic() never writes through symlinks planted at the old temp names", () =>
  inTempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/victim`, "precious");
    // The names the previous code wrote to: <file>.tmp-<pid> for any pid.
    await Deno.symlink(`${dir}/victim`, `${dir}/s.json.tmp-${Deno.pid}`);
    await writeFileAtomic(`${dir}/s.json`, "checkpoint");
    assert.equal(await Deno.readTextFile(`${dir}/victim`), "precious");
    assert.equal(await Deno.readTextFile(`${dir}/s.json`), "checkpoint");
  }));

Deno.test("writeFileAtomic() replaces a symlink at the target instead of its target", () =>
  inTempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/victim`, "precious");
    await Deno.symlink(`${dir}/victim`, `${dir}/kubeconfig`);
    await writeFileAtomic(`${dir}/kubeconfig`, "new");
    assert.equal(await Deno.readTextFile(`${dir}/victim`), "precious");
    assert.equal((await Deno.lstat(`${dir}/kubeconfig`)).isSymlink, false);
  }));

Deno.test("writeFileAtomic() names the path when the parent is not a directory", () =>
  inTempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/plain`, "x");
    await assert.rejects(
      writeFileAtomic(`${dir}/plain/s.json`, "{}", { what: "state file" }),
      (e: unknown) => {
        assert.ok(e instanceof FileWriteError);
        assert.match(e.message, new RegExp(`^cannot write state file "${dir}/plain/s\\.json": `));
        return true;
      },
    );
  }));
