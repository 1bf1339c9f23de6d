/**
 * `schedule create NAME --cron EXPR --vm VM --dest-type T …`: one BackupSchedule, then its next
 * three runs on stderr so a wrong time zone shows at once. It cannot `--wait`: a schedule never
 * finishes.
 * @module
 */

import { formatInZone, nextRuns } from "../../../core/manifests/cron.ts";
import { buildBackupSchedule, checkScheduleCreate } from "../../../core/manifests/schedule.ts";
import { parseIntFlag } from "../../../core/manifests/_common.ts";
import { attempt, collect } from "../../../core/validation.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { BACKUP_SPEC_FLAGS } from "../backup_flags.ts";
import { createCommand } from "../create_command.ts";

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
  valueFlag("--next-runs", "n", "upcoming run times to print on stderr (0: none)", {
    default: "3",
  }),
] as const;

/** `schedule create`. */
export const scheduleCreateCommand = createCommand({
  noun: "schedule",
  argument: "name",
  flags: FLAGS,
  waitable: false,
  check: (name, flags) =>
    collect({
      schedule: checkScheduleCreate(name, flags),
      nextRuns: attempt(() => parseIntFlag("--next-runs", flags.nextRuns, 0, 100)),
    }),
  plan: ({ schedule }) => ({
    build: (namespace) => buildBackupSchedule(schedule, namespace),
    title: `${schedule.name} schedule`,
    // As for `backup create`: a schedule of a VM that is not there would only fail at each run.
    requires: { noun: "vm", name: schedule.backup.vm },
  }),
  async after({ schedule: { cron, timezone }, nextRuns: count }, deps) {
    if (count === 0) return;
    const runs = nextRuns(cron, timezone, deps.clock.now(), count);
    await deps.io.err.write(
      `next runs (${timezone}): ${runs.map((d) => formatInZone(d, timezone)).join(", ")}\n`,
    );
  },
});
