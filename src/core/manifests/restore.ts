/**
 * `restore create --backup B --vm NAME`: flags → RestoreJob restoring a BackupJob into a VM.
 * @module
 */

import { type Provider, PROVIDERS } from "./backup.ts";
import {
  checkName,
  type Manifest,
  manifest,
  nameOr,
  parseBoolFlag,
  parseEnum,
  vmLabels,
} from "./_common.ts";
import { validateDns1123Name } from "../names.ts";
import { attempt, collect, mapValid, type Validation } from "../validation.ts";
import { ifGiven, needed } from "./flag_checks.ts";

/** Raw `restore create` flags. */
export interface RestoreCreateFlags {
  backup?: string;
  vm?: string;
  powerOn?: boolean | string;
  overwrite?: boolean | string;
  /** @default "kubevirt" */
  provider?: string;
  name?: string;
}

/** Validated `restore create` options. */
export interface RestoreCreateOptions {
  /** The BackupJob to restore from (same namespace). */
  backup: string;
  /** The VM to restore into. */
  vm: string;
  provider: Provider;
  powerOn: boolean;
  overwrite: boolean;
  /** Fixed name; without it the server names the job `restore-<vm>-xxxxx`. */
  name?: string;
}

/** The RestoreJob spec fields hyperctl writes. */
export interface RestoreJobSpec {
  source: { type: "backup-ref"; backupJobRef: { name: string } };
  destination: { provider: Provider; namespace: string; vmName: string };
  options: { powerOnAfterRestore: boolean; overwrite: boolean };
}

/**
 * Check `restore create --backup B --vm NAME [--power-on] [--overwrite] [--provider P] [--name N]`:
 * every problem at once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orThrow } from "../validation.ts";
 * import { checkRestoreCreate } from "./restore.ts";
 * assert.throws(() => orThrow(checkRestoreCreate({ vm: "a" })), /needs --backup/);
 * ```
 */
export function checkRestoreCreate(flags: RestoreCreateFlags): Validation<RestoreCreateOptions> {
  const checked = collect({
    backup: needed(
      flags.backup,
      "restore create needs --backup",
      (v) => validateDns1123Name(v, "--backup BackupJob name"),
    ),
    vm: attempt(() => checkName(flags.vm, "--vm VM name", "restore create needs --vm")),
    name: ifGiven(flags.name, (v) => validateDns1123Name(v, "--name restore name")),
    provider: attempt(() =>
      flags.provider === undefined ? "kubevirt" : parseEnum("--provider", flags.provider, PROVIDERS)
    ),
    powerOn: attempt(() => parseBoolFlag("--power-on", flags.powerOn) ?? false),
    overwrite: attempt(() => parseBoolFlag("--overwrite", flags.overwrite) ?? false),
  });
  return mapValid(checked, ({ name, ...rest }) => ({
    ...rest,
    ...(name !== undefined && { name }),
  }));
}

/**
 * Build the RestoreJob manifest in `namespace`, labelled with the target VM.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildRestoreJob } from "./restore.ts";
 * const m = buildRestoreJob(
 *   { backup: "b", vm: "a", provider: "kubevirt", powerOn: false, overwrite: false },
 *   "d",
 * );
 * assert.equal(m.metadata.generateName, "restore-a-");
 * ```
 */
export function buildRestoreJob(
  options: RestoreCreateOptions,
  namespace: string,
): Manifest<RestoreJobSpec> {
  return manifest("RestoreJob", {
    ...nameOr(options.name, `restore-${options.vm}-`),
    namespace,
    labels: vmLabels(options.vm),
  }, {
    source: { type: "backup-ref", backupJobRef: { name: options.backup } },
    destination: { provider: options.provider, namespace, vmName: options.vm },
    options: { powerOnAfterRestore: options.powerOn, overwrite: options.overwrite },
  });
}
