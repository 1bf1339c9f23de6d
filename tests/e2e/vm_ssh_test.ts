/**
 * `vm ssh` and `vm scp` end to end through a real OpenSSH server the test starts behind a VM:
 * on the real API server (a VM whose status.ipAddresses the test writes) and on the embedded
 * cluster (the sim.hypersdk.io/address annotation). The exit code is ssh's; a VM without an
 * address is one line and exit 1; bad command lines exit 2 before anything is sent.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { getString, getStrings, type KubeObject } from "../../src/core/types.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { freshNamespace, realServerAvailable, sharedApiServer } from "../support/apiserver.ts";
import { hyperctl } from "../support/cli.ts";
import { startSimCluster } from "../support/sim_cluster.ts";
import { type Sshd, sshdAvailable, startSshd } from "../support/sshd.ts";
import { until } from "../support/until.ts";

const VM = kindByNoun("vm");
const SSHD = sshdAvailable();
if (!SSHD && Deno.env.get("CI") === "true") {
  throw new Error("sshd (openssh-server) and root are required in CI (.ci/run installs it)");
}
const opts = { sanitizeOps: false, sanitizeResources: false };

function vmObject(name: string, ns: string, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: { name, namespace: ns, ...(annotations ? { annotations } : {}) },
    spec: { cpus: 1, memory: "1Gi" },
  };
}

/** ssh through hyperctl, then scp a file up and back down; all through the real sshd. */
async function sshAndScp(sshd: Sshd, kubeconfig: string, ns: string, vm: string) {
  const kc = { kubeconfig };
  const ssh = (cmd: string[]) =>
    hyperctl([
      "-n",
      ns,
      "vm",
      "ssh",
      `root@${vm}`,
      "-p",
      String(sshd.port),
      ...sshd.clientOptions,
      "--",
      ...cmd,
    ], kc);
  const ok = await ssh(["echo", "ok"]);
  assert.equal(ok.stderr, "");
  assert.equal(ok.stdout, "ok\n");
  assert.equal(ok.code, 0);
  const seven = await ssh(["exit", "7"]);
  assert.equal(seven.code, 7, "the exit code is ssh's");

  const local = `${sshd.dir}/up.txt`;
  await Deno.writeTextFile(local, `hello from ${vm}\n`);
  const scp = (words: string[]) =>
    hyperctl(["-n", ns, "vm", "scp", "-P", String(sshd.port), ...sshd.clientOptions, ...words], kc);
  const up = await scp([local, `root@${vm}:${sshd.dir}/on-vm.txt`]);
  assert.equal(up.code, 0, up.stderr);
  assert.equal(await Deno.readTextFile(`${sshd.dir}/on-vm.txt`), `hello from ${vm}\n`);
  const down = await scp([`root@${vm}:${sshd.dir}/on-vm.txt`, `${sshd.dir}/down.txt`]);
  assert.equal(down.code, 0, down.stderr);
  assert.equal(await Deno.readTextFile(`${sshd.dir}/down.txt`), `hello from ${vm}\n`);
}

Deno.test({
  name: "[real] vm ssh/scp reach a real sshd at the address the VM's status names",
  ...opts,
  ignore: !SSHD || !realServerAvailable(),
  async fn() {
    const server = await sharedApiServer();
    const ns = freshNamespace("ssh-real");
    const api = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
    const ref = refFor(VM, ns);
    const setStatus = (name: string, status: Record<string, unknown>) =>
      api.patch(ref, name, { status }, { type: "merge", subresource: "status" });
    const sshd = await startSshd();
    const kc = { kubeconfig: server.kubeconfigPath };
    try {
      await api.create(ref, vmObject("app-1", ns));
      await setStatus("app-1", { phase: "Running", ipAddresses: ["127.0.0.1", "10.0.0.9"] });
      await sshAndScp(sshd, server.kubeconfigPath, ns, "app-1");

      const other = await hyperctl(["-n", ns, "vm", "ssh", "app-1", "--address", "10.9.9.9"], kc);
      assert.equal(other.code, 1);
      assert.equal(
        other.stderr,
        'error: VM "app-1" has no address 10.9.9.9 (it has 127.0.0.1, 10.0.0.9)\n',
      );
      await api.create(ref, vmObject("app-2", ns));
      await setStatus("app-2", { phase: "Creating", guestAgent: { connected: false } });
      const none = await hyperctl(["-n", ns, "vm", "ssh", "app-2", "--", "true"], kc);
      assert.equal(none.code, 1);
      assert.equal(
        none.stderr,
        'error: VM "app-2" has no IP address (phase Creating, guest agent not connected)\n',
      );
      const scpNone = await hyperctl(["-n", ns, "vm", "scp", "app-2:/etc/hostname", "."], kc);
      assert.equal(scpNone.code, 1);
      assert.match(scpNone.stderr, /^error: VM "app-2" has no IP address/);
      const missing = await hyperctl(["-n", ns, "vm", "ssh", "ghost"], kc);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /virtualmachines.hypersdk.io "ghost" not found/);
    } finally {
      await sshd.stop();
      api.close();
    }
  },
});

Deno.test({
  name: "[sim] vm ssh/scp reach a real sshd behind the sim.hypersdk.io/address annotation",
  ...opts,
  ignore: !SSHD,
  async fn() {
    const sim = await startSimCluster(freshNamespace("ssh-sim"));
    const sshd = await startSshd();
    const ref = refFor(VM, sim.namespace);
    try {
      await sim.api.create(
        ref,
        vmObject("web-001", sim.namespace, { "sim.hypersdk.io/address": "127.0.0.1" }),
      );
      const stopped = vmObject("batch-1", sim.namespace);
      stopped.spec = { cpus: 1, memory: "1Gi", running: false };
      await sim.api.create(ref, stopped);
      const phaseOf = async (name: string) =>
        getString(await sim.api.get(ref, name), ["status", "phase"]);
      await until("web-001's address", async () => {
        const vm = await sim.api.get(ref, "web-001");
        return getStrings(vm, ["status", "ipAddresses"])[0] === "127.0.0.1" ? vm : undefined;
      });
      await until(
        "batch-1 Stopped",
        async () => (await phaseOf("batch-1")) === "Stopped" || undefined,
      );
      await sshAndScp(sshd, sim.kubeconfig, sim.namespace, "web-001");
      const none = await hyperctl(["vm", "ssh", "batch-1"], { kubeconfig: sim.kubeconfig });
      assert.equal(none.code, 1);
      assert.equal(
        none.stderr,
        'error: VM "batch-1" has no IP address (phase Stopped, guest agent not connected)\n',
      );
    } finally {
      await sshd.stop();
      await sim.stop();
    }
  },
});

Deno.test("vm ssh/scp: bad command lines exit 2 before anything is sent", async () => {
  // No kubeconfig exists at this path: reaching for the cluster would be exit 1, not 2.
  const kc = { kubeconfig: "/nonexistent/kubeconfig" };
  const cases: [string[], RegExp][] = [
    [["vm", "ssh", "-p", "22"], /^error: vm ssh needs a VM/],
    [["vm", "ssh", "root@Bad_Name"], /^error: .*VM name/],
    [["vm", "scp", "a.txt", "b.txt"], /^error: vm scp needs a VM on one side/],
    [["vm", "scp", "web-1:/x"], /^error: vm scp needs a source and a destination/],
    [["vm", "vnc", "web-1", "--port", "99999"], /^error: --port must be a port number/],
    [["vm", "vnc", "web-1", "--proxy-only", "--web"], /^error: --proxy-only and --web/],
    [["vm", "vnc", "web-1", "--address-type", "Public"], /^error: --address-type must be one of/],
    [["vm", "vnc", "web-1", "-o", "json"], /^error: -o json needs --proxy-only or --web/],
  ];
  for (const [args, line] of cases) {
    const r = await hyperctl(args, kc);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, line);
    assert.equal(r.stderr.split("\n").length, 2, "one line");
    assert.equal(r.stdout, "");
  }
});
