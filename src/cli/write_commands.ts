/**
 * The changing verbs of each noun: create, delete, VM operations, waits, schedule
 * suspend/resume, and the commands that reach into a VM. Every entry is lazy: its command module
 * loads only when the command line names it (see `lazyLeaf`).
 * @module
 */

import type { Noun } from "../core/kinds.ts";
import type { CommandSpec } from "./command_spec.ts";
import type { Deps } from "./deps.ts";
import { type Command, lazyLeaf } from "./command.ts";

/** The tree's entries for `noun`'s changing verbs, bound to `deps`. */
export function writeCommands(noun: Noun, deps: Deps): CommandSpec[] {
  const lazy = <O>(
    name: string,
    description: string,
    load: () => Promise<Command<O>>,
    aliases?: readonly string[],
  ) => lazyLeaf(name, description, load, deps, aliases);
  const create = (description: string, load: () => Promise<Command<unknown>>) =>
    lazy("create", description, load);
  const remove = lazy(
    "delete",
    `delete ${noun} objects (asks on a terminal; --yes required otherwise)`,
    () => import("./commands/delete.ts").then((m) => m.deleteCommand(noun)),
  );
  const wait = lazy(
    "wait",
    `wait for ${noun} objects to finish (resume after a timeout or Ctrl+C)`,
    () => import("./commands/resume_wait.ts").then((m) => m.resumeWaitCommand(noun)),
  );
  const power = (op: "start" | "stop" | "restart") =>
    lazy(
      op,
      `${op} VMs (one VMOperation each)`,
      () => import("./commands/vm/power.ts").then((m) => m.powerCommand(op)),
    );
  const suspend = (stop: boolean) =>
    lazy(
      stop ? "suspend" : "resume",
      stop ? "stop creating backups" : "start creating backups again",
      () => import("./commands/schedule/suspend.ts").then((m) => m.suspendCommand(stop)),
    );
  switch (noun) {
    case "vm":
      return [
        create(
          "create a vm",
          () => import("./commands/vm/create.ts").then((m) => m.vmCreateCommand),
        ),
        remove,
        power("start"),
        power("stop"),
        power("restart"),
        lazy(
          "clone",
          "clone a VM (VMOperation clone)",
          () => import("./commands/vm/clone.ts").then((m) => m.cloneCommand),
        ),
        lazy(
          "migrate",
          "move a VM to another node (VMOperation migrate)",
          () => import("./commands/vm/migrate.ts").then((m) => m.migrateCommand),
        ),
        lazy(
          "resize",
          "change CPUs and/or memory; only what is given changes",
          () => import("./commands/vm/resize.ts").then((m) => m.resizeCommand),
        ),
        lazy(
          "vnc",
          "open the VM's VNC console: a viewer, a local proxy, or a page in the browser",
          () => import("./commands/vm/vnc.ts").then((m) => m.vncCommand),
          ["console"],
        ),
        lazy(
          "ssh",
          "ssh [USER@]NAME [ssh options] [-- COMMAND]: run ssh to the VM's address",
          () => import("./commands/vm/ssh.ts").then((m) => m.sshCommand),
        ),
        lazy(
          "scp",
          "scp [scp options] SRC DST with NAME:path on either side",
          () => import("./commands/vm/scp.ts").then((m) => m.scpCommand),
        ),
      ];
    case "op":
      return [wait];
    case "snapshot":
      return [
        create(
          "create a snapshot",
          () => import("./commands/snapshot/create.ts").then((m) => m.snapshotCreateCommand),
        ),
        remove,
        wait,
      ];
    case "backup":
      return [
        create(
          "create a backup",
          () => import("./commands/backup/create.ts").then((m) => m.backupCreateCommand),
        ),
        remove,
        wait,
      ];
    case "restore":
      return [
        create(
          "create a restore",
          () => import("./commands/restore/create.ts").then((m) => m.restoreCreateCommand),
        ),
        remove,
        wait,
      ];
    case "schedule":
      return [
        create(
          "create a schedule",
          () => import("./commands/schedule/create.ts").then((m) => m.scheduleCreateCommand),
        ),
        remove,
        suspend(true),
        suspend(false),
      ];
    case "template":
      return [];
  }
}
