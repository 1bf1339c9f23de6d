/**
 * What `vm vnc`, `vm ssh` and `vm scp` share: read the VM, and turn an endpoint failure into the
 * one-line error that exits 1.
 * @module
 */

import { kindByNoun } from "../../../core/kinds.ts";
import type { KubeObject } from "../../../core/types.ts";
import { type EndpointFailure, isEndpointFailure } from "../../../core/vm_endpoint.ts";
import { escapeCell } from "../../../render/escape.ts";
import type { Connection, GlobalFlags } from "../../deps.ts";
import { InputError } from "../../outcomes.ts";
import { refFor } from "../common.ts";

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

/** `-A`: a VM is reached by name, in one namespace. */
export function rejectAllNamespaces(globals: GlobalFlags): void {
  if (globals.allNamespaces) {
    throw new InputError("a VM is reached by name in one namespace: use -n NAMESPACE, not -A");
  }
}
