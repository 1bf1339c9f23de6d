/**
 * `backup create VM`: flags → BackupJob. The spec part is shared with `schedule create`, whose
 * jobTemplate.spec is exactly a BackupJob spec.
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
  parseEnum,
  parseToken,
  vmLabels,
} from "./_common.ts";
import { validateDns1123Name } from "../names.ts";

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
  namespace: string;
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
  namespace: string;
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
 * Parse the backup flags shared by `backup create` and `schedule create`.
 *
 * @param usage the command, for "needs" messages (`backup create`)
 */
export function parseBackupSpec(
  vm: string | undefined,
  flags: BackupSpecFlags,
  usage = "backup create",
): BackupSpecOptions {
  const name = checkName(vm, "VM name", `${usage} needs a VM name`);
  const namespace = checkNamespace(flags.namespace);
  if (flags.destType === undefined) {
    throw new InputError(`${usage} needs --dest-type (${DESTINATION_TYPES.join(", ")})`);
  }
  const type = parseEnum("--dest-type", flags.destType, DESTINATION_TYPES);
  if (BUCKET_TYPES.includes(type) && flags.bucket === undefined) {
    throw new InputError(`${usage} --dest-type ${type} needs --bucket`);
  }
  const secret = flags.credentialsSecret === undefined
    ? undefined
    : validateDns1123Name(flags.credentialsSecret, "--credentials-secret name");
  const compress = parseBoolFlag("--compress", flags.compress);
  const format = flags.format === undefined && compress === undefined ? undefined : {
    type: flags.format === undefined
      ? "ovf" as const
      : parseEnum("--format", flags.format, BACKUP_FORMATS),
    compression: compress ?? false,
  };
  const destination = {
    type,
    ...(flags.bucket !== undefined && { bucket: parseBucket(flags.bucket) }),
    ...(flags.prefix !== undefined && { prefix: parseToken("--prefix", flags.prefix) }),
    ...(flags.region !== undefined && { region: parseToken("--region", flags.region) }),
    ...(flags.endpoint !== undefined && { endpoint: parseEndpoint(flags.endpoint) }),
    ...(secret !== undefined && { credentialsSecret: secret }),
  };
  return {
    vm: name,
    namespace,
    provider: flags.provider === undefined
      ? "kubevirt"
      : parseEnum("--provider", flags.provider, PROVIDERS),
    destination,
    ...(format && { format }),
    carbonAware: parseBoolFlag("--carbon-aware", flags.carbonAware) ?? false,
  };
}

/** Parse `backup create VM --dest-type T --bucket B … [--name N]`. */
export function parseBackupCreate(
  vm: string | undefined,
  flags: BackupCreateFlags,
): BackupCreateOptions {
  const spec = parseBackupSpec(vm, flags);
  return flags.name === undefined
    ? spec
    : { ...spec, name: validateDns1123Name(flags.name, "--name backup name") };
}

/** Build the BackupJob spec (also the jobTemplate.spec of a BackupSchedule). */
export function buildBackupJobSpec(options: BackupSpecOptions): BackupJobSpec {
  const d = options.destination;
  return {
    source: { provider: options.provider, namespace: options.namespace, vmName: options.vm },
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
 * Build the BackupJob manifest, labelled with its VM.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildBackupJob, parseBackupCreate } from "./backup.ts";
 * const m = buildBackupJob(parseBackupCreate("db", { namespace: "d", destType: "s3", bucket: "b" }));
 * assert.equal(m.metadata.generateName, "db-backup-");
 * ```
 */
export function buildBackupJob(options: BackupCreateOptions): Manifest<BackupJobSpec> {
  return manifest("BackupJob", {
    ...nameOr(options.name, `${options.vm}-backup-`),
    namespace: options.namespace,
    labels: vmLabels(options.vm),
  }, buildBackupJobSpec(options));
}
