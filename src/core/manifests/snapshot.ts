/**
 * `snapshot create VM`: a VMSnapshot object created directly (the VMSnapshot controller takes it
 * from there), so waiting watches the snapshot itself for phase Ready / readyToRestore.
 * @module
 */

import { InputError } from "../input_error.ts";
import {
  checkName,
  checkNamespace,
  type Manifest,
  manifest,
  nameOr,
  parseBoolFlag,
  parseIntFlag,
  vmLabels,
} from "./_common.ts";
import { validateDns1123Name } from "../names.ts";

/** Longest retention accepted; anything above a century is a typo, not a policy. */
export const MAX_KEEP_DAYS = 36500;

/** Raw `snapshot create` flags. */
export interface SnapshotCreateFlags {
  namespace: string;
  name?: string;
  includeMemory?: boolean | string;
  /** `--no-quiesce` arrives as `quiesce: false`. @default true */
  quiesce?: boolean | string;
  keepDays?: string;
  description?: string;
}

/** Validated `snapshot create` options. */
export interface SnapshotCreateOptions {
  vm: string;
  namespace: string;
  /** Fixed name; without it the server names the snapshot `<vm>-snap-xxxxx`. */
  name?: string;
  includeMemory: boolean;
  quiesce: boolean;
  keepDays?: number;
  description?: string;
}

/** The VMSnapshot spec fields hyperctl writes. */
export interface VmSnapshotSpec {
  vmRef: { name: string };
  includeMemory: boolean;
  quiesce: boolean;
  retention?: { keepDays: number };
  description?: string;
}

/**
 * Parse `snapshot create VM [--name S] [--include-memory] [--no-quiesce] [--keep-days N]`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseSnapshotCreate } from "./snapshot.ts";
 * assert.equal(parseSnapshotCreate("web-1", { namespace: "d" }).quiesce, true);
 * ```
 */
export function parseSnapshotCreate(
  vm: string | undefined,
  flags: SnapshotCreateFlags,
): SnapshotCreateOptions {
  const source = checkName(vm, "VM name", "snapshot create needs a VM name");
  const namespace = checkNamespace(flags.namespace);
  const name = flags.name === undefined
    ? undefined
    : validateDns1123Name(flags.name, "--name snapshot name");
  const keepDays = flags.keepDays === undefined
    ? undefined
    : parseIntFlag("--keep-days", flags.keepDays, 1, MAX_KEEP_DAYS);
  if (flags.description !== undefined && flags.description.trim() === "") {
    throw new InputError("--description must not be empty");
  }
  return {
    vm: source,
    namespace,
    ...(name !== undefined && { name }),
    includeMemory: parseBoolFlag("--include-memory", flags.includeMemory) ?? false,
    quiesce: parseBoolFlag("--quiesce", flags.quiesce) ?? true,
    ...(keepDays !== undefined && { keepDays }),
    ...(flags.description !== undefined && { description: flags.description }),
  };
}

/**
 * Build the VMSnapshot manifest, labelled with its VM.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVmSnapshot } from "./snapshot.ts";
 * const m = buildVmSnapshot({ vm: "a", namespace: "d", includeMemory: false, quiesce: true });
 * assert.equal(m.metadata.generateName, "a-snap-");
 * ```
 */
export function buildVmSnapshot(options: SnapshotCreateOptions): Manifest<VmSnapshotSpec> {
  return manifest("VMSnapshot", {
    ...nameOr(options.name, `${options.vm}-snap-`),
    namespace: options.namespace,
    labels: vmLabels(options.vm),
  }, {
    vmRef: { name: options.vm },
    includeMemory: options.includeMemory,
    quiesce: options.quiesce,
    retention: options.keepDays === undefined ? undefined : { keepDays: options.keepDays },
    description: options.description,
  });
}
