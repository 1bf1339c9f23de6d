import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { orThrow } from "../validation.ts";
import {
  type BackupCreateFlags,
  type BackupCreateOptions,
  buildBackupJob,
  checkBackupCreate,
} from "./backup.ts";

const s3: BackupCreateFlags = { destType: "s3", bucket: "vm-backups" };
const check = (vm: string | undefined, flags: BackupCreateFlags) =>
  orThrow(checkBackupCreate(vm, flags));
const build = (options: BackupCreateOptions) => buildBackupJob(options, "prod");

Deno.test("backup create: minimal s3 job named <vm>-backup- with kubevirt source", () => {
  assert.deepEqual(build(check("db", s3)), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "BackupJob",
    metadata: { generateName: "db-backup-", namespace: "prod", labels: { "hypersdk.io/vm": "db" } },
    spec: {
      source: { provider: "kubevirt", namespace: "prod", vmName: "db" },
      destination: { type: "s3", bucket: "vm-backups" },
    },
  });
});

Deno.test("backup create: every flag lands in its field", () => {
  const options = check("db", {
    ...s3,
    prefix: "nightly/db",
    region: "eu-central-1",
    endpoint: "https://minio.example.com:9000",
    credentialsSecret: "s3-creds",
    format: "QCOW2",
    compress: true,
    provider: "kubevirt",
    carbonAware: true,
    name: "db-manual-1",
  });
  assert.deepEqual(build(options), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "BackupJob",
    metadata: { name: "db-manual-1", namespace: "prod", labels: { "hypersdk.io/vm": "db" } },
    spec: {
      source: { provider: "kubevirt", namespace: "prod", vmName: "db" },
      destination: {
        type: "s3",
        bucket: "vm-backups",
        prefix: "nightly/db",
        region: "eu-central-1",
        endpoint: "https://minio.example.com:9000",
        credentials: { secretRef: { name: "s3-creds" } },
      },
      format: { type: "qcow2", compression: true },
      carbonAware: { enabled: true, zone: "US-CAL-CISO", maxIntensity: 200, maxDelayHours: 4 },
    },
  });
});

Deno.test("backup create: local and nfs need no bucket; --compress alone means ovf", () => {
  assert.deepEqual(
    build(check("db", { destType: "local", compress: true })).spec,
    {
      source: { provider: "kubevirt", namespace: "prod", vmName: "db" },
      destination: { type: "local" },
      format: { type: "ovf", compression: true },
    },
  );
});

Deno.test("checkBackupCreate() rejects bad input with hints", () => {
  const cases: [string | undefined, Partial<BackupCreateFlags>, string | RegExp][] = [
    [undefined, {}, "backup create needs a VM name"],
    [
      "db",
      { destType: undefined },
      "backup create needs --dest-type (s3, azure-blob, gcs, local, nfs)",
    ],
    [
      "db",
      { destType: "azure" },
      `--dest-type "azure" is not one of s3, azure-blob, gcs, local, nfs (did you mean "azure-blob"?)`,
    ],
    ["db", { destType: "gcs", bucket: undefined }, "backup create --dest-type gcs needs --bucket"],
    [
      "db",
      { bucket: "s3://vm-backups/nightly/" },
      `--bucket "s3://vm-backups/nightly/" must be a bare bucket name (did you mean --bucket vm-backups --prefix nightly?)`,
    ],
    [
      "db",
      { bucket: "s3://vm-backups" },
      `--bucket "s3://vm-backups" must be a bare bucket name (did you mean --bucket vm-backups?)`,
    ],
    ["db", { bucket: "" }, "--bucket must not be empty"],
    ["db", { region: "eu central" }, `--region "eu central" must not contain spaces`],
    [
      "db",
      { endpoint: "minio:9000" },
      `--endpoint "minio:9000" must be an http:// or https:// URL (did you mean "https://minio:9000"?)`,
    ],
    ["db", { credentialsSecret: "S3" }, /^invalid --credentials-secret name "S3"/],
    [
      "db",
      { format: "qcow" },
      `--format "qcow" is not one of ovf, ova, raw, qcow2, vmdk, vhd, vhdx (did you mean "qcow2"?)`,
    ],
    [
      "db",
      { provider: "kubvirt" },
      `--provider "kubvirt" is not one of kubevirt, vsphere, aws, azure, gcp, hyperv, proxmox (did you mean "kubevirt"?)`,
    ],
    ["db", { name: "DB" }, /^invalid --name backup name "DB"/],
  ];
  for (const [vm, flags, message] of cases) {
    assertThrowsWith(() => check(vm, { ...s3, ...flags }), InputError, message);
  }
});
