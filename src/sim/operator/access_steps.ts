/**
 * How a Running simulated VM is reached, decided as data: its VNC console (served by the
 * operator on a loopback port and published in `status.vnc`) and its address (the
 * `sim.hypersdk.io/address` annotation, so a test can put a real sshd behind a VM).
 * @module
 */

import {
  getBoolean,
  getNumber,
  getPath,
  getStringMap,
  getStrings,
  type KubeObject,
} from "../../core/types.ts";
import { type Action, type ObjectRef, patchStatus } from "./plan.ts";
import type { World } from "./world.ts";

/** Annotation that sets a simulated VM's address, e.g. `127.0.0.1`. */
export const ADDRESS_ANNOTATION = "sim.hypersdk.io/address";

/** Annotation that turns a simulated VM's VNC console off: `sim.hypersdk.io/vnc: disabled`. */
export const VNC_ANNOTATION = "sim.hypersdk.io/vnc";

const annotations = (vm: KubeObject) => getStringMap(vm, ["metadata", "annotations"]);

/** The address a VM's annotation asks for, if any. */
export function annotatedAddress(vm: KubeObject): string | undefined {
  return annotations(vm)[ADDRESS_ANNOTATION] || undefined;
}

/** The steps that make a Running VM's address and console match what they should be. */
export function accessSteps(vm: KubeObject, ref: ObjectRef, world: World): Action[] {
  const actions: Action[] = [];
  const address = annotatedAddress(vm);
  const current = getStrings(vm, ["status", "ipAddresses"]);
  if (address && (current.length !== 1 || current[0] !== address)) {
    actions.push(patchStatus(ref, { ipAddresses: [address] }));
  }
  if (!world.consoles) return actions;
  const served = world.consoles.port(`${ref.namespace}/${ref.name}`);
  const enabled = getBoolean(vm, ["status", "vnc", "enabled"]);
  if (annotations(vm)[VNC_ANNOTATION] === "disabled") {
    if (served !== undefined) actions.push({ type: "closeConsole", ref });
    if (enabled !== false) actions.push(patchStatus(ref, { vnc: { enabled: false } }));
    return actions;
  }
  const published = getNumber(vm, ["status", "vnc", "nodePort"]);
  // Past the operator's limit a VM gets no console (a sim of 100 000 VMs would run out of file
  // descriptors); it gets one on a later reconcile once others have stopped.
  if (served === undefined && world.consoles.left <= 0) return actions;
  if (served === undefined || enabled !== true || published !== served) {
    actions.push({ type: "openConsole", ref });
  }
  return actions;
}

/** The steps when a VM stops: its console closes and `status.vnc` goes. */
export function stopSteps(vm: KubeObject, ref: ObjectRef, world: World): Action[] {
  if (!world.consoles) return [];
  const actions: Action[] = [];
  if (world.consoles.port(`${ref.namespace}/${ref.name}`) !== undefined) {
    actions.push({ type: "closeConsole", ref });
  }
  if (getPath(vm, ["status", "vnc"]) !== undefined) actions.push(patchStatus(ref, { vnc: null }));
  return actions;
}
