/**
 * Deterministic objects for the renderer tests: a fixed "now" and objects of every kind with
 * present, missing and hostile fields.
 * @module
 */

import type { KubeObject } from "../../core/types.ts";

/** 2026-01-02T03:04:05Z: the fake clock of every renderer test. */
export const NOW = Date.parse("2026-01-02T03:04:05Z");

/** An ISO timestamp `ms` before {@link NOW}. */
export const ago = (ms: number): string => new Date(NOW - ms).toISOString();

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A VirtualMachine with the common fields. */
export function vm(
  name: string,
  fields: {
    namespace?: string;
    phase?: string;
    cpus?: number;
    memory?: string;
    node?: string;
    ips?: string[];
    ageMs?: number;
    running?: boolean;
    image?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: {
      name,
      namespace: fields.namespace ?? "default",
      creationTimestamp: fields.ageMs === undefined ? undefined : ago(fields.ageMs),
      managedFields: [{ manager: "hyperctl", operation: "Update" }],
    },
    spec: {
      cpus: fields.cpus,
      memory: fields.memory,
      running: fields.running,
      image: fields.image === undefined ? undefined : { source: fields.image },
    },
    status: { phase: fields.phase, nodeName: fields.node, ipAddresses: fields.ips },
  };
}

/** Thirty VMs in three namespaces with ages from seconds to years: the large golden table. */
export function fleet(): KubeObject[] {
  const phases = ["Running", "Stopped", "Pending", "Migrating", "Failed", "Creating"];
  const ages = [
    5 * SEC,
    119 * SEC,
    150 * SEC,
    45 * MIN,
    3 * HOUR + 12 * MIN,
    20 * HOUR,
    3 * DAY + 4 * HOUR,
    40 * DAY,
    800 * DAY,
    9 * 365 * DAY,
  ];
  const out: KubeObject[] = [];
  for (let i = 0; i < 30; i++) {
    out.push(vm(`vm-${String(i).padStart(2, "0")}${i % 7 === 0 ? "-with-a-longer-name" : ""}`, {
      namespace: ["default", "prod", "team-analytics"][i % 3],
      phase: i === 13 ? undefined : phases[i % phases.length],
      cpus: [1, 2, 4, 16, 128][i % 5],
      memory: ["512Mi", "2Gi", "8Gi", "64Gi"][i % 4],
      node: i % 4 === 3 ? undefined : `node-${i % 5}`,
      ips: i % 3 === 0 ? [] : i % 3 === 1 ? [`10.0.0.${i}`] : [`10.0.1.${i}`, `fd00::${i}`],
      ageMs: i === 29 ? undefined : ages[i % ages.length],
      running: i % 2 === 0,
      image: i % 5 === 4
        ? undefined
        : `registry.example.com/images/ubuntu-${20 + (i % 5)}.04.qcow2`,
    }));
  }
  return out;
}
