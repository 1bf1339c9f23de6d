/**
 * The simulated operator against the real API server (tests/apiserver): every VMOperation kind
 * reaches its terminal state with its side effect really applied, snapshots become Ready, backup
 * and restore jobs complete, faults fail or hang, and a BackupSchedule fires repeatedly.
 *
 * Objects are written with the generic client exactly as a user (or kubectl) would; only the
 * operator writes status.
 */
import assert from "node:assert/strict";
import { apiServerTest, freshNamespace } from "../support/apiserver.ts";
import { createKubeApi, type KubeClient } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import type { KubeObject } from "../../src/core/types.ts";
import { getPath, getString } from "../../src/core/types.ts";
import { type Operator, startOperator } from "../../src/sim/operator/mod.ts";
import { refFor } from "../../src/sim/operator/resources.ts";
import type { KindName } from "../../src/sim/operator/resources.ts";

const API_VERSION = "hypersdk.io/v1alpha1";

function clientFor(kubeconfig: string): KubeClient {
  return createKubeApi(loadKubeConfig({ kubeconfig, context: "admin" }));
}

/** Poll the server until `check` holds for the object (or its absence); returns the last read. */
async function waitFor(
  api: KubeClient,
  kind: KindName,
  ns: string,
  name: string,
  check: (o: KubeObject | undefined) => boolean,
  timeoutMs = 30_000, // generous: CI runs many suites at once on 2 cores
): Promise<KubeObject | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last: KubeObject | undefined;
  while (true) {
    try {
      last = await api.get(refFor(kind, ns), name);
    } catch (e) {
      if ((e as { code?: number }).code !== 404) throw e;
      last = undefined;
    }
    if (check(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${kind} ${ns}/${name}; last: ${JSON.stringify(last?.status)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const phase = (o: KubeObject | undefined) => getString(o, ["status", "phase"]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function vmObj(
  ns: string,
  name: string,
  spec: Record<string, unknown>,
  labels?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: { name, namespace: ns, labels },
    spec,
  };
}

function opObj(
  ns: string,
  name: string,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: "VMOperation",
    metadata: { name, namespace: ns, annotations },
    spec,
  };
}

apiServerTest("simulated operator drives every kind on the real API server", async (_server, t) => {
  const server = await (await import("../support/apiserver.ts")).sharedApiServer();
  const api = clientFor(server.kubeconfigPath);
  const ns = freshNamespace("operator");
  const lines: string[] = [];
  // Scoped to its namespace: suites run in parallel on one server, and an operator for all
  // namespaces would give other tests' VMs a status they do not expect.
  const operator: Operator = startOperator(api, {
    namespace: ns,
    pace: "fast",
    log: (l) => lines.push(l),
  });
  const create = (kind: KindName, o: KubeObject) => api.create(refFor(kind, ns), o);
  const runOp = async (
    name: string,
    spec: Record<string, unknown>,
    annotations?: Record<string, string>,
  ) => {
    await create("VMOperation", opObj(ns, name, spec, annotations));
    return await waitFor(
      api,
      "VMOperation",
      ns,
      name,
      (o) => ["Succeeded", "Failed"].includes(phase(o) ?? ""),
    );
  };
  try {
    await t.step("a VM becomes Running on a node with an address", async () => {
      await create(
        "VirtualMachine",
        vmObj(ns, "web", { cpus: 2, memory: "4Gi", running: true }, { app: "shop" }),
      );
      const vm = await waitFor(api, "VirtualMachine", ns, "web", (o) => phase(o) === "Running");
      assert.match(getString(vm, ["status", "nodeName"]) ?? "", /^node-[123]$/);
      assert.match(String(getPath(vm, ["status", "ipAddresses", 0])), /^10\.244\.[123]\.\d+$/);
      assert.equal(getString(vm, ["status", "conditions", 0, "reason"]) ?? "", "VMCreating");
    });

    await t.step("nodeSelector pins the node", async () => {
      await create(
        "VirtualMachine",
        vmObj(ns, "pinned", {
          cpus: 1,
          memory: "1Gi",
          nodeSelector: { "kubernetes.io/hostname": "node-2" },
        }),
      );
      const vm = await waitFor(api, "VirtualMachine", ns, "pinned", (o) => phase(o) === "Running");
      assert.equal(getString(vm, ["status", "nodeName"]), "node-2");
    });

    await t.step("clone creates the target VM with the source's labels and spec", async () => {
      const op = await runOp("clone-1", {
        vmRef: { name: "web" },
        operation: "clone",
        cloneSpec: { targetName: "web-clone", startAfterClone: true },
      });
      assert.equal(phase(op), "Succeeded", String(getString(op, ["status", "message"])));
      assert.equal(getString(op, ["status", "message"]), "clone operation completed successfully");
      assert.equal(getPath(op, ["status", "progress"]), 100);
      assert.deepEqual(getPath(op, ["status", "result"]), {
        targetVM: "web-clone",
        targetNamespace: ns,
        sourceSnapshot: "",
      });
      const clone = await waitFor(
        api,
        "VirtualMachine",
        ns,
        "web-clone",
        (o) => phase(o) === "Running",
      );
      assert.equal(getPath(clone, ["spec", "cpus"]), 2);
      assert.equal(getPath(clone, ["spec", "memory"]), "4Gi");
      assert.deepEqual(clone?.metadata?.labels, { app: "shop" });
    });

    await t.step(
      "migrate moves the VM to the target node; a bad target fails validation",
      async () => {
        const before = await api.get(refFor("VirtualMachine", ns), "web");
        const from = getString(before, ["status", "nodeName"]);
        const target = ["node-1", "node-2", "node-3"].find((n) => n !== from)!;
        const op = await runOp("migrate-1", {
          vmRef: { name: "web" },
          operation: "migrate",
          migrateSpec: { targetNode: target },
        });
        assert.equal(phase(op), "Succeeded", String(getString(op, ["status", "message"])));
        assert.deepEqual(getPath(op, ["status", "result"]), { targetNode: target, live: true });
        const vm = await api.get(refFor("VirtualMachine", ns), "web");
        assert.equal(getString(vm, ["status", "nodeName"]), target);
        assert.equal(phase(vm), "Running");
        const bad = await runOp("migrate-bad", {
          vmRef: { name: "web" },
          operation: "migrate",
          migrateSpec: { targetNode: "node-9" },
        });
        assert.equal(phase(bad), "Failed");
        assert.match(
          getString(bad, ["status", "message"]) ?? "",
          /^Validation failed: target node "node-9" is not a node/,
        );
      },
    );

    await t.step("resize changes only the given fields", async () => {
      const op = await runOp("resize-1", {
        vmRef: { name: "web" },
        operation: "resize",
        resizeSpec: { cpus: 4 },
      });
      assert.equal(phase(op), "Succeeded", String(getString(op, ["status", "message"])));
      const vm = await api.get(refFor("VirtualMachine", ns), "web");
      assert.equal(getPath(vm, ["spec", "cpus"]), 4);
      assert.equal(getPath(vm, ["spec", "memory"]), "4Gi");
      assert.deepEqual(getPath(op, ["status", "result"]), {
        oldCPUs: 2,
        newCPUs: 4,
        oldMemory: "4Gi",
        newMemory: "4Gi",
        hotplug: false,
      });
    });

    await t.step(
      "snapshot creates a VMSnapshot that becomes Ready; clone from it works",
      async () => {
        const op = await runOp("snap-1", {
          vmRef: { name: "web" },
          operation: "snapshot",
          snapshotSpec: { name: "web-snap", includeMemory: true },
        });
        assert.equal(phase(op), "Succeeded", String(getString(op, ["status", "message"])));
        const snap = await waitFor(api, "VMSnapshot", ns, "web-snap", (o) => phase(o) === "Ready");
        assert.equal(getPath(snap, ["status", "readyToRestore"]), true);
        assert.equal(getPath(snap, ["status", "size"]), "10.5Gi");
        assert.deepEqual(getPath(snap, ["status", "vmState"]), {
          cpus: 4,
          memory: "4Gi",
          diskCount: 0,
          running: true,
        });
        assert.deepEqual(snap?.metadata?.labels, { vm: "web" });
        const clone = await runOp("clone-snap", {
          vmRef: { name: "web" },
          operation: "clone",
          cloneSpec: {
            targetName: "from-snap",
            snapshotRef: { name: "web-snap" },
            powerOnAfter: true,
          },
        });
        assert.equal(phase(clone), "Succeeded", String(getString(clone, ["status", "message"])));
        assert.equal(getPath(clone, ["status", "result", "sourceSnapshot"]), "web-snap");
        const vm = await waitFor(
          api,
          "VirtualMachine",
          ns,
          "from-snap",
          (o) => phase(o) === "Running",
        );
        assert.equal(getPath(vm, ["spec", "cpus"]), 4);
      },
    );

    await t.step("stop, start and restart drive the VM's power state", async () => {
      assert.equal(
        phase(await runOp("stop-1", { vmRef: { name: "web-clone" }, operation: "stop" })),
        "Succeeded",
      );
      const stopped = await waitFor(
        api,
        "VirtualMachine",
        ns,
        "web-clone",
        (o) => phase(o) === "Stopped",
      );
      assert.deepEqual(getPath(stopped, ["status", "ipAddresses"]), undefined);
      assert.equal(
        phase(await runOp("start-1", { vmRef: { name: "web-clone" }, operation: "start" })),
        "Succeeded",
      );
      await waitFor(api, "VirtualMachine", ns, "web-clone", (o) => phase(o) === "Running");
      const restart = await runOp("restart-1", {
        vmRef: { name: "web-clone" },
        operation: "restart",
      });
      assert.equal(phase(restart), "Succeeded", String(getString(restart, ["status", "message"])));
      assert.equal(phase(await api.get(refFor("VirtualMachine", ns), "web-clone")), "Running");
    });

    await t.step("delete removes the VM", async () => {
      const op = await runOp("delete-1", { vmRef: { name: "from-snap" }, operation: "delete" });
      assert.equal(phase(op), "Succeeded", String(getString(op, ["status", "message"])));
      await waitFor(api, "VirtualMachine", ns, "from-snap", (o) => o === undefined);
    });

    await t.step("fault annotation: fail ends Failed, hang stays Running", async () => {
      const failed = await runOp("fail-1", {
        vmRef: { name: "web" },
        operation: "resize",
        resizeSpec: { cpus: 8 },
      }, { "sim.hypersdk.io/fault": "fail" });
      assert.equal(phase(failed), "Failed");
      assert.equal(getString(failed, ["status", "message"]), "Operation failed: injected fault");
      assert.equal(
        getPath(await api.get(refFor("VirtualMachine", ns), "web"), ["spec", "cpus"]),
        4,
      );
      await create(
        "VMOperation",
        opObj(ns, "hang-1", {
          vmRef: { name: "web" },
          operation: "clone",
          cloneSpec: { targetName: "never" },
        }, { "sim.hypersdk.io/fault": "hang" }),
      );
      await waitFor(api, "VMOperation", ns, "hang-1", (o) => phase(o) === "Running");
      await sleep(600);
      const hung = await api.get(refFor("VMOperation", ns), "hang-1");
      assert.equal(phase(hung), "Running");
      assert.equal(getPath(hung, ["status", "progress"]), 10);
    });

    await t.step(
      "a backup completes with an s3 outputPath; a restore of it creates the VM",
      async () => {
        await create("BackupJob", {
          apiVersion: API_VERSION,
          kind: "BackupJob",
          metadata: { name: "bk-1", namespace: ns },
          spec: {
            source: { provider: "kubevirt", vmName: "web" },
            destination: {
              type: "s3",
              bucket: "vault",
              prefix: "daily",
              region: "eu-west-1",
              credentials: { secretRef: { name: "s3-creds" } },
            },
          },
        });
        const bk = await waitFor(
          api,
          "BackupJob",
          ns,
          "bk-1",
          (o) => ["Completed", "Failed"].includes(phase(o) ?? ""),
        );
        assert.equal(phase(bk), "Completed", String(getString(bk, ["status", "error"])));
        assert.equal(
          getString(bk, ["status", "outputPath"]),
          `s3://vault/daily/${ns}/web/bk-1.ovf`,
        );
        assert.equal(getPath(bk, ["status", "progress", "percentage"]), 100);
        assert.equal(getPath(bk, ["status", "size"]), 10 * 1024 ** 3);
        assert.ok(getString(bk, ["status", "completionTime"]));

        await create("BackupJob", {
          apiVersion: API_VERSION,
          kind: "BackupJob",
          metadata: { name: "bk-missing", namespace: ns },
          spec: {
            source: { provider: "kubevirt", vmName: "ghost" },
            destination: { type: "local" },
          },
        });
        const missing = await waitFor(
          api,
          "BackupJob",
          ns,
          "bk-missing",
          (o) => phase(o) === "Failed",
        );
        assert.equal(getString(missing, ["status", "error"]), `source VM not found: ${ns}/ghost`);

        await create("RestoreJob", {
          apiVersion: API_VERSION,
          kind: "RestoreJob",
          metadata: { name: "rs-1", namespace: ns },
          spec: {
            source: { type: "backup-ref", backupJobRef: { name: "bk-1" } },
            destination: { provider: "kubevirt", vmName: "web-restored" },
            options: { powerOnAfterRestore: true, customization: { cpu: 3 } },
          },
        });
        const rs = await waitFor(
          api,
          "RestoreJob",
          ns,
          "rs-1",
          (o) => ["Completed", "Failed"].includes(phase(o) ?? ""),
        );
        assert.equal(phase(rs), "Completed", String(getString(rs, ["status", "error"])));
        assert.equal(getString(rs, ["status", "restoredVMName"]), "web-restored");
        const restored = await waitFor(
          api,
          "VirtualMachine",
          ns,
          "web-restored",
          (o) => phase(o) === "Running",
        );
        assert.equal(getPath(restored, ["spec", "cpus"]), 3);
        assert.equal(getString(rs, ["status", "restoredVMID"]), restored?.metadata?.uid);

        await create("BackupJob", {
          apiVersion: API_VERSION,
          kind: "BackupJob",
          metadata: {
            name: "bk-fail",
            namespace: ns,
            annotations: { "sim.hypersdk.io/fault": "fail" },
          },
          spec: { source: { provider: "kubevirt", vmName: "web" }, destination: { type: "local" } },
        });
        const bkFail = await waitFor(api, "BackupJob", ns, "bk-fail", (o) => phase(o) === "Failed");
        assert.equal(getString(bkFail, ["status", "error"]), "injected fault");
        assert.ok((getPath(bkFail, ["status", "progress", "percentage"]) as number) > 0);
      },
    );
  } finally {
    await operator.stop();
  }
  assert.ok(lines.some((l) => l.includes("clone-1")), "the operator logs its writes");
});

apiServerTest("a BackupSchedule fires on every cron time (clock scaled 60x)", async (server) => {
  const api = clientFor(server.kubeconfigPath);
  const ns = freshNamespace("schedule");
  // One real second is one simulated minute, so "* * * * *" fires about once a second.
  const scale = 60;
  const origin = Date.now();
  const now = () => origin + (Date.now() - origin) * scale;
  const operator = startOperator(api, {
    namespace: ns,
    pace: "fast",
    now,
    timeScale: scale,
    log: Deno.env.get("OPLOG") ? (l) => console.error(l) : undefined,
  });
  try {
    await api.create(refFor("VirtualMachine", ns), vmObj(ns, "db", { cpus: 1, memory: "2Gi" }));
    await api.create(refFor("BackupSchedule", ns), {
      apiVersion: API_VERSION,
      kind: "BackupSchedule",
      metadata: { name: "nightly", namespace: ns },
      spec: {
        schedule: "* * * * *",
        concurrencyPolicy: "Allow",
        successfulJobsHistoryLimit: 2,
        jobTemplate: {
          metadata: { labels: { tier: "db" } },
          spec: {
            source: { provider: "kubevirt", vmName: "db" },
            destination: { type: "local", bucket: "/backups" },
          },
        },
      },
    });
    const jobs = async () =>
      (await api.list(refFor("BackupJob", ns), { labelSelector: "hypersdk.io/schedule=nightly" }))
        .items;
    const seen = new Set<string>();
    const deadline = Date.now() + 20_000;
    while (seen.size < 3 && Date.now() < deadline) {
      for (const j of await jobs()) seen.add(j.metadata?.name ?? "");
      await sleep(100);
    }
    assert.ok(seen.size >= 3, `expected three scheduled jobs, saw ${[...seen].join(", ")}`);
    for (const name of seen) assert.match(name, /^nightly-\d+$/);
    const one = (await jobs())[0];
    assert.equal(one.metadata?.labels?.tier, "db");
    assert.equal((one.metadata?.ownerReferences?.[0] as { kind?: string })?.kind, "BackupSchedule");
    const schedule = await waitFor(
      api,
      "BackupSchedule",
      ns,
      "nightly",
      (o) => getString(o, ["status", "lastSuccessfulTime"]) !== undefined,
    );
    assert.ok(getString(schedule, ["status", "lastScheduleTime"]));
    // History limit 2: finished jobs beyond the two newest are deleted.
    await sleep(1500);
    await operator.idle();
    const completed = (await jobs()).filter((j) => phase(j) === "Completed");
    assert.ok(completed.length <= 2, `history limit kept ${completed.length} completed jobs`);
  } finally {
    await operator.stop();
  }
});
