import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { orThrow } from "../validation.ts";
import {
  buildBackupSchedule,
  checkScheduleCreate,
  type ScheduleCreateFlags,
  type ScheduleCreateOptions,
  suspendPatch,
} from "./schedule.ts";

const check = (name: string | undefined, flags: ScheduleCreateFlags) =>
  orThrow(checkScheduleCreate(name, flags));
const build = (options: ScheduleCreateOptions) => buildBackupSchedule(options, "prod");

const base: ScheduleCreateFlags = {
  cron: "0 2 * * *",
  vm: "db",
  destType: "s3",
  bucket: "vm-backups",
};

Deno.test("schedule create: defaults UTC, Forbid, not suspended; jobTemplate.spec is the BackupJob spec", () => {
  assert.deepEqual(build(check("nightly-db", base)), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "BackupSchedule",
    metadata: { name: "nightly-db", namespace: "prod", labels: { "hypersdk.io/vm": "db" } },
    spec: {
      schedule: "0 2 * * *",
      timezone: "UTC",
      suspend: false,
      concurrencyPolicy: "Forbid",
      jobTemplate: {
        metadata: { labels: { "hypersdk.io/vm": "db", "hypersdk.io/schedule": "nightly-db" } },
        spec: {
          source: { provider: "kubevirt", namespace: "prod", vmName: "db" },
          destination: { type: "s3", bucket: "vm-backups" },
        },
      },
    },
  });
});

Deno.test("schedule create: every flag lands in its field", () => {
  const m = build(check("nightly-db", {
    ...base,
    cron: "30 1 * * MON-FRI",
    timezone: "Europe/Berlin",
    concurrency: "replace",
    suspend: true,
    keepSuccessful: "5",
    keepFailed: "0",
    startingDeadline: "300",
    prefix: "db",
    compress: true,
  }));
  assert.deepEqual(m.spec, {
    schedule: "30 1 * * MON-FRI",
    timezone: "Europe/Berlin",
    suspend: true,
    concurrencyPolicy: "Replace",
    startingDeadlineSeconds: 300,
    successfulJobsHistoryLimit: 5,
    failedJobsHistoryLimit: 0,
    jobTemplate: {
      metadata: { labels: { "hypersdk.io/vm": "db", "hypersdk.io/schedule": "nightly-db" } },
      spec: {
        source: { provider: "kubevirt", namespace: "prod", vmName: "db" },
        destination: { type: "s3", bucket: "vm-backups", prefix: "db" },
        format: { type: "ovf", compression: true },
      },
    },
  });
  assert.equal(
    check("n", { ...base, startingDeadline: "5m" }).startingDeadlineSeconds,
    300,
  );
});

Deno.test("checkScheduleCreate() rejects bad input before anything is sent", () => {
  const cases: [
    string | undefined,
    Partial<ScheduleCreateFlags>,
    typeof InputError,
    string | RegExp,
  ][] = [
    [undefined, {}, InputError, "schedule create needs a schedule name"],
    ["n", { cron: undefined }, InputError, `schedule create needs --cron (as in "0 2 * * *")`],
    ["n", { cron: "0 25 * * *" }, InputError, /Invalid value for hour: 25$/],
    ["n", { timezone: "Europe/Berln" }, InputError, /did you mean "Europe\/Berlin"\?\)$/],
    ["n", { vm: undefined }, InputError, "schedule create needs --vm"],
    ["n", { destType: undefined }, InputError, /^schedule create needs --dest-type/],
    [
      "n",
      { destType: "s3", bucket: undefined },
      InputError,
      "schedule create --dest-type s3 needs --bucket",
    ],
    [
      "n",
      { concurrency: "Forbidd" },
      InputError,
      `--concurrency "Forbidd" is not one of Forbid, Allow, Replace (did you mean "Forbid"?)`,
    ],
    [
      "n",
      { keepSuccessful: "-1" },
      InputError,
      `--keep-successful must be an integer from 0 to 1000, got "-1"`,
    ],
    [
      "n",
      { keepFailed: "x" },
      InputError,
      `--keep-failed must be an integer from 0 to 1000, got "x"`,
    ],
    [
      "n",
      { startingDeadline: "0" },
      InputError,
      `--starting-deadline must be an integer of at least 1, got "0"`,
    ],
    [
      "n",
      { startingDeadline: "1500ms" },
      InputError,
      `--starting-deadline must be a whole number of seconds of at least 1, got "1500ms"`,
    ],
    [
      "n",
      { startingDeadline: "soon" },
      InputError,
      `--starting-deadline "soon" must be seconds (as in "300") or a duration (as in "5m")`,
    ],
  ];
  for (const [name, flags, cls, message] of cases) {
    assertThrowsWith(() => check(name, { ...base, ...flags }), cls, message);
  }
});

Deno.test("suspendPatch() is the merge patch for suspend and resume", () => {
  assert.deepEqual(suspendPatch(true), { spec: { suspend: true } });
  assert.deepEqual(suspendPatch(false), { spec: { suspend: false } });
});
