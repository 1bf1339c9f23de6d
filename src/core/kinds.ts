/**
 * The seven hypersdk.io kinds: names, phases and the columns hyperctl prints for them.
 *
 * One table drives the CLI nouns, the API paths, the filters and the renderers, so adding a field
 * to a kind is a one-line change here.
 * @module
 */

import { getPath, getString, type KubeObject } from "./types.ts";

/** API group of every HyperSDK kind. */
export const GROUP = "hypersdk.io";
/** The only served version. */
export const VERSION = "v1alpha1";
/** `apiVersion` field value for HyperSDK objects. */
export const API_VERSION = `${GROUP}/${VERSION}`;

/** How a column's value is typed; `date` renders as an AGE, `list` comma-joins strings. */
export type ColumnType = "string" | "integer" | "number" | "boolean" | "date";

/** One table column, mirroring a CRD additionalPrinterColumn. */
export interface Column {
  /** Upper-case header, as kubectl prints it. */
  header: string;
  type: ColumnType;
  /** 0 = always shown, 1 = only with `-o wide`. */
  priority: 0 | 1;
  /**
   * Reads the raw value at the CRD column's JSONPath (its first match); undefined means missing,
   * an empty cell as kubectl prints it.
   */
  value: (obj: KubeObject) => unknown;
}

/** The CLI nouns, one per kind. */
export type Noun = "vm" | "op" | "snapshot" | "template" | "backup" | "restore" | "schedule";

/** Everything hyperctl knows statically about one kind. */
export interface KindInfo {
  kind: string;
  plural: string;
  singular: string;
  shortNames: readonly string[];
  noun: Noun;
  /** Other words accepted for the noun on the command line. */
  aliases: readonly string[];
  /** Valid `status.phase` values, in lifecycle order; empty when the kind has no phase. */
  phases: readonly string[];
  columns: readonly Column[];
}

const age: Column = {
  header: "AGE",
  type: "date",
  priority: 0,
  value: (o) => getString(o, ["metadata", "creationTimestamp"]),
};

/** A column of `type` at a plain field path; the value is given raw and printed by its type. */
const field = (type: ColumnType) =>
(
  header: string,
  path: readonly (string | number)[],
  priority: 0 | 1 = 0,
): Column => ({
  header,
  type,
  priority,
  value: (o) => getPath(o, path),
});

const str = field("string");
const int = field("integer");
const num = field("number");
const bool = field("boolean");

/**
 * A string column at `path[*].field`: the table shows the first match, as the CRD table convertor
 * keeps the first result of a JSONPath.
 */
const firstOf = (header: string, path: readonly string[], field: string): Column => ({
  header,
  type: "string",
  priority: 0,
  value: (o) => {
    const list = getPath(o, path);
    if (!Array.isArray(list)) return undefined;
    return list.map((x) => getPath(x, [field])).find((v) => v !== undefined);
  },
});

/** The seven kinds, in the order `hyperctl status` reports them. */
export const KINDS: readonly KindInfo[] = [
  {
    kind: "VirtualMachine",
    plural: "virtualmachines",
    singular: "virtualmachine",
    shortNames: ["vm", "vms"],
    noun: "vm",
    aliases: ["vms", "virtualmachine", "virtualmachines"],
    phases: [
      "Pending",
      "Creating",
      "Running",
      "Stopped",
      "Migrating",
      "Paused",
      "Failed",
      "Unknown",
    ],
    columns: [
      str("STATUS", ["status", "phase"]),
      int("CPUS", ["spec", "cpus"]),
      str("MEMORY", ["spec", "memory"]),
      str("NODE", ["status", "nodeName"]),
      str("IPS", ["status", "ipAddresses", 0]),
      age,
      bool("RUNNING", ["spec", "running"], 1),
      str("IMAGE", ["spec", "image", "source"], 1),
    ],
  },
  {
    kind: "VMOperation",
    plural: "vmoperations",
    singular: "vmoperation",
    shortNames: ["vmop", "vmops"],
    noun: "op",
    aliases: ["ops", "vmop", "vmops", "operation", "operations", "vmoperation", "vmoperations"],
    phases: ["Pending", "Running", "Succeeded", "Failed", "Cancelled"],
    columns: [
      str("VM", ["spec", "vmRef", "name"]),
      str("OPERATION", ["spec", "operation"]),
      str("STATUS", ["status", "phase"]),
      int("PROGRESS", ["status", "progress"]),
      age,
      str("MESSAGE", ["status", "message"], 1),
    ],
  },
  {
    kind: "VMSnapshot",
    plural: "vmsnapshots",
    singular: "vmsnapshot",
    shortNames: ["vmsnap", "vmsnaps"],
    noun: "snapshot",
    aliases: ["snapshots", "snap", "snaps", "vmsnap", "vmsnaps", "vmsnapshot", "vmsnapshots"],
    phases: ["Pending", "Creating", "Ready", "Failed", "Deleting", "Expired"],
    columns: [
      str("VM", ["spec", "vmRef", "name"]),
      str("STATUS", ["status", "phase"]),
      str("SIZE", ["status", "size"]),
      bool("MEMORY", ["spec", "includeMemory"]),
      bool("READY", ["status", "readyToRestore"]),
      age,
    ],
  },
  {
    kind: "VMTemplate",
    plural: "vmtemplates",
    singular: "vmtemplate",
    shortNames: ["vmt", "vmtpl"],
    noun: "template",
    aliases: ["templates", "tpl", "vmt", "vmtpl", "vmtemplate", "vmtemplates"],
    phases: [],
    columns: [
      str("DISPLAY NAME", ["spec", "displayName"]),
      str("OS", ["spec", "osInfo", "distribution"]),
      str("VERSION", ["spec", "version"]),
      bool("READY", ["status", "ready"]),
      int("USAGE", ["status", "usageCount"]),
      age,
    ],
  },
  {
    kind: "BackupJob",
    plural: "backupjobs",
    singular: "backupjob",
    shortNames: ["bj"],
    noun: "backup",
    aliases: ["backups", "bj", "backupjob", "backupjobs"],
    phases: ["Pending", "Running", "Completed", "Failed", "Cancelled"],
    columns: [
      str("PHASE", ["status", "phase"]),
      num("PROGRESS", ["status", "progress", "percentage"]),
      str("SOURCE", ["spec", "source", "vmName"]),
      str("DESTINATION", ["spec", "destination", "type"]),
      age,
      str("PROVIDER", ["spec", "source", "provider"], 1),
      str("OUTPUT", ["status", "outputPath"], 1),
    ],
  },
  {
    kind: "RestoreJob",
    plural: "restorejobs",
    singular: "restorejob",
    shortNames: ["rj"],
    noun: "restore",
    aliases: ["restores", "rj", "restorejob", "restorejobs"],
    phases: ["Pending", "Running", "Completed", "Failed", "Cancelled"],
    columns: [
      str("PHASE", ["status", "phase"]),
      num("PROGRESS", ["status", "progress", "percentage"]),
      str("VM NAME", ["status", "restoredVMName"]),
      str("PROVIDER", ["spec", "destination", "provider"]),
      age,
    ],
  },
  {
    kind: "BackupSchedule",
    plural: "backupschedules",
    singular: "backupschedule",
    shortNames: ["bs"],
    noun: "schedule",
    aliases: ["schedules", "bs", "backupschedule", "backupschedules"],
    phases: [],
    columns: [
      str("SCHEDULE", ["spec", "schedule"]),
      bool("SUSPEND", ["spec", "suspend"]),
      firstOf("ACTIVE", ["status", "active"], "name"),
      {
        header: "LAST SCHEDULE",
        type: "date",
        priority: 0,
        value: (o) => getString(o, ["status", "lastScheduleTime"]),
      },
      age,
      str("TIMEZONE", ["spec", "timezone"], 1),
      {
        header: "LAST SUCCESS",
        type: "date",
        priority: 1,
        value: (o) => getString(o, ["status", "lastSuccessfulTime"]),
      },
    ],
  },
];

/**
 * Find a kind by CLI noun, alias, plural, singular, short name or Kind (case-insensitive).
 *
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * import { kindByName } from "./kinds.ts";
 * assertEquals(kindByName("vmops")?.kind, "VMOperation");
 * assertEquals(kindByName("nope"), undefined);
 * ```
 */
export function kindByName(name: string): KindInfo | undefined {
  const n = name.toLowerCase();
  return KINDS.find((k) =>
    k.noun === n || k.plural === n || k.singular === n || k.kind.toLowerCase() === n ||
    k.shortNames.includes(n) || k.aliases.includes(n)
  );
}

/** The kind for a CLI noun; throws for an unknown noun (a programming error, not user input). */
export function kindByNoun(noun: Noun): KindInfo {
  const k = KINDS.find((x) => x.noun === noun);
  if (!k) throw new Error(`unknown noun ${noun}`);
  return k;
}
