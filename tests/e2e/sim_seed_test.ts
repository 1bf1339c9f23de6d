/**
 * `hyperctl sim --vms N --ready-file F`: once F appears, the whole fleet is there, settled, and
 * lists page by page like any cluster; before that there is no kubeconfig to find.
 */
import assert from "node:assert/strict";
import { BINARY_PERMISSIONS } from "../../scripts/build.ts";
import { hyperctl, kubectl, PROGRAM } from "../support/cli.ts";
import { terminate } from "../support/terminate.ts";

const VMS = 1200;

Deno.test({
  name: "sim writes its kubeconfig and ready file only once every VM is seeded and settled",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-sim-seed-" });
    const kubeconfig = `${dir}/kubeconfig.yaml`;
    const ready = `${dir}/ready.json`;
    const sim = new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", ...BINARY_PERMISSIONS, PROGRAM, "sim", "--vms", String(VMS)]
        .concat(["--pace", "fast", "--kubeconfig-out", kubeconfig, "--ready-file", ready]),
      env: { NO_COLOR: "1" },
      stdout: "null",
      stderr: "piped",
    }).spawn();
    try {
      // The moment the kubeconfig exists, the whole fleet is there: no one sees half of it.
      for (let i = 0; i < 1200; i++) { // up to 60 s: suites share 2 cores
        if (await Deno.stat(kubeconfig).catch(() => undefined)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const first = await hyperctl(["vm", "list", "-o", "name"], { kubeconfig });
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout.trim().split("\n").length, VMS);
      let info: Record<string, unknown> | undefined;
      for (let i = 0; i < 200 && info === undefined; i++) {
        const text = await Deno.readTextFile(ready).catch(() => undefined);
        if (text === undefined) await new Promise((r) => setTimeout(r, 50));
        else info = JSON.parse(text);
      }
      assert.ok(info, "the sim never wrote its ready file");
      assert.equal(info.vms, VMS);
      assert.equal(info.kubeconfig, kubeconfig);
      assert.match(String(info.server), /^https:\/\/127\.0\.0\.1:\d+$/);

      // Every VM is already Running or Stopped; the operator only publishes the Running VMs'
      // consoles (status.vnc), so the paged and the unpaginated list are compared once two agree.
      const list = async (chunk: string) => {
        const r = await hyperctl(["vm", "list", "-o", "json", "--chunk-size", chunk], {
          kubeconfig,
        });
        assert.equal(r.code, 0, r.stderr);
        return r.stdout;
      };
      let paged = await list("250");
      const items = JSON.parse(paged).items as { status?: { phase?: string } }[];
      assert.equal(items.length, VMS);
      const phases = new Set(items.map((o) => o.status?.phase));
      assert.deepEqual([...phases].sort(), ["Running", "Stopped"]);
      // The same bytes as one unpaginated page.
      let one = await list("0");
      for (let i = 0; i < 30 && one !== paged; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        [paged, one] = [await list("250"), await list("0")];
      }
      assert.equal(one, paged);
      // kubectl pages through the same fleet (its table, 500 at a time).
      const names = await kubectl(
        ["get", "virtualmachines.hypersdk.io", "-o", "name", "--chunk-size", "100"],
        kubeconfig,
      );
      assert.equal(names.code, 0, names.stderr);
      assert.equal(names.stdout.trim().split("\n").length, VMS);
    } finally {
      const status = await terminate(sim, 5000);
      const stderr = new TextDecoder().decode((await sim.stderr.getReader().read()).value);
      await Deno.remove(dir, { recursive: true });
      assert.equal(status.code, 0, stderr);
      assert.match(
        stderr,
        new RegExp(`${VMS} VMs in namespace "default" \\(ready in [\\d.]+ s\\)`),
      );
    }
  },
});
