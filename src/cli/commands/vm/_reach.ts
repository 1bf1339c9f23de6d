/**
 * What `vm vnc`, `vm ssh` and `vm scp` share when they run: read the VM, turn an endpoint failure
 * into the one-line error that exits 1, and hand ssh/scp the VMs' addresses.
 * @module
 */

import { kindByNoun } from "../../../core/kinds.ts";
import type { KubeObject } from "../../../core/types.ts";
import { type EndpointFailure, isEndpointFailure, sshAddress } from "../../../core/vm_endpoint.ts";
import { escapeCell } from "../../../render/escape.ts";
import type { Connection, Deps, GlobalFlags } from "../../deps.ts";
import { refFor } from "../common.ts";
import { runProgram } from "./_run_program.ts";

/** The VM cannot be reached yet: not running, no address, no node address. Exit 1. */
export class UnreachableError extends Error {
  override name = "UnreachableError";
  constructor(readonly failure: EndpointFailure) {
    // The message quotes cluster data (phase, node name, addresses): never raw to a terminal.
    super(escapeCell(failure.message));
  }
}

/** Read VM `name` in the connection's namespace (a missing VM is the API's 404, exit 1). */
export function readVm(conn: Connection, name: string): Promise<KubeObject> {
  return conn.api.get(refFor(kindByNoun("vm"), conn.namespace), name);
}

/** The result, or the failure thrown as an {@link UnreachableError}. */
export function orThrow<T>(result: T | EndpointFailure): T {
  if (isEndpointFailure(result)) throw new UnreachableError(result);
  return result;
}

/** Wait until SIGINT/SIGTERM (resolves at once if one already came). */
export function untilInterrupted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * Read each VM of `vms` (one connection), take its SSH address (`--address` when given), then
 * run `program` with the arguments made from them; its exit code is ours.
 */
export async function runWithAddresses(
  program: "ssh" | "scp",
  vms: readonly string[],
  options: { address?: string; globals: GlobalFlags },
  argsFor: (addresses: ReadonlyMap<string, string>) => string[],
  deps: Deps,
): Promise<void> {
  const conn = await deps.connect(options.globals);
  const addresses = new Map<string, string>();
  try {
    for (const vm of vms) {
      addresses.set(vm, orThrow(sshAddress(await readVm(conn, vm), options.address)));
    }
  } finally {
    conn.close();
  }
  await runProgram(program, argsFor(addresses), deps);
}
