/**
 * `vm start|stop|restart|clone|migrate|resize`: each creates a VMOperation (generateName
 * `<vm>-<op>-`, never a fixed name) per target VM, then optionally waits for it.
 * @module
 */

import { kindByNoun } from "../../../core/kinds.ts";
import {
  buildVmOperation,
  type MigrateFlags,
  parseMigrate,
  parsePowerOperation,
  parseResize,
  type ResizeFlags,
  type VmOperationOptions,
} from "../../../core/manifests/mod.ts";
import type { Connection, Deps, GlobalFlags } from "../../deps.ts";
import { getString } from "../../../core/types.ts";
import { InputError } from "../../outcomes.ts";
import { refFor } from "../common.ts";
import { validateGlobalFlags } from "../../global_flags.ts";
import { createAll, parseMutationOptions, type RawMutationFlags } from "../_mutate.ts";
import type { MutationOptions } from "../mutation_flags.ts";
import { NONE_MATCHED, parseTargetSpec, requireExisting, resolveTargets } from "../_targets.ts";

const VM = kindByNoun("vm");
const OP = kindByNoun("op");

/** Flags of `vm start|stop|restart`. */
export interface PowerCommandFlags extends RawMutationFlags {
  selector?: string;
  force?: boolean;
}

/** `vm start|stop|restart NAME…|-l SEL`: one operation per VM. */
export async function runPowerCommand(
  operation: "start" | "stop" | "restart",
  names: string[],
  flags: PowerCommandFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  validateGlobalFlags(globals);
  const spec = parseTargetSpec(VM, names, flags.selector);
  const mutation = parseMutationOptions(flags, globals, deps.io.stderrIsTTY, { waitable: true });
  const conn = await deps.connect(globals);
  try {
    const vms = await resolveTargets(conn, VM, spec, deps, operation);
    if (vms.length === 0) {
      await deps.io.err.write(NONE_MATCHED);
      return;
    }
    if (mutation.dryRun !== "client") await requireExisting(conn, VM, vms);
    const creations = vms.map((vm) => ({
      kind: OP,
      manifest: buildVmOperation(
        parsePowerOperation(operation, vm, { namespace: conn.namespace, force: flags.force }),
      ),
      title: `${vm} ${operation}`,
    }));
    await createAll(conn, creations, mutation, deps);
  } finally {
    conn.close();
  }
}

type Parser<F> = (vm: string | undefined, flags: F & { namespace: string }) => VmOperationOptions;

async function runSingle<F extends object>(
  operation: string,
  parse: Parser<F>,
  name: string | undefined,
  flags: F & RawMutationFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  validateGlobalFlags(globals);
  const mutation = parseMutationOptions(flags, globals, deps.io.stderrIsTTY, { waitable: true });
  // Check the flags before touching the kubeconfig, with the namespace checked again below.
  parse(name ?? "placeholder", { ...flags, namespace: globals.namespace ?? "default" });
  const conn = await deps.connect(globals);
  try {
    const fromSnapshot = (flags as { fromSnapshot?: string }).fromSnapshot;
    const [vm] = name === undefined && fromSnapshot !== undefined
      // `clone --from-snapshot S` alone: the snapshot records which VM it was taken of.
      ? [await snapshotSource(conn, fromSnapshot)]
      : await resolveTargets(
        conn,
        VM,
        parseTargetSpec(VM, name ? [name] : [], undefined),
        deps,
        operation,
      );
    const options = parse(vm, { ...flags, namespace: conn.namespace });
    if (mutation.dryRun !== "client") await requireExisting(conn, VM, [vm]);
    await createAll(
      conn,
      [{ kind: OP, manifest: buildVmOperation(options), title: `${vm} ${operation}` }],
      mutation,
      deps,
    );
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
  const conn = await deps.connect(job.globals);
  try {
    const [vm] = job.vm === undefined && job.fromSnapshot !== undefined
      // `clone --from-snapshot S` alone: the snapshot records which VM it was taken of.
      ? [await snapshotSource(conn, job.fromSnapshot)]
      : await resolveTargets(
        conn,
        VM,
        parseTargetSpec(VM, job.vm ? [job.vm] : [], undefined),
        deps,
        job.operation,
      );
    const options = job.build(vm, conn.namespace);
    if (job.mutation.dryRun !== "client") await requireExisting(conn, VM, [vm]);
    await createAll(
      conn,
      [{ kind: OP, manifest: buildVmOperation(options), title: `${vm} ${job.operation}` }],
      job.mutation,
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

/** `vm migrate NAME --target-node N [--offline] [--bandwidth 100Mbps]`. */
export function runMigrateCommand(
  name: string | undefined,
  flags: Omit<MigrateFlags, "namespace"> & RawMutationFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  return runSingle("migrate", parseMigrate, name, flags, globals, deps);
}

/** `vm resize NAME [--cpus N] [--memory Q] [--hotplug]`: only what was given changes. */
export function runResizeCommand(
  name: string | undefined,
  flags: Omit<ResizeFlags, "namespace"> & RawMutationFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  return runSingle("resize", parseResize, name, flags, globals, deps);
}
