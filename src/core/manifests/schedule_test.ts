import assert from "node:assert/strict";
import { assertThrowsWith } from "../_testing.ts";
import {
  buildBackupSchedule,
  parseScheduleCreate,
  type ScheduleCreateFlags,
  suspendPatch,
} from "./schedule.ts";

const base: ScheduleCreateFlags = {
  namespace: "prod",
  cron: "0 2 * * *",
  vm: "db",
  destType: "s3",
  bucket: "vm-backups",
};

Deno.test("schedule create: defaults UTC, Forbid, not suspended; jobTemplate.spec is the BackupJob spec", () => {
  assert.deepEqual(buildBackupSchedule(parseScheduleCreate("nightly-db", base)), {
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
  const m = buildBackupSchedule(parseScheduleCreate("nightly-db", {
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
    parseScheduleCreate("n", { ...base, startingDeadline: "5m" }).startingDeadlineSeconds,
    300,
  );
});

Deno.test("parseScheduleCreate() rejects bad input before anything is sent", () => {
  const cases: [
    string | undefined,
    Partial<ScheduleCreateFlags>,
    typeof SyntaxError | typeof RangeError,
    string | RegExp,
  ][] = [
    [undefined, {}, SyntaxError, "schedule create needs a schedule name"],
    ["n", { cron: undefined }, SyntaxError, `schedule create needs --cron (as in "0 2 * * *")`],
    ["n", { cron: "0 25 * * *" }, SyntaxError, /Invalid value for hour: 25$/],
    ["n", { timezone: "Europe/Berln" }, SyntaxError, /did you mean "Europe\/Berlin"\?\)$/],
    ["n", { vm: undefined }, SyntaxError, "schedule create needs --vm"],
    ["n", { destType: undefined }, SyntaxError, /^schedule create needs --dest-type/],
    [
      "n",
      { destType: "s3", bucket: undefined },
      SyntaxError,
      "schedule create --dest-type s3 needs --bucket",
    ],
    [
      "n",
      { concurrency: "Forbidd" },
      SyntaxError,
      `--concurrency "Forbidd" is not one of Forbid, Allow, Replace (did you mean "Forbid"?)`,
    ],
    [
      "n",
      { keepSuccessful: "-1" },
      RangeError,
      `--keep-successful must be an integer from 0 to 1000, got "-1"`,
    ],
    [
      "n",
      { keepFailed: "x" },
      SyntaxError,
      `--keep-failed must be an integer from 0 to 1000, got "x"`,
    ],
    [
      "n",
      { startingDeadline: "0" },
      RangeError,
      `--starting-deadline must be an integer of at least 1, got "0"`,
    ],
    [
      "n",
      { startingDeadline: "1500ms" },
      RangeError,
      `--starting-deadline must be a whole number of seconds of at least 1, got "1500ms"`,
    ],
    [
      "n",
      { startingDeadline: "soon" },
      SyntaxError,
      `--starting-deadline "soon" must be seconds (as in "300") or a duration (as in "5m")`,
    ],
  ];
  for (const [name, flags, cls, message] of cases) {
    assertThrowsWith(() => parseScheduleCreate(name, { ...base, ...flags }), cls, message);
  }
});

Deno.test("suspendPatch() is the merge patch for suspend and resume", () => {
  assert.deepEqual(suspendPatch(true), { spec: { suspend: true } });
  assert.deepEqual(suspendPatch(false), { spec: { suspend: false } });
});
