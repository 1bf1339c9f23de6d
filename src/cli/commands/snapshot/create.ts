/**
 * `snapshot create VM [--name S] [--include-memory] [--no-quiesce] [--keep-days N]`: one
 * VMSnapshot of an existing VM; `--wait` waits until it is ready.
 * @module
 */

import { buildVmSnapshot, checkSnapshotCreate } from "../../../core/manifests/snapshot.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { createCommand } from "../create_command.ts";

const FLAGS = [
  valueFlag("--name", "name", "snapshot name (default: generated <vm>-snap-xxxxx)"),
  switchFlag("--include-memory", "include the memory state"),
  switchFlag("--no-quiesce", "do not quiesce the guest file systems"),
  valueFlag("--keep-days", "n", "expire the snapshot after N days"),
  valueFlag("--description", "text", "free text"),
] as const;

/** `snapshot create`. */
export const snapshotCreateCommand = createCommand({
  noun: "snapshot",
  argument: "vm",
  flags: FLAGS,
  waitable: true,
  check: checkSnapshotCreate,
  plan: (snapshot) => ({
    build: (namespace) => buildVmSnapshot(snapshot, namespace),
    title: `${snapshot.vm} snapshot`,
    requires: { noun: "vm", name: snapshot.vm },
  }),
});
