/**
 * The run side of `vm start|stop|restart|clone|migrate|resize` (their modules check the flags):
 * each creates a VMOperation (generateName `<vm>-<op>-`, never a fixed name) per target VM, then
 * optionally waits for it.
 * @module
 */

import { kindByNoun } from "../../../core/kinds.ts";
import { buildVmOperation, type VmOperationOptions } from "../../../core/manifests/vm_operation.ts";
import type { Connection, Deps, GlobalFlags } from "../../deps.ts";
import { getString } from "../../../core/types.ts";
import { InputError } from "../../outcomes.ts";
import { refFor } from "../common.ts";
import { createAll } from "../_mutate.ts";
import { type MutationOptions, withWatchIdle, type WritingOptions } from "../mutation_flags.ts";
import type { TargetSpec } from "../target_spec.ts";
import { NONE_MATCHED, requireExisting, resolveTargets } from "../_targets.ts";

const VM = kindByNoun("vm");
const OP = kindByNoun("op");

/** The power operations. */
export type PowerOperation = "start" | "stop" | "restart";

/** What `vm start|stop|restart` does, checked (by power.ts). */
export interface PowerCommandOptions extends WritingOptions {
  operation: PowerOperation;
  targets: TargetSpec;
  force: boolean;
}

/** `vm start|stop|restart NAME…|-l SEL`: one operation per VM. */
export async function runPowerOperations(options: PowerCommandOptions, deps: Deps): Promise<void> {
  const { operation } = options;
  const mutation = withWatchIdle(options.mutation, deps);
  const conn = await deps.connect(options.globals);
  try {
    const vms = await resolveTargets(conn, VM, options.targets, deps, operation);
    if (vms.length === 0) {
      await deps.io.err.write(NONE_MATCHED);
      return;
    }
    if (mutation.dryRun !== "client") await requireExisting(conn, VM, vms);
    const creations = vms.map((vm) => ({
      kind: OP,
      manifest: buildVmOperation({
        operation,
        vm,
        namespace: conn.namespace,
        ...(options.force && { force: true }),
      }),
      title: `${vm} ${operation}`,
    }));
    await createAll(conn, creations, mutation, deps);
  } finally {
    conn.close();
  }
}

/** One operation on one VM, its options checked (see the command modules, e.g. clone.ts). */
export interface VmOperationRun {
  operation: string;
  /** The VM; undefined with `fromSnapshot`, whose snapshot names it. */
  vm: string | undefined;
  fromSnapshot?: string;
  /** The operation for the resolved VM in the connection's namespace; may throw InputError. */
  build(vm: string, namespace: string): VmOperationOptions;
  mutation: MutationOptions;
  globals: GlobalFlags;
}

/** Resolve the VM, check it exists (unless a client dry run), then create (and wait). */
export async function runVmOperation(job: VmOperationRun, deps: Deps): Promise<void> {
  const mutation = withWatchIdle(job.mutation, deps);
  const conn = await deps.connect(job.globals);
  try {
    const [vm] = job.vm === undefined && job.fromSnapshot !== undefined
      // `clone --from-snapshot S` alone: the snapshot records which VM it was taken of.
      ? [await snapshotSource(conn, job.fromSnapshot)]
      // The name was checked with the flags; without one a terminal offers a pick list.
      : await resolveTargets(conn, VM, { names: job.vm ? [job.vm] : [] }, deps, job.operation);
    const options = job.build(vm, conn.namespace);
    if (mutation.dryRun !== "client") {
      await requireExisting(conn, VM, [vm]);
      // The operator clones whatever VM the snapshot was taken of, whichever VM the operation names.
      if (job.vm !== undefined && job.fromSnapshot !== undefined) {
        const source = await snapshotSource(conn, job.fromSnapshot);
        if (source !== vm) {
          throw new InputError(
            `snapshot "${job.fromSnapshot}" was taken of VM "${source}", not "${vm}": ` +
              `name ${source} or leave the VM name out`,
          );
        }
      }
    }
    await createAll(
      conn,
      [{ kind: OP, manifest: buildVmOperation(options), title: `${vm} ${job.operation}` }],
      mutation,
      deps,
    );
  } finally {
    conn.close();
  }
}

async function snapshotSource(conn: Connection, snapshot: string): Promise<string> {
  const snap = await conn.api.get(refFor(kindByNoun("snapshot"), conn.namespace), snapshot);
  const vm = getString(snap, ["spec", "vmRef", "name"]);
  if (!vm) throw new InputError(`snapshot "${snapshot}" does not name its VM (spec.vmRef.name)`);
  return vm;
}
