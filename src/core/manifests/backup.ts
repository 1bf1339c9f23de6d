/**
 * `backup create VM`: flags → BackupJob. The spec part is shared with `schedule create`, whose
 * jobTemplate.spec is exactly a BackupJob spec.
 * @module
 */

import { InputError } from "../input_error.ts";
import {
  checkName,
  type Manifest,
  manifest,
  nameOr,
  parseBoolFlag,
  parseEnum,
  parseToken,
  vmLabels,
} from "./_common.ts";
import { validateDns1123Name } from "../names.ts";
import { andThen, attempt, collect, mapValid, unless, type Validation } from "../validation.ts";
import { ifGiven, needed } from "./flag_checks.ts";

/** Destination types of the BackupJob CRD. */
export const DESTINATION_TYPES = ["s3", "azure-blob", "gcs", "local", "nfs"] as const;
/** Source providers of the BackupJob CRD. */
export const PROVIDERS = [
  "kubevirt",
  "vsphere",
  "aws",
  "azure",
  "gcp",
  "hyperv",
  "proxmox",
] as const;
/** Export formats of the BackupJob CRD. */
export const BACKUP_FORMATS = ["ovf", "ova", "raw", "qcow2", "vmdk", "vhd", "vhdx"] as const;

/** One destination type. */
export type DestinationType = typeof DESTINATION_TYPES[number];
/** One provider. */
export type Provider = typeof PROVIDERS[number];
/** One export format. */
export type BackupFormat = typeof BACKUP_FORMATS[number];

/** Destination types that address an object-store bucket, so `--bucket` is required. */
const BUCKET_TYPES: readonly DestinationType[] = ["s3", "azure-blob", "gcs"];

/** The carbon-aware settings HyperSDK used; written out because a jobTemplate has no defaults. */
const CARBON_AWARE = { enabled: true, zone: "US-CAL-CISO", maxIntensity: 200, maxDelayHours: 4 };

/** Raw flags shared by `backup create` and `schedule create`. */
export interface BackupSpecFlags {
  destType?: string;
  bucket?: string;
  prefix?: string;
  region?: string;
  endpoint?: string;
  credentialsSecret?: string;
  format?: string;
  compress?: boolean | string;
  /** @default "kubevirt" */
  provider?: string;
  carbonAware?: boolean | string;
}

/** Raw `backup create` flags. */
export interface BackupCreateFlags extends BackupSpecFlags {
  name?: string;
}

/** Validated options for a BackupJob spec. */
export interface BackupSpecOptions {
  vm: string;
  provider: Provider;
  destination: {
    type: DestinationType;
    bucket?: string;
    prefix?: string;
    region?: string;
    endpoint?: string;
    credentialsSecret?: string;
  };
  /** Only when --format or --compress was given. */
  format?: { type: BackupFormat; compression: boolean };
  carbonAware: boolean;
}

/** Validated `backup create` options. */
export interface BackupCreateOptions extends BackupSpecOptions {
  /** Fixed name; without it the server names the job `<vm>-backup-xxxxx`. */
  name?: string;
}

/** The BackupJob spec fields hyperctl writes. */
export interface BackupJobSpec {
  source: { provider: Provider; namespace: string; vmName: string };
  destination: {
    type: DestinationType;
    bucket?: string;
    prefix?: string;
    region?: string;
    endpoint?: string;
    credentials?: { secretRef: { name: string } };
  };
  format?: { type: BackupFormat; compression: boolean };
  carbonAware?: typeof CARBON_AWARE;
}

/** Check `--bucket`: a bare bucket name; a URL or a path gets split into --bucket and --prefix. */
function parseBucket(raw: string): string {
  parseToken("--bucket", raw);
  const m = /^(?:[a-z0-9]+:\/\/)?([^/]+)(?:\/(.*))?$/.exec(raw);
  if (m && (raw.includes("://") || m[2] !== undefined)) {
    const path = (m[2] ?? "").replace(/\/+$/, "");
    throw new InputError(
      `--bucket ${JSON.stringify(raw)} must be a bare bucket name ` +
        `(did you mean --bucket ${m[1]}${path ? ` --prefix ${path}` : ""}?)`,
    );
  }
  return raw;
}

/** Check `--endpoint`: an http(s) URL of an S3-compatible service. */
function parseEndpoint(raw: string): string {
  if (/^https?:\/\/[^\s/]+(\/\S*)?$/.test(raw)) return raw;
  throw new InputError(
    `--endpoint ${JSON.stringify(raw)} must be an http:// or https:// URL` +
      (/^[^\s:/]+(:\d+)?$/.test(raw) ? ` (did you mean "https://${raw}"?)` : ""),
  );
}

/**
 * Check the backup flags shared by `backup create` and `schedule create`: every problem at once.
 *
 * @param usage the command, for "needs" messages (`backup create`)
 */
export function checkBackupSpec(
  vm: string | undefined,
  flags: BackupSpecFlags,
  usage = "backup create",
): Validation<BackupSpecOptions> {
  const { bucket } = flags;
  const type = andThen(
    needed(
      flags.destType,
      `${usage} needs --dest-type (${DESTINATION_TYPES.join(", ")})`,
      (v) => parseEnum("--dest-type", v, DESTINATION_TYPES),
    ),
    (type) =>
      mapValid(
        unless(
          BUCKET_TYPES.includes(type) && bucket === undefined,
          `${usage} --dest-type ${type} needs --bucket`,
        ),
        () => type,
      ),
  );
  const checked = collect({
    vm: attempt(() => checkName(vm, "VM name", `${usage} needs a VM name`)),
    type,
    bucket: ifGiven(bucket, parseBucket),
    prefix: ifGiven(flags.prefix, (v) => parseToken("--prefix", v)),
    region: ifGiven(flags.region, (v) => parseToken("--region", v)),
    endpoint: ifGiven(flags.endpoint, parseEndpoint),
    credentialsSecret: ifGiven(
      flags.credentialsSecret,
      (v) => validateDns1123Name(v, "--credentials-secret name"),
    ),
    format: ifGiven(flags.format, (v) => parseEnum("--format", v, BACKUP_FORMATS)),
    compress: attempt(() => parseBoolFlag("--compress", flags.compress)),
    provider: attempt(() =>
      flags.provider === undefined ? "kubevirt" : parseEnum("--provider", flags.provider, PROVIDERS)
    ),
    carbonAware: attempt(() => parseBoolFlag("--carbon-aware", flags.carbonAware) ?? false),
  });
  return mapValid(checked, (v) => {
    // Only when asked for: a --compress not given arrives as false.
    const format = v.format === undefined && !v.compress
      ? undefined
      : { type: v.format ?? "ovf" as const, compression: v.compress ?? false };
    const destination = {
      type: v.type,
      ...(v.bucket !== undefined && { bucket: v.bucket }),
      ...(v.prefix !== undefined && { prefix: v.prefix }),
      ...(v.region !== undefined && { region: v.region }),
      ...(v.endpoint !== undefined && { endpoint: v.endpoint }),
      ...(v.credentialsSecret !== undefined && { credentialsSecret: v.credentialsSecret }),
    };
    return {
      vm: v.vm,
      provider: v.provider,
      destination,
      ...(format && { format }),
      carbonAware: v.carbonAware,
    };
  });
}

/** Check `backup create VM --dest-type T --bucket B … [--name N]`: every problem at once. */
export function checkBackupCreate(
  vm: string | undefined,
  flags: BackupCreateFlags,
): Validation<BackupCreateOptions> {
  const checked = collect({
    spec: checkBackupSpec(vm, flags),
    name: ifGiven(flags.name, (v) => validateDns1123Name(v, "--name backup name")),
  });
  return mapValid(checked, ({ spec, name }) => name === undefined ? spec : { ...spec, name });
}

/** Build the BackupJob spec (also the jobTemplate.spec of a BackupSchedule) for a VM in `namespace`. */
export function buildBackupJobSpec(options: BackupSpecOptions, namespace: string): BackupJobSpec {
  const d = options.destination;
  return {
    source: { provider: options.provider, namespace, vmName: options.vm },
    destination: {
      type: d.type,
      bucket: d.bucket,
      prefix: d.prefix,
      region: d.region,
      endpoint: d.endpoint,
      credentials: d.credentialsSecret === undefined
        ? undefined
        : { secretRef: { name: d.credentialsSecret } },
    },
    format: options.format && { ...options.format },
    carbonAware: options.carbonAware ? { ...CARBON_AWARE } : undefined,
  };
}

/**
 * Build the BackupJob manifest in `namespace`, labelled with its VM.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orThrow } from "../validation.ts";
 * import { buildBackupJob, checkBackupCreate } from "./backup.ts";
 * const m = buildBackupJob(orThrow(checkBackupCreate("db", { destType: "s3", bucket: "b" })), "d");
 * assert.equal(m.metadata.generateName, "db-backup-");
 * ```
 */
export function buildBackupJob(
  options: BackupCreateOptions,
  namespace: string,
): Manifest<BackupJobSpec> {
  return manifest("BackupJob", {
    ...nameOr(options.name, `${options.vm}-backup-`),
    namespace,
    labels: vmLabels(options.vm),
  }, buildBackupJobSpec(options, namespace));
}
