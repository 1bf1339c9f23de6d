/**
 * `snapshot create VM`: a VMSnapshot object created directly (the VMSnapshot controller takes it
 * from there), so waiting watches the snapshot itself for phase Ready / readyToRestore.
 * @module
 */

import {
  checkName,
  type Manifest,
  manifest,
  nameOr,
  parseBoolFlag,
  parseIntFlag,
  vmLabels,
} from "./_common.ts";
import { ifGiven } from "./flag_checks.ts";
import { validateDns1123Name } from "../names.ts";
import { attempt, collect, mapValid, unless, type Validation } from "../validation.ts";

/** Longest retention accepted; anything above a century is a typo, not a policy. */
export const MAX_KEEP_DAYS = 36500;

/** Raw `snapshot create` flags. */
export interface SnapshotCreateFlags {
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
 * Check `snapshot create VM [--name S] [--include-memory] [--no-quiesce] [--keep-days N]`:
 * every problem at once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orThrow } from "../validation.ts";
 * import { checkSnapshotCreate } from "./snapshot.ts";
 * assert.equal(orThrow(checkSnapshotCreate("web-1", {})).quiesce, true);
 * ```
 */
export function checkSnapshotCreate(
  vm: string | undefined,
  flags: SnapshotCreateFlags,
): Validation<SnapshotCreateOptions> {
  const { description } = flags;
  const checked = collect({
    vm: attempt(() => checkName(vm, "VM name", "snapshot create needs a VM name")),
    name: ifGiven(flags.name, (v) => validateDns1123Name(v, "--name snapshot name")),
    keepDays: ifGiven(flags.keepDays, (v) => parseIntFlag("--keep-days", v, 1, MAX_KEEP_DAYS)),
    description: unless(
      description !== undefined && description.trim() === "",
      "--description must not be empty",
    ),
    includeMemory: attempt(() => parseBoolFlag("--include-memory", flags.includeMemory) ?? false),
    quiesce: attempt(() => parseBoolFlag("--quiesce", flags.quiesce) ?? true),
  });
  return mapValid(checked, ({ vm, name, keepDays, includeMemory, quiesce }) => ({
    vm,
    ...(name !== undefined && { name }),
    includeMemory,
    quiesce,
    ...(keepDays !== undefined && { keepDays }),
    ...(description !== undefined && { description }),
  }));
}

/**
 * Build the VMSnapshot manifest in `namespace`, labelled with its VM.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVmSnapshot } from "./snapshot.ts";
 * const m = buildVmSnapshot({ vm: "a", includeMemory: false, quiesce: true }, "d");
 * assert.equal(m.metadata.generateName, "a-snap-");
 * ```
 */
export function buildVmSnapshot(
  options: SnapshotCreateOptions,
  namespace: string,
): Manifest<VmSnapshotSpec> {
  return manifest("VMSnapshot", {
    ...nameOr(options.name, `${options.vm}-snap-`),
    namespace,
    labels: vmLabels(options.vm),
  }, {
    vmRef: { name: options.vm },
    includeMemory: options.includeMemory,
    quiesce: options.quiesce,
    retention: options.keepDays === undefined ? undefined : { keepDays: options.keepDays },
    description: options.description,
  });
}
