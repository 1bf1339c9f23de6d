import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { scheduleCreateCommand } from "./create.ts";

Deno.test("schedule create names every problem at once", async () => {
  const v = await parseLine(scheduleCreateCommand, [
    "nightly",
    "--cron",
    "0 25 * * *",
    "--timezone",
    "Europe/Berln",
    "--dest-type",
    "local",
    "--keep-failed",
    "x",
    "--next-runs",
    "-1",
  ]);
  assert.equal(problems(v).length, 5, problems(v).join("\n"));
  assert.match(problems(v)[0], /Invalid value for hour: 25$/);
  assert.match(problems(v)[1], /did you mean "Europe\/Berlin"\?\)$/);
  assert.equal(problems(v)[2], "schedule create needs --vm");
  assert.equal(problems(v)[3], `--keep-failed must be an integer from 0 to 1000, got "x"`);
  assert.equal(problems(v)[4], `--next-runs must be an integer from 0 to 100, got "-1"`);
});

Deno.test("schedule create: a good line gives typed options", async () => {
  const v = await parseLine(scheduleCreateCommand, [
    "nightly",
    "--cron",
    "0 2 * * *",
    "--vm",
    "db",
    "--dest-type",
    "nfs",
    "--starting-deadline",
    "5m",
  ]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.equal(v.right.object.nextRuns, 3);
  assert.deepEqual(v.right.object.schedule, {
    name: "nightly",
    cron: "0 2 * * *",
    timezone: "UTC",
    concurrencyPolicy: "Forbid",
    suspend: false,
    startingDeadlineSeconds: 300,
    backup: {
      vm: "db",
      provider: "kubevirt",
      destination: { type: "nfs" },
      carbonAware: false,
    },
  });
  assert.equal(v.right.mutation.dryRun, "none");
});
