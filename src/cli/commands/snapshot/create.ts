/**
 * `snapshot create VM [--name S] [--include-memory] [--no-quiesce] [--keep-days N]`: one
 * VMSnapshot of an existing VM; `--wait` waits until it is ready.
 * @module
 */

import {
  buildVmSnapshot,
  checkSnapshotCreate,
  type SnapshotCreateOptions,
} from "../../../core/manifests/snapshot.ts";
import { collect, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS, type WritingOptions } from "../mutation_flags.ts";

const FLAGS = [
  valueFlag("--name", "name", "snapshot name (default: generated <vm>-snap-xxxxx)"),
  switchFlag("--include-memory", "include the memory state"),
  switchFlag("--no-quiesce", "do not quiesce the guest file systems"),
  valueFlag("--keep-days", "n", "expire the snapshot after N days"),
  valueFlag("--description", "text", "free text"),
  ...MUTATION_FLAGS,
] as const;

/** What `snapshot create` does, checked. */
export interface SnapshotCreateCommandOptions extends WritingOptions {
  snapshot: SnapshotCreateOptions;
}

/** `snapshot create`. */
export const snapshotCreateCommand = defineCommand({
  spec: {
    name: "create",
    description: "create a snapshot",
    args: [{ name: "vm", required: true, variadic: false }],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags, args }, env) =>
    mapValid(
      collect({
        writing: checkWriting(flags, env.stderrIsTTY, true),
        snapshot: checkSnapshotCreate(args[0], flags),
      }),
      ({ writing, snapshot }): SnapshotCreateCommandOptions => ({ ...writing, snapshot }),
    ),
  async run({ snapshot, mutation, globals }, deps) {
    const { runCreate } = await import("../create.ts");
    await runCreate({
      noun: "snapshot",
      build: (namespace) => buildVmSnapshot(snapshot, namespace),
      title: `${snapshot.vm} snapshot`,
      requires: { noun: "vm", name: snapshot.vm },
      mutation,
      globals,
    }, deps);
  },
});
