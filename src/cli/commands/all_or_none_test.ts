/**
 * Commands that name several objects change none of them when one is missing (README): every
 * `<noun> delete` and `schedule suspend|resume`, against the embedded API server.
 */
import assert from "node:assert/strict";
import { kindByNoun, type Noun } from "../../core/kinds.ts";
import { buildBackupJob, checkBackupCreate } from "../../core/manifests/backup.ts";
import { buildRestoreJob } from "../../core/manifests/restore.ts";
import { buildBackupSchedule, checkScheduleCreate } from "../../core/manifests/schedule.ts";
import { buildVmSnapshot } from "../../core/manifests/snapshot.ts";
import { orThrow } from "../../core/validation.ts";
import type { Manifest } from "../../core/manifests/mod.ts";
import type { KubeObject } from "../../core/types.ts";
import type { KubeClient } from "../../k8s/client.ts";
import { withSimDeps } from "../../testing/sim_deps.ts";
import { run } from "../main.ts";
import { refFor } from "./common.ts";

const NS = "ns1";

type Seed = (name: string) => KubeObject | Manifest<unknown>;

/** One object named `name` of each kind that has a delete command. */
const SEEDS: Readonly<Record<"vm" | "snapshot" | "backup" | "restore" | "schedule", Seed>> = {
  vm: (name) => ({
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name },
    spec: { cpus: 1, memory: "1Gi" },
  }),
  snapshot: (name) => buildVmSnapshot({ vm: "v", includeMemory: false, quiesce: true, name }, NS),
  backup: (name) =>
    buildBackupJob(orThrow(checkBackupCreate("v", { destType: "s3", bucket: "b", name })), NS),
  restore: (name) =>
    buildRestoreJob(
      { backup: "b", vm: "v", provider: "kubevirt", powerOn: false, overwrite: false, name },
      NS,
    ),
  schedule: (name) =>
    buildBackupSchedule(
      orThrow(
        checkScheduleCreate(name, { cron: "0 2 * * *", vm: "v", destType: "s3", bucket: "b" }),
      ),
      NS,
    ),
};
const NOUNS = Object.keys(SEEDS) as (keyof typeof SEEDS)[];

async function seed(api: KubeClient): Promise<void> {
  for (const noun of NOUNS) {
    await api.create(refFor(kindByNoun(noun), NS), SEEDS[noun]("keep"));
  }
}

async function exists(api: KubeClient, noun: Noun, name: string): Promise<boolean> {
  return await api.get(refFor(kindByNoun(noun), NS), name).then(() => true, () => false);
}

Deno.test("<noun> delete with a missing name deletes nothing, wherever the name is", async () => {
  let admin: KubeClient | undefined;
  await withSimDeps(async (api) => {
    admin = api;
    await seed(api);
  }, async (sim) => {
    for (const noun of NOUNS) {
      for (const names of [["keep", "nope"], ["nope", "keep"]]) {
        for (const dryRun of [[], ["--dry-run=server"]]) {
          const d = sim.deps();
          const argv = [noun, "delete", ...names, "--yes", ...dryRun];
          assert.equal(await run(argv, d), 1, argv.join(" "));
          assert.equal(d.stdout(), "", argv.join(" "));
          assert.match(d.stderr(), /^error: .*"nope" not found/, argv.join(" "));
          assert.ok(await exists(admin!, noun, "keep"), `${argv.join(" ")}: keep was deleted`);
        }
      }
    }
  });
});

Deno.test("of several missing names the first one given is named, however many there are", async () => {
  await withSimDeps(seed, async (sim) => {
    // More names than are checked at once, the missing ones in both halves.
    const names: string[] = Array.from({ length: 40 }, (_, i) => (i === 25 ? "gone-a" : "keep"));
    names[31] = "gone-b";
    names[3] = "gone-c";
    const d = sim.deps();
    assert.equal(await run(["vm", "delete", ...names, "--yes"], d), 1);
    assert.match(d.stderr(), /^error: .*"gone-c" not found/);
  });
});

Deno.test("schedule suspend|resume with a missing name changes none", async () => {
  let admin: KubeClient | undefined;
  await withSimDeps(async (api) => {
    admin = api;
    await seed(api);
  }, async (sim) => {
    for (const verb of ["suspend", "resume"]) {
      for (const names of [["keep", "nope"], ["nope", "keep"]]) {
        const d = sim.deps();
        const argv = ["schedule", verb, ...names];
        assert.equal(await run(argv, d), 1, argv.join(" "));
        assert.equal(d.stdout(), "", argv.join(" "));
        assert.match(d.stderr(), /^error: .*"nope" not found/, argv.join(" "));
        const keep = await admin!.get(refFor(kindByNoun("schedule"), NS), "keep");
        assert.equal((keep.spec as { suspend?: boolean }).suspend, false, argv.join(" "));
      }
    }
  });
});
