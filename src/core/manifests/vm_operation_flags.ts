/**
 * Flag parsers for the VM operation commands (`vm start|stop|restart|delete|clone|migrate|resize`).
 * Each returns VmOperationOptions for buildVmOperation or throws InputError (exit 2).
 * @module
 */

import { InputError } from "../input_error.ts";
import { didYouMean } from "../did_you_mean.ts";
import { parseBinaryQuantityFlag } from "./binary_quantity.ts";
import { checkName, checkNamespace, parseBoolFlag, parseIntFlag } from "./_common.ts";
import {
  andThen,
  attempt,
  collect,
  invalid,
  orThrow,
  valid,
  type Validation,
} from "../validation.ts";
import type {
  CloneOperationOptions,
  CloneOptions,
  MigrateOperationOptions,
  PowerOperationOptions,
  ResizeOperationOptions,
} from "./vm_operation.ts";
import { validateDns1123Label, validateDns1123Name } from "../names.ts";

/** Flags every operation command shares. */
export interface OperationFlags {
  namespace: string;
}

/** Raw flags of `vm start|stop|restart|delete`. */
export interface PowerFlags extends OperationFlags {
  force?: boolean | string;
}

/**
 * Parse `vm start|stop|restart NAME` (and the delete operation).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parsePowerOperation } from "./vm_operation_flags.ts";
 * assert.equal(parsePowerOperation("stop", "web-1", { namespace: "d" }).operation, "stop");
 * ```
 */
export function parsePowerOperation(
  operation: "start" | "stop" | "restart" | "delete",
  vm: string | undefined,
  flags: PowerFlags,
): PowerOperationOptions {
  const name = checkName(vm, "VM name", `vm ${operation} needs a VM name`);
  const force = parseBoolFlag("--force", flags.force);
  return {
    operation,
    vm: name,
    namespace: checkNamespace(flags.namespace),
    ...(force && { force }),
  };
}

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
    target: flags.target === undefined
      ? invalid<string>("vm clone needs --target")
      : attempt(() => validateDns1123Name(flags.target!, "--target VM name")),
    targetNamespace: optional(
      flags.targetNamespace,
      (n) => validateDns1123Label(n, "--target-namespace"),
    ),
    fromSnapshot: optional(
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

/** `checkClone` for one namespace, as the operation's options; throws the problems (exit 2). */
export function parseClone(
  vm: string | undefined,
  flags: CloneFlags & OperationFlags,
): CloneOperationOptions {
  const namespace = checkNamespace(flags.namespace);
  const source = checkName(vm, "VM name", "vm clone needs a VM name");
  const { clone } = orThrow(checkClone(source, flags, namespace));
  return { operation: "clone", vm: source, namespace, clone };
}

/** Check a flag's value when it was given. */
function optional<A>(
  value: string | undefined,
  check: (v: string) => A,
): Validation<A | undefined> {
  return value === undefined ? valid(undefined) : attempt(() => check(value));
}

/** Raw flags of `vm migrate`. */
export interface MigrateFlags extends OperationFlags {
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

/** Parse `vm migrate NAME --target-node N [--offline] [--bandwidth 100Mbps] [--auto-converge] [--post-copy]`. */
export function parseMigrate(vm: string | undefined, flags: MigrateFlags): MigrateOperationOptions {
  const name = checkName(vm, "VM name", "vm migrate needs a VM name");
  const namespace = checkNamespace(flags.namespace);
  if (flags.targetNode === undefined) throw new InputError("vm migrate needs --target-node");
  const targetNode = validateDns1123Name(flags.targetNode, "--target-node node name");
  const live = !(parseBoolFlag("--offline", flags.offline) ?? false);
  const autoConverge = parseBoolFlag("--auto-converge", flags.autoConverge);
  const postCopy = parseBoolFlag("--post-copy", flags.postCopy);
  // Both tune a live migration's copy loop; with --offline they would be silently ignored.
  if (!live && autoConverge) {
    throw new InputError("--auto-converge applies to live migration only (drop --offline)");
  }
  if (!live && postCopy) {
    throw new InputError("--post-copy applies to live migration only (drop --offline)");
  }
  const bandwidth = flags.bandwidth === undefined ? undefined : parseBandwidth(flags.bandwidth);
  return {
    operation: "migrate",
    vm: name,
    namespace,
    migrate: {
      targetNode,
      live,
      ...(bandwidth !== undefined && { bandwidth }),
      ...(autoConverge !== undefined && { autoConverge }),
      ...(postCopy !== undefined && { postCopy }),
    },
  };
}

/** Raw flags of `vm resize`. */
export interface ResizeFlags extends OperationFlags {
  cpus?: string;
  memory?: string;
  hotplug?: boolean | string;
}

/**
 * Parse `vm resize NAME [--cpus N] [--memory Q] [--hotplug]`; only what was given changes
 * (HyperSDK always sent its 2 CPU / 4Gi defaults and silently shrank VMs).
 */
export function parseResize(vm: string | undefined, flags: ResizeFlags): ResizeOperationOptions {
  const name = checkName(vm, "VM name", "vm resize needs a VM name");
  const namespace = checkNamespace(flags.namespace);
  if (flags.cpus === undefined && flags.memory === undefined) {
    throw new InputError("vm resize needs --cpus or --memory");
  }
  const cpus = flags.cpus === undefined ? undefined : parseIntFlag("--cpus", flags.cpus, 1, 128);
  const memory = flags.memory === undefined
    ? undefined
    : parseBinaryQuantityFlag("--memory", flags.memory);
  return {
    operation: "resize",
    vm: name,
    namespace,
    resize: {
      ...(cpus !== undefined && { cpus }),
      ...(memory !== undefined && { memory }),
      hotplug: parseBoolFlag("--hotplug", flags.hotplug) ?? false,
    },
  };
}
