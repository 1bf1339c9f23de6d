/**
 * `restore create --backup B --vm NAME`: flags → RestoreJob restoring a BackupJob into a VM.
 * @module
 */

import { InputError } from "../input_error.ts";
import { type Provider, PROVIDERS } from "./backup.ts";
import {
  checkName,
  checkNamespace,
  type Manifest,
  manifest,
  nameOr,
  parseBoolFlag,
  parseEnum,
  vmLabels,
} from "./_common.ts";
import { validateDns1123Name } from "../names.ts";

/** Raw `restore create` flags. */
export interface RestoreCreateFlags {
  namespace: string;
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
  namespace: string;
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
 * Parse `restore create --backup B --vm NAME [--power-on] [--overwrite] [--provider P] [--name N]`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseRestoreCreate } from "./restore.ts";
 * assert.throws(() => parseRestoreCreate({ namespace: "d", vm: "a" }), /needs --backup/);
 * ```
 */
export function parseRestoreCreate(flags: RestoreCreateFlags): RestoreCreateOptions {
  const namespace = checkNamespace(flags.namespace);
  if (flags.backup === undefined) throw new InputError("restore create needs --backup");
  const backup = validateDns1123Name(flags.backup, "--backup BackupJob name");
  const vm = checkName(flags.vm, "--vm VM name", "restore create needs --vm");
  const name = flags.name === undefined
    ? undefined
    : validateDns1123Name(flags.name, "--name restore name");
  return {
    backup,
    vm,
    namespace,
    provider: flags.provider === undefined
      ? "kubevirt"
      : parseEnum("--provider", flags.provider, PROVIDERS),
    powerOn: parseBoolFlag("--power-on", flags.powerOn) ?? false,
    overwrite: parseBoolFlag("--overwrite", flags.overwrite) ?? false,
    ...(name !== undefined && { name }),
  };
}

/**
 * Build the RestoreJob manifest, labelled with the target VM.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildRestoreJob, parseRestoreCreate } from "./restore.ts";
 * const m = buildRestoreJob(parseRestoreCreate({ namespace: "d", backup: "b", vm: "a" }));
 * assert.equal(m.metadata.generateName, "restore-a-");
 * ```
 */
export function buildRestoreJob(options: RestoreCreateOptions): Manifest<RestoreJobSpec> {
  return manifest("RestoreJob", {
    ...nameOr(options.name, `restore-${options.vm}-`),
    namespace: options.namespace,
    labels: vmLabels(options.vm),
  }, {
    source: { type: "backup-ref", backupJobRef: { name: options.backup } },
    destination: { provider: options.provider, namespace: options.namespace, vmName: options.vm },
    options: { powerOnAfterRestore: options.powerOn, overwrite: options.overwrite },
  });
}
