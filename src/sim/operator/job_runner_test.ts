import assert from "node:assert/strict";
import { createJobRunner, type RunnerJob } from "./job_runner.ts";
import { buildBackupJobDefinition, type JobDefinition } from "./job_definition.ts";
import { obj, T0 } from "../../testing/memory_cluster.ts";

function definition(fault?: "fail" | "hang"): JobDefinition {
  return buildBackupJobDefinition(
    obj("BackupJob", "bk", { source: { vmName: "web" }, destination: { type: "local" } }),
    { now: T0, totalBytes: 1000, fault },
  );
}

function run(fault?: "fail" | "hang"): Promise<RunnerJob[]> {
  return new Promise((resolve) => {
    const seen: RunnerJob[] = [];
    const runner = createJobRunner({
      stepMs: () => 1,
      now: () => T0,
      onChange: (job) => {
        seen.push(job);
        if (job.status !== "running" || (fault === "hang" && !runner.busy())) {
          runner.stop();
          resolve(seen);
        }
      },
    });
    assert.equal(runner.submit(definition(fault)), "backup-default-bk");
    assert.equal(runner.submit(definition(fault)), "backup-default-bk", "resubmission is ignored");
  });
}

Deno.test("job runner advances connecting → exporting → uploading to completed", async () => {
  const seen = await run();
  assert.deepEqual(seen.map((j) => `${j.progress.phase} ${j.progress.percent_complete}`), [
    "connecting 5",
    "exporting 25",
    "exporting 45",
    "exporting 65",
    "exporting 80",
    "uploading 90",
    "uploading 100",
  ]);
  const last = seen.at(-1)!;
  assert.equal(last.status, "completed");
  assert.deepEqual(last.result, {
    output_path: "/var/lib/hypersdk/backups/default/web/bk.ovf",
    total_size: 1000,
  });
  assert.equal(last.progress.bytes_transferred, 1000);
});

Deno.test("job runner fails or hangs an injected job before 40%", async () => {
  const failed = await run("fail");
  assert.equal(failed.at(-1)!.status, "failed");
  assert.equal(failed.at(-1)!.error, "injected fault");
  assert.equal(failed.at(-1)!.progress.percent_complete, 25);
  const hung = await run("hang");
  assert.equal(hung.at(-1)!.status, "running");
  assert.equal(hung.at(-1)!.progress.percent_complete, 25);
});
