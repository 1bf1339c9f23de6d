/**
 * The flags of a backup's destination and format, shared by `backup create` and
 * `schedule create` (a schedule's job template is a backup). Light: command modules import it.
 * @module
 */

import { switchFlag, valueFlag } from "../command_spec.ts";

/** `--dest-type`, `--bucket`, … `--carbon-aware`. */
export const BACKUP_SPEC_FLAGS = [
  valueFlag("--dest-type", "type", "s3|azure-blob|gcs|local|nfs", { default: "s3" }),
  valueFlag("--bucket", "name", "bucket (required for s3, azure-blob, gcs)"),
  valueFlag("--prefix", "path", "path prefix inside the bucket"),
  valueFlag("--region", "region", "bucket region"),
  valueFlag("--endpoint", "url", "object-store endpoint"),
  valueFlag("--credentials-secret", "name", "Secret with the destination credentials"),
  valueFlag("--format", "format", "ovf|ova|raw|qcow2|vmdk|vhd|vhdx"),
  switchFlag("--compress", "compress the backup"),
  valueFlag("--provider", "provider", "source provider", { default: "kubevirt" }),
  switchFlag("--carbon-aware", "delay the backup to greener hours"),
] as const;
