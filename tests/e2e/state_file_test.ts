/**
 * `--state-file` as a cron job uses it: a damaged file or one for another query is refused (exit 2,
 * file untouched), a new file is private (0600), an existing one keeps its mode, and a bad path is
 * named.
 */
import assert from "node:assert/strict";
import { hyperctl, PROGRAM } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const slice = (t: Target, state: string, more: string[] = []) =>
  hyperctl(["vm", "list", "-w", "-o", "json", "--for", "1s", "--state-file", state, ...more], {
    kubeconfig: t.kubeconfig,
  });

async function createVm(t: Target, name: string): Promise<void> {
  const r = await hyperctl(["vm", "create", name, "--cpus", "1", "--memory", "1Gi"], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(r.code, 0, r.stderr);
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-state-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

e2eTest(
  "a state file with damaged objects is refused with exit 2 and left untouched",
  (t) =>
    withDir(async (dir) => {
      await createVm(t, "keep-1");
      const state = `${dir}/vms.state`;
      const first = await slice(t, state);
      assert.equal(first.code, 0, first.stderr);
      const doc = JSON.parse(await Deno.readTextFile(state));
      assert.equal(doc.objects.length, 1);
      doc.objects = [1, null, "x", { metadata: null }, ...doc.objects];
      const damaged = JSON.stringify(doc);
      await Deno.writeTextFile(state, damaged);

      const r = await slice(t, state);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, "");
      assert.equal(
        r.stderr,
        `error: cannot read state file "${state}": objects[0]: not an object with metadata ` +
          `(fix or remove the file)\n`,
      );
      assert.equal(await Deno.readTextFile(state), damaged);
      assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["vms.state"]);
    }),
);

e2eTest(
  "a state file written with other client-side filters is refused with exit 2 and kept",
  (t) =>
    withDir(async (dir) => {
      await createVm(t, "filtered");
      const state = `${dir}/vms.state`;
      const first = await slice(t, state, ["--status", "pending,creating,running,stopped"]);
      assert.equal(first.code, 0, first.stderr);
      const saved = await Deno.readTextFile(state);

      const r = await slice(t, state, ["--status", "failed"]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, "");
      assert.equal(
        r.stderr,
        `error: state file "${state}" was written for another query (--status ` +
          `Creating,Pending,Running,Stopped there, --status Failed here): use one state file ` +
          `per query, or remove "${state}" to start afresh\n`,
      );
      assert.equal(await Deno.readTextFile(state), saved);
    }),
);

e2eTest(
  "a new state file is created 0600 and an existing one keeps its mode",
  (t) =>
    withDir(async (dir) => {
      const state = `${dir}/vms.state`;
      const first = await slice(t, state);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(Deno.statSync(state).mode! & 0o777, 0o600);
      Deno.chmodSync(state, 0o640);
      const second = await slice(t, state);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(Deno.statSync(state).mode! & 0o777, 0o640);
      assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["vms.state"]);
    }),
);

e2eTest(
  "a state file under a regular file is named in a usage error",
  (t) =>
    withDir(async (dir) => {
      await Deno.writeTextFile(`${dir}/plain`, "");
      const r = await slice(t, `${dir}/plain/vms.state`);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, "");
      assert.match(
        r.stderr,
        new RegExp(`^error: cannot use state file "${dir}/plain/vms\\.state": `),
      );
    }),
);

Deno.test("hyperctl sim --kubeconfig-out replaces a planted symlink, not its target", () =>
  withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/victim`, "precious");
    await Deno.symlink(`${dir}/victim`, `${dir}/kubeconfig`);
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "--quiet",
        PROGRAM,
        "sim",
        "--vms",
        "0",
        "--kubeconfig-out",
        `${dir}/kubeconfig`,
      ],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const lines = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    while (!seen.includes("kubeconfig written")) {
      const next = await lines.read();
      if (next.done) break;
      seen += next.value;
    }
    child.kill("SIGINT");
    await child.status;
    await child.stdout.cancel();
    await lines.cancel();
    assert.match(seen, /kubeconfig written/);
    assert.equal(await Deno.readTextFile(`${dir}/victim`), "precious");
    assert.equal(Deno.lstatSync(`${dir}/kubeconfig`).isSymlink, false);
    assert.equal(Deno.statSync(`${dir}/kubeconfig`).mode! & 0o777, 0o600);
    assert.match(await Deno.readTextFile(`${dir}/kubeconfig`), /hyperctl-sim/);
  }));

for (const bad of ["999999999", "not-a-number"]) {
  e2eTest(
    `a checkpoint at resourceVersion "${bad}" relists and prints the exact diff`,
    (t) =>
      withDir(async (dir) => {
        await createVm(t, "stays");
        await createVm(t, "goes");
        const state = `${dir}/vms.state`;
        const first = await slice(t, state);
        assert.equal(first.code, 0, first.stderr);
        const del = await hyperctl(["vm", "delete", "goes", "--yes"], { kubeconfig: t.kubeconfig });
        assert.equal(del.code, 0, del.stderr);
        await createVm(t, "new");
        const doc = JSON.parse(await Deno.readTextFile(state));
        await Deno.writeTextFile(state, JSON.stringify({ ...doc, resourceVersion: bad }));

        const r = await slice(t, state);
        assert.equal(r.code, 0, r.stderr);
        assert.match(
          r.stderr,
          /^warning: saved resourceVersion .* listing again and printing the difference/,
        );
        const events = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
        const seen = events.map((e) => `${e.type} ${e.object.metadata.name}`);
        assert.ok(seen.includes("DELETED goes"), seen.join());
        assert.ok(seen.includes("ADDED new"), seen.join());
        assert.ok(!seen.includes("ADDED stays"), "objects that were saved are not printed again");
        const after = JSON.parse(await Deno.readTextFile(state));
        assert.match(after.resourceVersion, /^\d+$/);
        assert.deepEqual(
          after.objects.map((o: { metadata: { name: string } }) => o.metadata.name).sort(),
          ["new", "stays"],
        );
      }),
  );
}
