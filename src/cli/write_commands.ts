/**
 * The changing verbs of each noun: create, delete, VM operations, waits, schedule
 * suspend/resume. Every one really writes to the cluster; each module is imported lazily.
 * @module
 */

import type { Noun } from "../core/kinds.ts";
import {
  type ArgSpec,
  type CommandSpec,
  type FlagSpec,
  switchFlag,
  valueFlag,
} from "./command_spec.ts";
import type { Deps, GlobalFlags } from "./deps.ts";
import { NOTIFY_FLAG } from "./commands/mutation_flags.ts";
import { lazyLeaf } from "./command.ts";
import {
  NAMESPACED_GLOBALS,
  QUERY_GLOBALS,
  WRITE_GLOBALS,
  WRITE_OUTPUTS,
} from "./honoured_globals.ts";

type Flags = Record<string, unknown>;

const NAMES: ArgSpec = { name: "names", required: false, variadic: true };
const SOME_NAMES: ArgSpec = { name: "names", required: true, variadic: true };
const needed = (name: string): ArgSpec => ({ name, required: true, variadic: false });
/** A flag the command cannot run without. */
const must = (long: string, placeholder: string, description: string): FlagSpec =>
  valueFlag(long, placeholder, description, { required: true });

const DRY_RUN: FlagSpec = {
  long: "--dry-run",
  value: "optional",
  placeholder: "strategy",
  description: "client: print the manifest, send nothing; server: validate with dryRun=All",
};

const WAIT_FLAGS: readonly FlagSpec[] = [
  switchFlag("--wait", "wait until the operation finishes, showing progress on stderr"),
  valueFlag("--timeout", "duration", "with --wait: give up after this long (0 = check once)"),
  valueFlag("--progress", "mode", "auto|bar|lines|none (auto: a bar on a terminal, else lines)"),
  switchFlag("--show-progress", "same as --progress bar"),
  NOTIFY_FLAG,
];

function mutationFlags(waitable: boolean): FlagSpec[] {
  return [DRY_RUN, ...(waitable ? WAIT_FLAGS : [])];
}

const BACKUP_SPEC_FLAGS: readonly FlagSpec[] = [
  valueFlag("--dest-type", "type", "s3|azure-blob|gcs|local|nfs", { default: "s3" }),
  valueFlag("--bucket", "name", "bucket (required for s3, azure-blob, gcs)"),
  valueFlag("--prefix", "path", "path prefix inside the bucket"),
  valueFlag("--region", "region", "bucket region"),
  valueFlag("--endpoint", "url", "object-store endpoint"),
  valueFlag("--credentials-secret", "name", "Secret with the destination credentials"),
  valueFlag("--format", "format", "ovf|ova|raw|qcow2|vmdk|vhd|vhdx"),
  switchFlag("--compress", "compress the backup"),
  valueFlag("--provider", "provider", "source provider", { default: "kubevirt" }),
  switchFlag("--carbon-aware", "delay the backup to greener hours"),
];

function deleteCommand(noun: Noun, deps: Deps): CommandSpec {
  return {
    name: "delete",
    description: `delete ${noun} objects (asks on a terminal; --yes required otherwise)`,
    args: [NAMES],
    globals: NAMESPACED_GLOBALS,
    flags: [
      valueFlag("--selector", "selector", "delete everything matching this label selector", {
        short: "-l",
      }),
      switchFlag("--yes", "do not ask for confirmation", "-y"),
      ...mutationFlags(true),
    ],
    run: async ({ flags, args }) => {
      const { runDeleteCommand } = await import("./commands/delete.ts");
      await runDeleteCommand(noun, args, flags, flags as GlobalFlags, deps);
    },
  };
}

function waitCommand(noun: Noun, deps: Deps): CommandSpec {
  return {
    name: "wait",
    description: `wait for ${noun} objects to finish (resume after a timeout or Ctrl+C)`,
    args: [SOME_NAMES],
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
    flags: [
      valueFlag("--timeout", "duration", "give up after this long (0 = check once)", {
        default: "5m",
      }),
      valueFlag("--progress", "mode", "auto|bar|lines|none"),
      switchFlag("--show-progress", "same as --progress bar"),
      NOTIFY_FLAG,
    ],
    run: async ({ flags, args }) => {
      const { runWaitCommand } = await import("./commands/resume_wait.ts");
      await runWaitCommand(noun, args, flags, flags as GlobalFlags, deps);
    },
  };
}

function createCommand(
  noun: "vm" | "snapshot" | "backup" | "restore" | "schedule",
  argument: string | undefined,
  waitable: boolean,
  deps: Deps,
  flags: readonly FlagSpec[],
): CommandSpec {
  return {
    name: "create",
    description: `create a ${noun}`,
    args: argument ? [needed(argument)] : [],
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
    flags: [...flags, ...mutationFlags(waitable)],
    run: async ({ flags, args }) => {
      const { runCreateCommand } = await import("./commands/create.ts");
      await runCreateCommand(noun, args[0], flags, flags as GlobalFlags, deps);
    },
  };
}

function vmCommands(deps: Deps): CommandSpec[] {
  const power = (op: "start" | "stop" | "restart"): CommandSpec => ({
    name: op,
    description: `${op} VMs (one VMOperation each)`,
    args: [NAMES],
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
    flags: [
      valueFlag("--selector", "selector", `${op} every VM matching this label selector`, {
        short: "-l",
      }),
      switchFlag("--force", "force the operation"),
      ...mutationFlags(true),
    ],
    run: async ({ flags, args }) => {
      const { runPowerCommand } = await import("./commands/vm/operation.ts");
      await runPowerCommand(op, args, flags, flags as GlobalFlags, deps);
    },
  });
  const single = (
    op: "migrate" | "resize",
    description: string,
    flags: readonly FlagSpec[],
    name = needed("name"),
  ): CommandSpec => ({
    name: op,
    description,
    args: [name],
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
    flags: [...flags, ...mutationFlags(true)],
    run: async ({ flags, args }) => {
      const m = await import("./commands/vm/operation.ts");
      const run = op === "migrate" ? m.runMigrateCommand : m.runResizeCommand;
      await run(args[0], flags, flags as GlobalFlags, deps);
    },
  });
  return [
    createCommand("vm", "name", true, deps, [
      must("--cpus", "n", "virtual CPUs, 1-128"),
      must("--memory", "quantity", "memory, a binary quantity such as 8Gi"),
      valueFlag("--image", "url", "boot image URL (http(s)://, s3://)"),
      valueFlag("--template", "name", "create from this VMTemplate"),
      valueFlag("--disk-size", "quantity", "root disk size, e.g. 20Gi"),
      valueFlag("--storage-class", "name", "storage class of the root disk"),
      valueFlag("--node-selector", "k=v,...", "node selector labels (repeatable)", {
        repeatable: true,
      }),
      valueFlag("--label", "k=v", "label the VM (repeatable)", { repeatable: true }),
      valueFlag("--running", "bool", "start it (default true)"),
    ]),
    deleteCommand("vm", deps),
    power("start"),
    power("stop"),
    power("restart"),
    lazyLeaf(
      "clone",
      "clone a VM (VMOperation clone)",
      () => import("./commands/vm/clone.ts").then((m) => m.cloneCommand),
      deps,
    ),
    single("migrate", "move a VM to another node (VMOperation migrate)", [
      must("--target-node", "node", "destination node"),
      switchFlag("--offline", "stop, move, start instead of a live migration"),
      valueFlag("--bandwidth", "rate", "bandwidth limit, e.g. 100Mbps"),
      switchFlag("--auto-converge", "throttle the guest so a live migration converges"),
      switchFlag("--post-copy", "switch to post-copy when pre-copy does not converge"),
    ]),
    single("resize", "change CPUs and/or memory; only what is given changes", [
      valueFlag("--cpus", "n", "new CPU count"),
      valueFlag("--memory", "quantity", "new memory, e.g. 16Gi"),
      switchFlag("--hotplug", "apply without a restart"),
    ]),
    ...reachCommands(deps),
  ];
}

/** `vm vnc`, `vm ssh`, `vm scp`: into the VM (they read the cluster and write nothing). */
function reachCommands(deps: Deps): CommandSpec[] {
  return [
    lazyLeaf(
      "vnc",
      "open the VM's VNC console: a viewer, a local proxy, or a page in the browser",
      () => import("./commands/vm/vnc.ts").then((m) => m.vncCommand),
      deps,
      ["console"],
    ),
    lazyLeaf(
      "ssh",
      "ssh [USER@]NAME [ssh options] [-- COMMAND]: run ssh to the VM's address",
      () => import("./commands/vm/ssh.ts").then((m) => m.sshCommand),
      deps,
    ),
    lazyLeaf(
      "scp",
      "scp [scp options] SRC DST with NAME:path on either side",
      () => import("./commands/vm/scp.ts").then((m) => m.scpCommand),
      deps,
    ),
  ];
}

function scheduleCommands(deps: Deps): CommandSpec[] {
  const suspend = (stop: boolean): CommandSpec => ({
    name: stop ? "suspend" : "resume",
    description: stop ? "stop creating backups" : "start creating backups again",
    args: [SOME_NAMES],
    globals: NAMESPACED_GLOBALS,
    run: async ({ flags, args }) => {
      const { runSuspendCommand } = await import("./commands/schedule/suspend.ts");
      await runSuspendCommand(stop, args, flags as GlobalFlags, deps);
    },
  });
  return [
    createCommand("schedule", "name", false, deps, [
      ...BACKUP_SPEC_FLAGS,
      must("--cron", "expr", 'when to back up, 5-field cron, e.g. "0 2 * * *"'),
      must("--vm", "name", "VM to back up"),
      valueFlag("--timezone", "tz", "IANA time zone of the cron expression", { default: "UTC" }),
      valueFlag("--concurrency", "policy", "Forbid|Allow|Replace"),
      switchFlag("--suspend", "create it suspended"),
      valueFlag("--keep-successful", "n", "finished jobs to keep"),
      valueFlag("--keep-failed", "n", "failed jobs to keep"),
      valueFlag("--starting-deadline", "duration", "skip a run started later than this"),
    ]),
    deleteCommand("schedule", deps),
    suspend(true),
    suspend(false),
  ];
}

/** The changing verbs of `noun`. */
export function writeCommands(noun: Noun, deps: Deps): CommandSpec[] {
  switch (noun) {
    case "vm":
      return vmCommands(deps);
    case "op":
      return [waitCommand("op", deps)];
    case "snapshot":
      return [
        createCommand("snapshot", "vm", true, deps, [
          valueFlag("--name", "name", "snapshot name (default: generated <vm>-snap-xxxxx)"),
          switchFlag("--include-memory", "include the memory state"),
          switchFlag("--no-quiesce", "do not quiesce the guest file systems"),
          valueFlag("--keep-days", "n", "expire the snapshot after N days"),
          valueFlag("--description", "text", "free text"),
        ]),
        deleteCommand("snapshot", deps),
        waitCommand("snapshot", deps),
      ];
    case "backup":
      return [
        createCommand("backup", "vm", true, deps, [
          ...BACKUP_SPEC_FLAGS,
          valueFlag("--name", "name", "job name (default: <vm>-backup-xxxxx)"),
        ]),
        deleteCommand("backup", deps),
        waitCommand("backup", deps),
      ];
    case "restore":
      return [
        createCommand("restore", undefined, true, deps, [
          must("--backup", "name", "BackupJob to restore from"),
          must("--vm", "name", "name of the restored VM"),
          switchFlag("--power-on", "start the VM after the restore"),
          switchFlag("--overwrite", "replace an existing VM of that name"),
          valueFlag("--provider", "provider", "destination provider", { default: "kubevirt" }),
          valueFlag("--name", "name", "job name (default: restore-<vm>-xxxxx)"),
        ]),
        deleteCommand("restore", deps),
        waitCommand("restore", deps),
      ];
    case "schedule":
      return scheduleCommands(deps);
    case "template":
      return [];
  }
}
