import assert from "node:assert/strict";
import { MemoryCluster, obj, T0 } from "../../testing/memory_cluster.ts";
import { reconcileSchedule, scheduledJobName } from "./reconcile_schedule.ts";
import type { KubeObject } from "../../core/types.ts";

const MIN = 60_000;
const schedule = (spec: Record<string, unknown>, status?: Record<string, unknown>) =>
  obj(
    "BackupSchedule",
    "nightly",
    {
      schedule: "*/5 * * * *",
      jobTemplate: {
        metadata: { labels: { tier: "db" } },
        spec: { source: { provider: "kubevirt", vmName: "db" }, destination: { type: "local" } },
      },
      ...spec,
    },
    status,
    { creationTimestamp: "2026-01-01T00:01:00Z" },
  );
const jobs = (c: MemoryCluster) =>
  [...c.objects.values()].filter((o) => o.kind === "BackupJob").map((o) => o.metadata?.name).sort();
const job = (name: string, phase: string, completion?: string): KubeObject =>
  obj("BackupJob", name, {}, { phase, ...(completion ? { completionTime: completion } : {}) }, {
    labels: { "hypersdk.io/schedule": "nightly" },
  });

Deno.test("reconcileSchedule() does not fire before the first cron time after creation", () => {
  const c = new MemoryCluster([schedule({})], T0 + 2 * MIN);
  const plan = c.step("BackupSchedule", "nightly", reconcileSchedule);
  assert.deepEqual(jobs(c), []);
  assert.deepEqual(plan.requeue, { afterMs: 3 * MIN });
});

Deno.test("reconcileSchedule() fires every cron time, once per time", () => {
  const c = new MemoryCluster([schedule({ concurrencyPolicy: "Allow" })], T0 + 5 * MIN + 700);
  c.step("BackupSchedule", "nightly", reconcileSchedule);
  c.step("BackupSchedule", "nightly", reconcileSchedule);
  const first = scheduledJobName("nightly", T0 + 5 * MIN);
  assert.equal(first, `nightly-${(T0 + 5 * MIN) / MIN}`);
  assert.deepEqual(jobs(c), [first]);
  const created = c.get("BackupJob", first)!;
  assert.equal(created.metadata?.labels?.["hypersdk.io/schedule"], "nightly");
  assert.equal(created.metadata?.labels?.tier, "db");
  assert.equal(created.metadata?.annotations?.["hypersdk.io/scheduled-at"], "2026-01-01T00:05:00Z");
  assert.deepEqual(created.metadata?.ownerReferences, [{
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "BackupSchedule",
    name: "nightly",
    uid: "uid-nightly",
    controller: true,
    blockOwnerDeletion: true,
  }]);
  const s = c.get("BackupSchedule", "nightly")?.status as Record<string, unknown>;
  assert.equal(s.lastScheduleTime, "2026-01-01T00:05:00Z");
  assert.deepEqual(s.active, [{ name: first, namespace: "default", uid: `uid-${first}` }]);
  c.now = T0 + 10 * MIN + 3000;
  c.step("BackupSchedule", "nightly", reconcileSchedule);
  assert.deepEqual(jobs(c), [first, scheduledJobName("nightly", T0 + 10 * MIN)]);
});

Deno.test("reconcileSchedule() with Forbid skips while a job is active, Replace replaces it", () => {
  const last = { lastScheduleTime: "2026-01-01T00:05:00Z" };
  const forbid = new MemoryCluster(
    [schedule({}, last), job("nightly-1", "Running")],
    T0 + 10 * MIN,
  );
  forbid.step("BackupSchedule", "nightly", reconcileSchedule);
  assert.deepEqual(jobs(forbid), ["nightly-1"]);
  assert.equal(
    (forbid.get("BackupSchedule", "nightly")?.status as Record<string, unknown>).lastScheduleTime,
    "2026-01-01T00:10:00Z",
  );
  const replace = new MemoryCluster([
    schedule({ concurrencyPolicy: "Replace" }, last),
    job("nightly-1", "Running"),
  ], T0 + 10 * MIN);
  replace.step("BackupSchedule", "nightly", reconcileSchedule);
  assert.deepEqual(jobs(replace), [scheduledJobName("nightly", T0 + 10 * MIN)]);
});

Deno.test("reconcileSchedule() skips a run missed by more than startingDeadlineSeconds", () => {
  const c = new MemoryCluster([
    schedule({ startingDeadlineSeconds: 30 }, { lastScheduleTime: "2026-01-01T00:05:00Z" }),
  ], T0 + 10 * MIN + 31_000);
  c.step("BackupSchedule", "nightly", reconcileSchedule);
  assert.deepEqual(jobs(c), []);
  assert.equal(
    (c.get("BackupSchedule", "nightly")?.status as Record<string, unknown>).lastScheduleTime,
    "2026-01-01T00:10:00Z",
  );
});

Deno.test("reconcileSchedule() keeps the history limits, drops finished jobs from active, tracks success", () => {
  const c = new MemoryCluster([
    schedule({ successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 1, suspend: true }),
    job("nightly-1", "Completed", "2026-01-01T00:06:00Z"),
    job("nightly-2", "Completed", "2026-01-01T00:11:00Z"),
    job("nightly-3", "Failed", "2026-01-01T00:12:00Z"),
    job("nightly-4", "Failed", "2026-01-01T00:13:00Z"),
    job("nightly-5", "Running"),
  ], T0 + 20 * MIN);
  c.step("BackupSchedule", "nightly", reconcileSchedule);
  assert.deepEqual(jobs(c), ["nightly-2", "nightly-4", "nightly-5"]);
  const s = c.get("BackupSchedule", "nightly")?.status as Record<string, unknown>;
  assert.deepEqual(s.active, [{ name: "nightly-5", namespace: "default", uid: "uid-nightly-5" }]);
  assert.equal(s.lastSuccessfulTime, "2026-01-01T00:11:00Z");
  assert.equal(s.lastScheduleTime, undefined, "suspended: nothing scheduled");
});

Deno.test("reconcileSchedule() reports an unparseable schedule once", () => {
  const c = new MemoryCluster([schedule({ schedule: "every day" })], T0);
  c.step("BackupSchedule", "nightly", reconcileSchedule);
  const cond = (c.get("BackupSchedule", "nightly")?.status as { conditions: { reason: string }[] })
    .conditions[0];
  assert.equal(cond.reason, "InvalidSchedule");
  assert.deepEqual(c.step("BackupSchedule", "nightly", reconcileSchedule).actions, []);
});

Deno.test("reconcileSchedule() evaluates the cron in spec.timezone", () => {
  // 02:00 in Berlin is 01:00 UTC in winter.
  const c = new MemoryCluster(
    [schedule({ schedule: "0 2 * * *", timezone: "Europe/Berlin" })],
    T0 + 60 * MIN,
  );
  c.step("BackupSchedule", "nightly", reconcileSchedule);
  assert.deepEqual(jobs(c), ["nightly-" + (T0 + 60 * MIN) / MIN]);
});
