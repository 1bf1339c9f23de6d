/**
 * `schedule create NAME --cron EXPR --vm VM --dest-type T …`: one BackupSchedule, then its next
 * three runs on stderr so a wrong time zone shows at once. It cannot `--wait`: a schedule never
 * finishes.
 * @module
 */

import {
  buildBackupSchedule,
  checkScheduleCreate,
  type ScheduleCreateOptions,
} from "../../../core/manifests/schedule.ts";
import { collect, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { BACKUP_SPEC_FLAGS } from "../backup_flags.ts";
import { checkWriting, DRY_RUN_FLAG, type WritingOptions } from "../mutation_flags.ts";

const FLAGS = [
  ...BACKUP_SPEC_FLAGS,
  valueFlag("--cron", "expr", 'when to back up, 5-field cron, e.g. "0 2 * * *"', {
    required: true,
  }),
  valueFlag("--vm", "name", "VM to back up", { required: true }),
  valueFlag("--timezone", "tz", "IANA time zone of the cron expression", { default: "UTC" }),
  valueFlag("--concurrency", "policy", "Forbid|Allow|Replace"),
  switchFlag("--suspend", "create it suspended"),
  valueFlag("--keep-successful", "n", "finished jobs to keep"),
  valueFlag("--keep-failed", "n", "failed jobs to keep"),
  valueFlag("--starting-deadline", "duration", "skip a run started later than this"),
  DRY_RUN_FLAG,
] as const;

/** What `schedule create` does, checked. */
export interface ScheduleCreateCommandOptions extends WritingOptions {
  schedule: ScheduleCreateOptions;
}

/** `schedule create`. */
export const scheduleCreateCommand = defineCommand({
  spec: {
    name: "create",
    description: "create a schedule",
    args: [{ name: "name", required: true, variadic: false }],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags, args }, env) =>
    mapValid(
      collect({
        writing: checkWriting(flags, env.stderrIsTTY, false),
        schedule: checkScheduleCreate(args[0], flags),
      }),
      ({ writing, schedule }): ScheduleCreateCommandOptions => ({ ...writing, schedule }),
    ),
  async run({ schedule, mutation, globals }, deps) {
    const [{ runCreate }, { nextRuns }] = await Promise.all([
      import("../create.ts"),
      import("../../../core/manifests/cron.ts"),
    ]);
    await runCreate({
      noun: "schedule",
      build: (namespace) => buildBackupSchedule(schedule, namespace),
      title: `${schedule.name} schedule`,
      mutation,
      globals,
    }, deps);
    const { cron, timezone } = schedule;
    const runs = nextRuns(cron, timezone, deps.clock.now(), 3);
    await deps.io.err.write(
      `next runs (${timezone}): ${runs.map((d) => d.toISOString()).join(", ")}\n`,
    );
  },
});
