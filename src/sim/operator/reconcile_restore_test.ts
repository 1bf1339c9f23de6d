import assert from "node:assert/strict";
import { MemoryCluster, obj, T0, vm } from "../../testing/memory_cluster.ts";
import { reconcileRestore, restoreRunnerId, validateRestoreSource } from "./reconcile_restore.ts";
import type { RunnerJob } from "./job_runner.ts";
import { buildRestoreJobDefinition } from "./job_definition.ts";

const backup = (phase: string) =>
  obj("BackupJob", "bk", {
    source: { provider: "kubevirt", vmName: "web" },
    destination: { type: "s3", bucket: "b" },
  }, {
    phase,
    outputPath: "s3://b/default/web/bk.ovf",
    size: 2048,
  });
const restore = (options: Record<string, unknown> = {}, status?: Record<string, unknown>) =>
  obj("RestoreJob", "rs", {
    source: { type: "backup-ref", backupJobRef: { name: "bk" } },
    destination: { provider: "kubevirt", vmName: "web-2" },
    options,
  }, status);
const statusOf = (c: MemoryCluster) => c.get("RestoreJob", "rs")?.status as Record<string, unknown>;

Deno.test("validateRestoreSource() applies the reference's rules", () => {
  const src = (source: Record<string, unknown>) => obj("RestoreJob", "r", { source });
  assert.equal(
    validateRestoreSource(src({ type: "s3", bucket: "b" })),
    "source bucket and path are required for s3",
  );
  assert.equal(validateRestoreSource(src({ type: "nfs" })), "source path is required for nfs");
  assert.equal(
    validateRestoreSource(src({ type: "backup-ref" })),
    "backupJobRef.name is required for backup-ref",
  );
  assert.equal(validateRestoreSource(src({ type: "ftp" })), 'unknown source type "ftp"');
  assert.equal(validateRestoreSource(src({ type: "local", path: "/x" })), undefined);
});

Deno.test("reconcileRestore() fails unless the referenced backup exists and Completed", () => {
  const none = new MemoryCluster([restore({}, { phase: "Pending" })]);
  none.step("RestoreJob", "rs", reconcileRestore);
  assert.equal(statusOf(none).error, "backup job not found: default/bk");
  const running = new MemoryCluster([backup("Running"), restore({}, { phase: "Pending" })]);
  running.step("RestoreJob", "rs", reconcileRestore);
  assert.equal(statusOf(running).error, "backup job default/bk is not completed (phase Running)");
  const taken = new MemoryCluster([
    backup("Completed"),
    vm("web-2", {}),
    restore({}, { phase: "Pending" }),
  ]);
  taken.step("RestoreJob", "rs", reconcileRestore);
  assert.equal(
    statusOf(taken).error,
    "VM default/web-2 already exists (set options.overwrite to replace it)",
  );
});

Deno.test("reconcileRestore() runs the job, creates the VM, then Completes with its name and uid", () => {
  const c = new MemoryCluster([
    backup("Completed"),
    vm("web", { cpus: 2, memory: "4Gi", running: true }),
    restore({ renameVM: "web-r", powerOnAfterRestore: true, customization: { memory: "8Gi" } }),
  ]);
  c.step("RestoreJob", "rs", reconcileRestore);
  assert.equal(statusOf(c).phase, "Pending");
  c.step("RestoreJob", "rs", reconcileRestore);
  assert.equal(statusOf(c).phase, "Running");
  assert.deepEqual(c.submitted, ["restore-default-rs"]);
  const def = buildRestoreJobDefinition(c.get("RestoreJob", "rs")!, {
    now: T0,
    sourcePath: "s3://b/default/web/bk.ovf",
    vmName: "web-r",
    totalBytes: 2048,
  });
  assert.equal(def.vm_path, "s3://b/default/web/bk.ovf");
  assert.equal(def.metadata.vmName, "web-r");
  const job: RunnerJob = {
    id: restoreRunnerId(c.get("RestoreJob", "rs")!),
    definition: def,
    status: "completed",
    progress: {
      phase: "importing",
      percent_complete: 100,
      bytes_transferred: 2048,
      total_bytes: 2048,
      estimated_remaining_ms: 0,
    },
    started_at: T0,
  };
  c.jobs = [job];
  c.step("RestoreJob", "rs", reconcileRestore);
  const created = c.get("VirtualMachine", "web-r")!;
  assert.deepEqual(created.spec, { cpus: 2, memory: "8Gi", running: true });
  assert.deepEqual(created.metadata?.labels, { "hypersdk.io/restored-from": "rs" });
  c.step("RestoreJob", "rs", reconcileRestore);
  assert.equal(statusOf(c).phase, "Completed");
  assert.equal(statusOf(c).restoredVMName, "web-r");
  assert.equal(statusOf(c).restoredVMID, "uid-web-r");
});
