/**
 * Flag checks of the VM operation commands that take settings (`vm clone|migrate|resize`). Each
 * returns every problem at once, or the settings that, with the VM and the namespace the
 * connection decides, make the VmOperationOptions for buildVmOperation.
 * @module
 */

import { InputError } from "../input_error.ts";
import { didYouMean } from "../did_you_mean.ts";
import { parseBinaryQuantityFlag } from "./binary_quantity.ts";
import { checkName, parseBoolFlag, parseIntFlag } from "./_common.ts";
import { ifGiven, needed } from "./flag_checks.ts";
import {
  andThen,
  attempt,
  collect,
  invalid,
  mapValid,
  unless,
  valid,
  type Validation,
} from "../validation.ts";
import type { CloneOptions, MigrateOptions, ResizeOptions } from "./vm_operation.ts";
import { validateDns1123Label, validateDns1123Name } from "../names.ts";

/** Raw flags of `vm clone`. */
export interface CloneFlags {
  target?: string;
  targetNamespace?: string;
  linked?: boolean | string;
  start?: boolean | string;
  fromSnapshot?: string;
}

/**
 * Check `vm clone [NAME] --target T [--target-namespace N] [--linked] [--start]
 * [--from-snapshot S]`: every problem at once. NAME may be left out with `--from-snapshot`
 * (the snapshot names its VM); the target may not be the source itself.
 *
 * @param namespace the namespace from `-n`, when given (the context's is known only later)
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { isLeft } from "fp-ts/Either";
 * import { checkClone } from "./vm_operation_flags.ts";
 * const v = checkClone("Web", { target: "Web" }, undefined);
 * equal(isLeft(v) && v.left.length, 2);
 * ```
 */
export function checkClone(
  vm: string | undefined,
  flags: CloneFlags,
  namespace: string | undefined,
): Validation<{ vm?: string; clone: CloneOptions }> {
  const checked = collect({
    vm: vm === undefined && flags.fromSnapshot !== undefined
      ? valid(undefined)
      : attempt(() => checkName(vm, "VM name", "vm clone needs a VM name")),
    target: needed(
      flags.target,
      "vm clone needs --target",
      (n) => validateDns1123Name(n, "--target VM name"),
    ),
    targetNamespace: ifGiven(
      flags.targetNamespace,
      (n) => validateDns1123Label(n, "--target-namespace"),
    ),
    fromSnapshot: ifGiven(
      flags.fromSnapshot,
      (n) => validateDns1123Name(n, "--from-snapshot snapshot name"),
    ),
    linked: attempt(() => parseBoolFlag("--linked", flags.linked) ?? false),
    start: attempt(() => parseBoolFlag("--start", flags.start) ?? false),
  });
  return andThen(checked, ({ vm, target, targetNamespace, fromSnapshot, linked, start }) => {
    const itself = cloneOfItself(vm, namespace, { target, targetNamespace });
    if (itself) return invalid(itself);
    return valid({
      ...(vm !== undefined && { vm }),
      clone: {
        target,
        ...(targetNamespace !== undefined && { targetNamespace }),
        linked,
        start,
        ...(fromSnapshot !== undefined && { fromSnapshot }),
      },
    });
  });
}

/**
 * Why a clone would be its own source, or undefined. Without `-n` the source's namespace is
 * known only once the kubeconfig is read, so the command asks again then.
 */
export function cloneOfItself(
  vm: string | undefined,
  namespace: string | undefined,
  clone: Pick<CloneOptions, "target" | "targetNamespace">,
): string | undefined {
  const sameNamespace = clone.targetNamespace === undefined || clone.targetNamespace === namespace;
  return clone.target === vm && sameNamespace
    ? `vm clone --target ${
      JSON.stringify(clone.target)
    } is the source VM itself (choose another name)`
    : undefined;
}

/** Raw flags of `vm migrate`. */
export interface MigrateFlags {
  targetNode?: string;
  offline?: boolean | string;
  bandwidth?: string;
  autoConverge?: boolean | string;
  postCopy?: boolean | string;
}

const BANDWIDTH_RE = /^[0-9]+[KMG]?bps$/;

/**
 * Check `--bandwidth` against the CRD pattern `^[0-9]+[KMG]?bps$`, suggesting the spelling for
 * the usual variants (`100mbps`, `100M`, `100 Mbit/s`).
 */
export function parseBandwidth(raw: string): string {
  if (BANDWIDTH_RE.test(raw)) {
    if (/^0+[KMG]?bps$/.test(raw)) {
      throw new InputError(`--bandwidth must be greater than zero, got ${JSON.stringify(raw)}`);
    }
    return raw;
  }
  const m = /^\s*(\d+)\s*([kmg]?)\s*(bps|b\/s|bit\/s|bits?\/s|bits?|b)?\s*$/i.exec(raw);
  const hint = m && /^[1-9]/.test(m[1]) ? `${m[1]}${m[2].toUpperCase()}bps` : undefined;
  throw new InputError(
    `--bandwidth ${JSON.stringify(raw)} is not a valid bandwidth: write digits, then an optional ` +
      `K, M or G, then "bps", as in "100Mbps"` +
      didYouMean(hint === raw ? undefined : hint),
  );
}

/**
 * The VM of a single-VM operation when given (else the command offers a pick list on a
 * terminal).
 */
function givenVm(vm: string | undefined, operation: string): Validation<string | undefined> {
  return ifGiven(vm, (v) => checkName(v, "VM name", `vm ${operation} needs a VM name`));
}

/**
 * Check `vm migrate [NAME] --target-node N [--offline] [--bandwidth 100Mbps] [--auto-converge]
 * [--post-copy]`: every problem at once.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { isLeft } from "fp-ts/Either";
 * import { checkMigrate } from "./vm_operation_flags.ts";
 * const v = checkMigrate("Web", { offline: true, postCopy: true });
 * equal(isLeft(v) && v.left.length, 3);
 * ```
 */
export function checkMigrate(
  vm: string | undefined,
  flags: MigrateFlags,
): Validation<{ vm?: string; migrate: MigrateOptions }> {
  const switches = collect({
    live: attempt(() => !(parseBoolFlag("--offline", flags.offline) ?? false)),
    autoConverge: attempt(() => parseBoolFlag("--auto-converge", flags.autoConverge)),
    postCopy: attempt(() => parseBoolFlag("--post-copy", flags.postCopy)),
  });
  // Both tune a live migration's copy loop; with --offline they would be silently ignored.
  const copy = andThen(switches, (v) =>
    mapValid(
      collect({
        autoConverge: unless(
          !v.live && v.autoConverge === true,
          "--auto-converge applies to live migration only (drop --offline)",
        ),
        postCopy: unless(
          !v.live && v.postCopy === true,
          "--post-copy applies to live migration only (drop --offline)",
        ),
      }),
      () => v,
    ));
  const checked = collect({
    vm: givenVm(vm, "migrate"),
    targetNode: needed(
      flags.targetNode,
      "vm migrate needs --target-node",
      (n) => validateDns1123Name(n, "--target-node node name"),
    ),
    bandwidth: ifGiven(flags.bandwidth, parseBandwidth),
    copy,
  });
  return mapValid(checked, ({ vm, targetNode, bandwidth, copy }) => ({
    ...(vm !== undefined && { vm }),
    migrate: {
      targetNode,
      live: copy.live,
      ...(bandwidth !== undefined && { bandwidth }),
      // Only the tuning asked for: a switch not given arrives as false.
      ...(copy.autoConverge && { autoConverge: true }),
      ...(copy.postCopy && { postCopy: true }),
    },
  }));
}

/** Raw flags of `vm resize`. */
export interface ResizeFlags {
  cpus?: string;
  memory?: string;
  hotplug?: boolean | string;
}

/**
 * Check `vm resize [NAME] [--cpus N] [--memory Q] [--hotplug]`; only what was given changes
 * (HyperSDK always sent its 2 CPU / 4Gi defaults and silently shrank VMs).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { isLeft } from "fp-ts/Either";
 * import { checkResize } from "./vm_operation_flags.ts";
 * const v = checkResize("Web", {});
 * equal(isLeft(v) && v.left.length, 2);
 * ```
 */
export function checkResize(
  vm: string | undefined,
  flags: ResizeFlags,
): Validation<{ vm?: string; resize: ResizeOptions }> {
  const checked = collect({
    vm: givenVm(vm, "resize"),
    something: unless(
      flags.cpus === undefined && flags.memory === undefined,
      "vm resize needs --cpus or --memory",
    ),
    cpus: ifGiven(flags.cpus, (v) => parseIntFlag("--cpus", v, 1, 128)),
    memory: ifGiven(flags.memory, (v) => parseBinaryQuantityFlag("--memory", v)),
    hotplug: attempt(() => parseBoolFlag("--hotplug", flags.hotplug) ?? false),
  });
  return mapValid(checked, (v) => ({
    ...(v.vm !== undefined && { vm: v.vm }),
    resize: {
      ...(v.cpus !== undefined && { cpus: v.cpus }),
      ...(v.memory !== undefined && { memory: v.memory }),
      hotplug: v.hotplug,
    },
  }));
}
