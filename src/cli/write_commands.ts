/**
 * The changing verbs of each noun (SPEC §3.2): create, delete, VM operations, waits, schedule
 * suspend/resume. Every one really writes to the cluster; each module is imported lazily.
 * @module
 */

import { Command } from "commander";
import type { Noun } from "../core/kinds.ts";
import type { Deps, GlobalFlags } from "./deps.ts";

type Flags = Record<string, unknown>;
const globalsOf = (cmd: Command) => cmd.optsWithGlobals() as GlobalFlags;

function withMutation(cmd: Command, waitable: boolean): Command {
  cmd.option(
    "--dry-run [strategy]",
    "client: print the manifest, send nothing; server: validate with dryRun=All",
  );
  if (waitable) {
    cmd
      .option("--wait", "wait until the operation finishes, showing progress on stderr")
      .option(
        "--timeout <duration>",
        "with --wait: give up after this long (0 = check once)",
        undefined,
      )
      .option("--progress <mode>", "auto|bar|lines|none (auto: a bar on a terminal, else lines)")
      .option("--show-progress", "same as --progress bar");
  }
  return cmd;
}

function backupSpecOptions(cmd: Command): Command {
  return cmd
    .option("--dest-type <type>", "s3|azure-blob|gcs|local|nfs", "s3")
    .option("--bucket <name>", "bucket (required for s3, azure-blob, gcs)")
    .option("--prefix <path>", "path prefix inside the bucket")
    .option("--region <region>", "bucket region")
    .option("--endpoint <url>", "object-store endpoint")
    .option("--credentials-secret <name>", "Secret with the destination credentials")
    .option("--format <format>", "ovf|ova|raw|qcow2|vmdk|vhd|vhdx")
    .option("--compress", "compress the backup")
    .option("--provider <provider>", "source provider", "kubevirt")
    .option("--carbon-aware", "delay the backup to greener hours");
}

function deleteCommand(noun: Noun, deps: Deps): Command {
  return withMutation(
    new Command("delete")
      .description(`delete ${noun} objects (asks on a terminal; --yes required otherwise)`)
      .argument("[names...]")
      .option("-l, --selector <selector>", "delete everything matching this label selector")
      .option("-y, --yes", "do not ask for confirmation"),
    true,
  ).action(async (names: string[], flags: Flags, self: Command) => {
    const { runDeleteCommand } = await import("./commands/delete.ts");
    await runDeleteCommand(noun, names, flags, globalsOf(self), deps);
  });
}

function waitCommand(noun: Noun, deps: Deps): Command {
  return new Command("wait")
    .description(`wait for ${noun} objects to finish (resume after a timeout or Ctrl+C)`)
    .argument("<names...>")
    .option("--timeout <duration>", "give up after this long (0 = check once)", "5m")
    .option("--progress <mode>", "auto|bar|lines|none")
    .option("--show-progress", "same as --progress bar")
    .action(async (names: string[], flags: Flags, self: Command) => {
      const { runWaitCommand } = await import("./commands/wait.ts");
      await runWaitCommand(noun, names, flags, globalsOf(self), deps);
    });
}

function createCommand(
  noun: "vm" | "snapshot" | "backup" | "restore" | "schedule",
  argument: string | undefined,
  waitable: boolean,
  deps: Deps,
  configure: (cmd: Command) => Command,
): Command {
  const cmd = new Command("create").description(`create a ${noun}`);
  if (argument) cmd.argument(argument);
  return withMutation(configure(cmd), waitable).action(async (...args: unknown[]) => {
    const self = args.at(-1) as Command;
    const flags = args.at(-2) as Flags;
    const arg = argument ? args[0] as string | undefined : undefined;
    const { runCreateCommand } = await import("./commands/create.ts");
    await runCreateCommand(noun, arg, flags, globalsOf(self), deps);
  });
}

function vmCommands(deps: Deps): Command[] {
  const power = (op: "start" | "stop" | "restart") =>
    withMutation(
      new Command(op)
        .description(`${op} VMs (one VMOperation each)`)
        .argument("[names...]")
        .option("-l, --selector <selector>", `${op} every VM matching this label selector`)
        .option("--force", "force the operation"),
      true,
    ).action(async (names: string[], flags: Flags, self: Command) => {
      const { runPowerCommand } = await import("./commands/vm/operation.ts");
      await runPowerCommand(op, names, flags, globalsOf(self), deps);
    });
  const single = (
    op: "clone" | "migrate" | "resize",
    describe: string,
    configure: (cmd: Command) => Command,
  ) =>
    withMutation(configure(new Command(op).description(describe).argument("[name]")), true)
      .action(async (name: string | undefined, flags: Flags, self: Command) => {
        const m = await import("./commands/vm/operation.ts");
        const run = op === "clone"
          ? m.runCloneCommand
          : op === "migrate"
          ? m.runMigrateCommand
          : m.runResizeCommand;
        await run(name, flags, globalsOf(self), deps);
      });
  return [
    createCommand("vm", "[name]", false, deps, (c) =>
      c
        .option("--cpus <n>", "virtual CPUs, 1-128")
        .option("--memory <quantity>", "memory, a binary quantity such as 8Gi")
        .option("--image <url>", "boot image URL (http(s)://, s3://)")
        .option("--template <name>", "create from this VMTemplate")
        .option("--disk-size <quantity>", "root disk size, e.g. 20Gi")
        .option("--storage-class <name>", "storage class of the root disk")
        .option("--node-selector <k=v,...>", "node selector labels (repeatable)", collect, [])
        .option("--label <k=v>", "label the VM (repeatable)", collect, [])
        .option("--running <bool>", "start it (default true)")),
    deleteCommand("vm", deps),
    power("start"),
    power("stop"),
    power("restart"),
    single("clone", "clone a VM (VMOperation clone)", (c) =>
      c
        .option("--target <name>", "name of the new VM")
        .option("--target-namespace <ns>", "namespace of the new VM")
        .option("--linked", "linked clone")
        .option("--start", "start the clone")
        .option("--from-snapshot <name>", "clone from this VMSnapshot of the VM")),
    single("migrate", "move a VM to another node (VMOperation migrate)", (c) =>
      c
        .option("--target-node <node>", "destination node")
        .option("--offline", "stop, move, start instead of a live migration")
        .option("--bandwidth <rate>", "bandwidth limit, e.g. 100Mbps")
        .option("--auto-converge", "throttle the guest so a live migration converges")
        .option("--post-copy", "switch to post-copy when pre-copy does not converge")),
    single("resize", "change CPUs and/or memory; only what is given changes", (c) =>
      c
        .option("--cpus <n>", "new CPU count")
        .option("--memory <quantity>", "new memory, e.g. 16Gi")
        .option("--hotplug", "apply without a restart")),
  ];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The changing verbs of `noun`. */
export function writeCommands(noun: Noun, deps: Deps): Command[] {
  switch (noun) {
    case "vm":
      return vmCommands(deps);
    case "op":
      return [waitCommand("op", deps)];
    case "snapshot":
      return [
        createCommand("snapshot", "[vm]", true, deps, (c) =>
          c
            .option("--name <name>", "snapshot name (default: generated <vm>-snap-xxxxx)")
            .option("--include-memory", "include the memory state")
            .option("--no-quiesce", "do not quiesce the guest file systems")
            .option("--keep-days <n>", "expire the snapshot after N days")
            .option("--description <text>", "free text")),
        deleteCommand("snapshot", deps),
        waitCommand("snapshot", deps),
      ];
    case "backup":
      return [
        createCommand(
          "backup",
          "[vm]",
          true,
          deps,
          (c) =>
            backupSpecOptions(c).option("--name <name>", "job name (default: <vm>-backup-xxxxx)"),
        ),
        deleteCommand("backup", deps),
        waitCommand("backup", deps),
      ];
    case "restore":
      return [
        createCommand("restore", undefined, true, deps, (c) =>
          c
            .option("--backup <name>", "BackupJob to restore from")
            .option("--vm <name>", "name of the restored VM")
            .option("--power-on", "start the VM after the restore")
            .option("--overwrite", "replace an existing VM of that name")
            .option("--provider <provider>", "destination provider", "kubevirt")
            .option("--name <name>", "job name (default: restore-<vm>-xxxxx)")),
        deleteCommand("restore", deps),
        waitCommand("restore", deps),
      ];
    case "schedule": {
      const suspend = (on: boolean) =>
        new Command(on ? "suspend" : "resume")
          .description(on ? "stop creating backups" : "start creating backups again")
          .argument("<names...>")
          .action(async (names: string[], _flags: Flags, self: Command) => {
            const { runSuspendCommand } = await import("./commands/schedule/suspend.ts");
            await runSuspendCommand(on, names, globalsOf(self), deps);
          });
      return [
        createCommand("schedule", "[name]", false, deps, (c) =>
          backupSpecOptions(c)
            .option("--cron <expr>", 'when to back up, 5-field cron, e.g. "0 2 * * *"')
            .option("--vm <name>", "VM to back up")
            .option("--timezone <tz>", "IANA time zone of the cron expression", "UTC")
            .option("--concurrency <policy>", "Forbid|Allow|Replace")
            .option("--suspend", "create it suspended")
            .option("--keep-successful <n>", "finished jobs to keep")
            .option("--keep-failed <n>", "failed jobs to keep")
            .option("--starting-deadline <duration>", "skip a run started later than this")),
        deleteCommand("schedule", deps),
        suspend(true),
        suspend(false),
      ];
    }
    case "template":
      return [];
  }
}
