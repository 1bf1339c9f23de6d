/**
 * A VM with its operation history, snapshots and events, at a fixed clock: the describe golden
 * test and the layout check against Go's text/tabwriter share it.
 * @module
 */

import type { RelatedObjects } from "../../core/describe/mod.ts";
import type { KubeObject } from "../../core/types.ts";

/** The clock of the golden text. */
export const NOW = Date.parse("2026-03-01T12:00:00Z");
const ns = "prod";

/** The described VM. */
export const vm: KubeObject = {
  apiVersion: "hypersdk.io/v1alpha1",
  kind: "VirtualMachine",
  metadata: {
    name: "web-1",
    namespace: ns,
    uid: "vm-uid",
    creationTimestamp: "2026-02-27T09:30:00Z",
    labels: { tier: "web", env: "prod" },
    annotations: {
      "kubectl.kubernetes.io/last-applied-configuration": "{}",
      owner: "team-a",
    },
  },
  spec: {
    cpus: 4,
    memory: "8Gi",
    running: true,
    image: { templateRef: { name: "ubuntu-24" } },
    disks: [
      { name: "root", size: "40Gi", storageClass: "fast", bootOrder: 1 },
      { name: "data", size: "200Gi", source: { pvc: { claimName: "web-1-data" } } },
    ],
    networks: [{ name: "default", type: "pod" }],
    cloudInit: { userData: "#cloud-config\npackages: [nginx]\n" },
  },
  status: {
    phase: "Running",
    nodeName: "node-2",
    ipAddresses: ["10.244.2.17", "fd00::17"],
    guestAgent: { connected: true, version: "8.2.0" },
    vnc: { enabled: true, port: 5900 },
    resources: { cpu: { usage: "1200m" }, memory: { usage: "5Gi" } },
    startTime: "2026-02-27T09:31:00Z",
    conditions: [
      {
        type: "Ready",
        status: "True",
        reason: "VMReady",
        message: "VM is running and ready",
        lastTransitionTime: "2026-03-01T11:58:00Z",
      },
    ],
  },
};

const op = (name: string, operation: string, status: Record<string, unknown>): KubeObject => ({
  metadata: { name, namespace: ns, creationTimestamp: status.startTime as string },
  spec: { vmRef: { name: "web-1" }, operation },
  status,
});

const operations = [
  op("web-1-start-a1", "start", {
    phase: "Succeeded",
    progress: 100,
    startTime: "2026-02-27T09:31:00Z",
    completionTime: "2026-02-27T09:31:04Z",
    message: "start operation completed successfully",
  }),
  op("web-1-migrate-b2", "migrate", {
    phase: "Running",
    progress: 60,
    startTime: "2026-03-01T11:57:30Z",
    message: "Migrating memory...",
  }),
  op("web-1-resize-c3", "resize", {
    phase: "Failed",
    progress: 10,
    startTime: "2026-02-28T08:00:00Z",
    completionTime: "2026-02-28T08:00:07Z",
    message: "Operation failed: not enough memory on node-2",
  }),
];

const snapshots: KubeObject[] = [
  {
    metadata: { name: "web-1-nightly", namespace: ns, creationTimestamp: "2026-02-28T02:00:00Z" },
    spec: { vmRef: { name: "web-1" }, includeMemory: false },
    status: { phase: "Ready", size: "12Gi", readyToRestore: true },
  },
  {
    metadata: {
      name: "web-1-pre-upgrade",
      namespace: ns,
      creationTimestamp: "2026-03-01T11:00:00Z",
    },
    spec: { vmRef: { name: "web-1" }, includeMemory: true },
    status: { phase: "Creating" },
  },
];

/** Events about the VM, one repeated, one with a terminal escape in its note. */
export const events: KubeObject[] = [
  {
    apiVersion: "events.k8s.io/v1",
    kind: "Event",
    metadata: { name: "web-1.1", namespace: ns },
    eventTime: "2026-03-01T11:57:31.000000Z",
    type: "Normal",
    reason: "Migrating",
    note: "Live migration to node-3 started",
    reportingController: "hypersdk-operator",
    regarding: { kind: "VirtualMachine", name: "web-1", namespace: ns, uid: "vm-uid" },
  },
  {
    apiVersion: "events.k8s.io/v1",
    kind: "Event",
    metadata: { name: "web-1.2", namespace: ns },
    eventTime: "2026-03-01T11:40:00.000000Z",
    series: { count: 3, lastObservedTime: "2026-03-01T11:55:00.000000Z" },
    type: "Warning",
    reason: "GuestAgentLost",
    note: "guest agent stopped answering\x1b]0;pwned\x07",
    reportingController: "hypersdk-operator",
    regarding: { kind: "VirtualMachine", name: "web-1", namespace: ns, uid: "vm-uid" },
  },
];

/** The VM's related objects. */
export const related: RelatedObjects[] = [
  { key: "operations", title: "Operations", noun: "op", items: operations },
  { key: "snapshots", title: "Snapshots", noun: "snapshot", items: snapshots },
  { key: "backups", title: "Backups", noun: "backup", items: [] },
];
