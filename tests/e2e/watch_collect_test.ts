/**
 * A watch over a fleet large enough for its heap to grow collects its garbage where the runtime
 * exposes `gc` (the compiled binary does), and prints every object all the same; from source
 * without the flag it collects nothing.
 */
import assert from "node:assert/strict";
import { BINARY_PERMISSIONS } from "../../scripts/build.ts";
import { hyperctlCommand, PROGRAM } from "../support/cli.ts";
import { terminate } from "../support/terminate.ts";

const VMS = 30_000;

/**
 * `vm list -A -w -o name --for 0` with V8 flags. With `--trace-gc`, V8 writes its trace into
 * the same stdout in blocks of its own, so names are compared only from runs without it.
 */
async function watch(kubeconfig: string, v8Flags: string) {
  const command = hyperctlCommand(["vm", "list", "-A", "-w", "-o", "name", "--for", "0"], {
    kubeconfig,
  });
  const out = await new Deno.Command(command.cmd, {
    args: ["run", "--quiet", ...BINARY_PERMISSIONS, `--v8-flags=${v8Flags}`, PROGRAM]
      .concat(command.args.slice(command.args.indexOf(PROGRAM) + 1)),
    env: command.env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  return {
    code: out.code,
    stderr: new TextDecoder().decode(out.stderr),
    names: stdout.split("\n").filter((l) => l !== ""),
    // V8 traces the collections a gc() call asks for with the reason "testing".
    collections: stdout.split("testing; GC in old space requested").length - 1,
  };
}

Deno.test({
  name: "a watch over 30 000 VMs collects while listing when gc is exposed, and loses nothing",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-watch-collect-" });
    const kubeconfig = `${dir}/kubeconfig.yaml`;
    const ready = `${dir}/ready.json`;
    const sim = new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", ...BINARY_PERMISSIONS, PROGRAM, "sim", "--vms", String(VMS)]
        .concat(["--pace", "fast", "--kubeconfig-out", kubeconfig, "--ready-file", ready]),
      env: { NO_COLOR: "1" },
      stdout: "null",
      stderr: "null",
    }).spawn();
    try {
      for (let i = 0; i < 1200; i++) { // up to 60 s: suites share 2 cores
        if (await Deno.stat(ready).catch(() => undefined)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const traced = await watch(kubeconfig, "--expose-gc,--trace-gc");
      assert.equal(traced.code, 0, traced.stderr);
      assert.ok(traced.collections > 0, "no full collection was asked for");
      const untraced = await watch(kubeconfig, "--trace-gc");
      assert.equal(untraced.code, 0, untraced.stderr);
      assert.equal(untraced.collections, 0, "collected without gc exposed");

      const collected = await watch(kubeconfig, "--expose-gc");
      const plain = await watch(kubeconfig, "--no-expose-gc");
      assert.equal(collected.code, 0, collected.stderr);
      assert.equal(plain.code, 0, plain.stderr);
      assert.equal(collected.names.length, VMS);
      assert.equal(new Set(collected.names).size, VMS);
      assert.deepEqual(collected.names, plain.names);
    } finally {
      await terminate(sim, 10_000);
      await Deno.remove(dir, { recursive: true });
    }
  },
});
