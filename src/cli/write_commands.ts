/**
 * The changing verbs of each noun: create, delete, VM operations, waits, schedule
 * suspend/resume. Every one really writes to the cluster. Each is its command module as a leaf
 * (`leafOf`); a module's run loads the cluster side only when it runs.
 * @module
 */

import type { Noun } from "../core/kinds.ts";
import { type ArgSpec, type CommandSpec, switchFlag, valueFlag } from "./command_spec.ts";
import type { Deps, GlobalFlags } from "./deps.ts";
import { leafOf } from "./command.ts";
import { cloneCommand } from "./commands/vm/clone.ts";
import { vmCreateCommand } from "./commands/vm/create.ts";
import { powerCommand } from "./commands/vm/power.ts";
import { migrateCommand } from "./commands/vm/migrate.ts";
import { resizeCommand } from "./commands/vm/resize.ts";
import { deleteCommand } from "./commands/delete.ts";
import { resumeWaitCommand } from "./commands/resume_wait.ts";
import { snapshotCreateCommand } from "./commands/snapshot/create.ts";
import { backupCreateCommand } from "./commands/backup/create.ts";
import { restoreCreateCommand } from "./commands/restore/create.ts";
import { scheduleCreateCommand } from "./commands/schedule/create.ts";
import { suspendCommand } from "./commands/schedule/suspend.ts";
import { NAMESPACED_GLOBALS, QUERY_GLOBALS } from "./honoured_globals.ts";

const needed = (name: string): ArgSpec => ({ name, required: true, variadic: false });

function vmCommands(deps: Deps): CommandSpec[] {
  return [
    leafOf(vmCreateCommand, deps),
    leafOf(deleteCommand("vm"), deps),
    leafOf(powerCommand("start"), deps),
    leafOf(powerCommand("stop"), deps),
    leafOf(powerCommand("restart"), deps),
    leafOf(cloneCommand, deps),
    leafOf(migrateCommand, deps),
    leafOf(resizeCommand, deps),
    ...reachCommands(deps),
  ];
}

/** `vm vnc`, `vm ssh`, `vm scp`: into the VM (they read the cluster and write nothing). */
function reachCommands(deps: Deps): CommandSpec[] {
  const words: ArgSpec = { name: "args", required: true, variadic: true };
  const address = valueFlag("--address", "ip", "use this one of the VM's status.ipAddresses");
  return [{
    name: "vnc",
    aliases: ["console"],
    description: "open the VM's VNC console: a viewer, a local proxy, or a page in the browser",
    args: [needed("name")],
    globals: QUERY_GLOBALS,
    outputFormats: ["table", "json"],
    flags: [
      switchFlag("--proxy-only", "print the local address and forward until Ctrl+C"),
      switchFlag("--web", "serve a browser console (noVNC) on 127.0.0.1 and open it"),
      switchFlag("--no-browser", "with --web: print the URL, do not open a browser"),
      valueFlag("--port", "port", "local port (default: a free one)"),
      valueFlag("--viewer", "cmd", "VNC viewer to start (default: remote-viewer, vncviewer)"),
      valueFlag("--address-type", "type", "node address to use: InternalIP|ExternalIP|Hostname"),
      valueFlag("--node-address", "addr", "connect to this node address; Nodes are not read"),
      switchFlag("--serial", "serial console (not published by HyperSDK: exits 2)"),
    ],
    run: async ({ flags, args }) => {
      const { runVncCommand } = await import("./commands/vm/vnc.ts");
      await runVncCommand(args[0], flags, flags as GlobalFlags, deps);
    },
  }, {
    name: "ssh",
    description: "ssh [USER@]NAME [ssh options] [-- COMMAND]: run ssh to the VM's address",
    args: [words],
    flags: [address],
    globals: [...NAMESPACED_GLOBALS, "--all-namespaces"],
    passThrough: true,
    run: async ({ flags, args }) => {
      const { runSshCommand } = await import("./commands/vm/ssh.ts");
      await runSshCommand(args, flags, flags as GlobalFlags, deps);
    },
  }, {
    name: "scp",
    description: "scp [scp options] SRC DST with NAME:path on either side",
    args: [words],
    flags: [address],
    globals: [...NAMESPACED_GLOBALS, "--all-namespaces"],
    passThrough: true,
    run: async ({ flags, args }) => {
      const { runScpCommand } = await import("./commands/vm/scp.ts");
      await runScpCommand(args, flags, flags as GlobalFlags, deps);
    },
  }];
}

function scheduleCommands(deps: Deps): CommandSpec[] {
  return [
    leafOf(scheduleCreateCommand, deps),
    leafOf(deleteCommand("schedule"), deps),
    leafOf(suspendCommand(true), deps),
    leafOf(suspendCommand(false), deps),
  ];
}

/** The changing verbs of `noun`. */
export function writeCommands(noun: Noun, deps: Deps): CommandSpec[] {
  switch (noun) {
    case "vm":
      return vmCommands(deps);
    case "op":
      return [leafOf(resumeWaitCommand("op"), deps)];
    case "snapshot":
      return [
        leafOf(snapshotCreateCommand, deps),
        leafOf(deleteCommand("snapshot"), deps),
        leafOf(resumeWaitCommand("snapshot"), deps),
      ];
    case "backup":
      return [
        leafOf(backupCreateCommand, deps),
        leafOf(deleteCommand("backup"), deps),
        leafOf(resumeWaitCommand("backup"), deps),
      ];
    case "restore":
      return [
        leafOf(restoreCreateCommand, deps),
        leafOf(deleteCommand("restore"), deps),
        leafOf(resumeWaitCommand("restore"), deps),
      ];
    case "schedule":
      return scheduleCommands(deps);
    case "template":
      return [];
  }
}
