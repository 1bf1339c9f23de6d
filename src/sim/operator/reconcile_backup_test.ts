import assert from "node:assert/strict";
import { MemoryCluster, obj, T0, vm } from "../../testing/memory_cluster.ts";
import { reconcileBackup } from "./reconcile_backup.ts";
import { backupOutputPath, buildBackupJobDefinition } from "./job_definition.ts";
import type { RunnerJob } from "./job_runner.ts";

const spec = {
  source: { provider: "kubevirt", vmName: "web" },
  destination: {
    type: "s3",
    bucket: "vault",
    prefix: "/daily/",
    region: "eu-west-1",
    endpoint: "https://s3.example",
    credentials: { secretRef: { name: "s3-creds" } },
  },
};

function runnerJob(status: RunnerJob["status"], percent: number, phase: string): RunnerJob {
  const def = buildBackupJobDefinition(obj("BackupJob", "bk", spec), { now: T0, totalBytes: 1000 });
  return {
    id: def.id,
    definition: def,
    status,
    progress: {
      phase,
      percent_complete: percent,
      bytes_transferred: percent * 10,
      total_bytes: 1000,
      estimated_remaining_ms: 2000,
    },
    ...(status === "completed"
      ? { result: { output_path: def.output_path, total_size: 1000 } }
      : {}),
    ...(status === "failed" ? { error: "injected fault" } : {}),
    started_at: T0,
  };
}

Deno.test("buildBackupJobDefinition() passes the destination details the reference drops, no secrets", () => {
  const def = buildBackupJobDefinition(obj("BackupJob", "bk", spec), { now: T0, totalBytes: 5 });
  assert.equal(def.vm_path, "default/web");
  assert.equal(def.output_path, "s3://vault/daily/default/web/bk.ovf");
  assert.equal(def.output_dir, "s3://vault/daily/default/web");
  assert.deepEqual(def.metadata, {
    backupJob: "default/bk",
    provider: "kubevirt",
    destination_type: "s3",
    bucket: "vault",
    prefix: "/daily/",
    region: "eu-west-1",
    endpoint: "https://s3.example",
    credentials_secret: "default/s3-creds",
  });
});

Deno.test("backupOutputPath() covers gcs, azure and local destinations", () => {
  const job = (destination: Record<string, unknown>) =>
    obj("BackupJob", "bk", { source: { vmName: "db" }, destination, format: { type: "qcow2" } });
  assert.equal(
    backupOutputPath(job({ type: "gcs", bucket: "b" }), "prod", "bk"),
    "gs://b/prod/db/bk.qcow2",
  );
  assert.equal(
    backupOutputPath(job({ type: "azure-blob", bucket: "c", prefix: "p" }), "prod", "bk"),
    "azure://c/p/prod/db/bk.qcow2",
  );
  assert.equal(
    backupOutputPath(job({ type: "local", bucket: "/mnt/backups" }), "prod", "bk"),
    "/mnt/backups/prod/db/bk.qcow2",
  );
  assert.equal(
    backupOutputPath(job({ type: "nfs" }), "prod", "bk"),
    "/var/lib/hypersdk/backups/prod/db/bk.qcow2",
  );
});

Deno.test("reconcileBackup() initialises, submits the job and mirrors the runner to Completed", () => {
  const c = new MemoryCluster([
    vm("web", { cpus: 1, memory: "1Gi" }),
    obj("BackupJob", "bk", spec),
  ]);
  c.step("BackupJob", "bk", reconcileBackup);
  const s0 = c.get("BackupJob", "bk")?.status as Record<string, unknown>;
  assert.equal(s0.phase, "Pending");
  assert.deepEqual(s0.progress, { percentage: 0, currentPhase: "Initializing" });
  c.step("BackupJob", "bk", reconcileBackup);
  assert.deepEqual(c.submitted, ["backup-default-bk"]);
  assert.equal((c.get("BackupJob", "bk")?.status as Record<string, unknown>).phase, "Running");

  c.jobs = [runnerJob("running", 45, "exporting")];
  c.step("BackupJob", "bk", reconcileBackup);
  assert.deepEqual((c.get("BackupJob", "bk")?.status as Record<string, unknown>).progress, {
    percentage: 45,
    bytesTransferred: 450,
    totalBytes: 1000,
    currentPhase: "exporting",
    estimatedCompletion: "2026-01-01T00:00:02Z",
  });
  assert.deepEqual(
    c.step("BackupJob", "bk", reconcileBackup).actions,
    [],
    "unchanged progress is not rewritten",
  );

  c.jobs = [runnerJob("completed", 100, "uploading")];
  c.step("BackupJob", "bk", reconcileBackup);
  const done = c.get("BackupJob", "bk")?.status as Record<string, unknown>;
  assert.equal(done.phase, "Completed");
  assert.equal(done.outputPath, "s3://vault/daily/default/web/bk.ovf");
  assert.equal(done.size, 1000);
  assert.equal(done.completionTime, "2026-01-01T00:00:00Z");
});

Deno.test("reconcileBackup() fails when the source VM is missing or the runner job fails", () => {
  const missing = new MemoryCluster([obj("BackupJob", "bk", spec, { phase: "Pending" })]);
  missing.step("BackupJob", "bk", reconcileBackup);
  const s = missing.get("BackupJob", "bk")?.status as Record<string, unknown>;
  assert.equal(s.phase, "Failed");
  assert.equal(s.error, "source VM not found: default/web");

  const failing = new MemoryCluster([
    vm("web", {}),
    obj("BackupJob", "bk", spec, { phase: "Running" }),
  ]);
  failing.jobs = [runnerJob("failed", 25, "exporting")];
  failing.step("BackupJob", "bk", reconcileBackup);
  const f = failing.get("BackupJob", "bk")?.status as Record<string, unknown>;
  assert.equal(f.phase, "Failed");
  assert.equal(f.error, "injected fault");
  assert.deepEqual(
    (f.conditions as { type: string; status: string }[]).map((x) => `${x.type}=${x.status}`),
    ["Running=False", "Failed=True"],
  );
});

Deno.test("reconcileBackup() resubmits a Running job the runner does not know (operator restart)", () => {
  const c = new MemoryCluster([vm("web", {}), obj("BackupJob", "bk", spec, { phase: "Running" })]);
  c.step("BackupJob", "bk", reconcileBackup);
  assert.deepEqual(c.submitted, ["backup-default-bk"]);
});
