/**
 * Every manifest the builders in src/core/manifests produce is accepted by the real API server's
 * schema (deploy/crds/), with strict field validation and nothing pruned, as printed by
 * `--dry-run=client -o yaml` and sent by kubectl 1.33 with `--dry-run=server`.
 * @module
 */

import assert from "node:assert/strict";
import { stringify } from "yaml";
import {
  type BackupCreateFlags,
  buildBackupJob,
  buildBackupSchedule,
  buildRestoreJob,
  buildVirtualMachine,
  buildVmOperation,
  buildVmSnapshot,
  checkBackupCreate,
  checkClone,
  checkMigrate,
  checkResize,
  checkRestoreCreate,
  checkScheduleCreate,
  checkSnapshotCreate,
  checkVmCreate,
  type CloneFlags,
  type Manifest,
  type MigrateFlags,
  type ResizeFlags,
  type RestoreCreateFlags,
  type ScheduleCreateFlags,
  type SnapshotCreateFlags,
  type VmCreateFlags,
} from "../../src/core/manifests/mod.ts";
import { orThrow } from "../../src/core/validation.ts";
import {
  type ApiServer,
  apiServerTest,
  freshNamespace,
  kubectlBinary,
} from "../support/apiserver.ts";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function kubectl(server: ApiServer, args: string[], stdin: string): Promise<Run> {
  const child = new Deno.Command(kubectlBinary(), {
    args: [
      `--kubeconfig=${server.kubeconfigPath}`,
      "--context=admin",
      "--request-timeout=20s",
      ...args,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(stdin));
  await w.close();
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/**
 * Server-side dry run of one manifest: `apply` for named objects, `create` for generateName ones
 * (apply needs a name). Strict validation makes unknown fields an error instead of a warning.
 */
function dryRun(server: ApiServer, m: Manifest<unknown>): Promise<Run> {
  const verb = m.metadata.name === undefined ? "create" : "apply";
  return kubectl(
    server,
    [verb, "--dry-run=server", "--validate=strict", "-o", "json", "-f", "-"],
    stringify(m),
  );
}

/** Every field we sent is in what the server returned: nothing was pruned or rewritten. */
function assertSubset(actual: unknown, expected: unknown, path = "$"): void {
  if (typeof expected === "object" && expected !== null) {
    assert.equal(typeof actual, "object", `${path} missing in the server's object`);
    for (const [k, v] of Object.entries(expected)) {
      assertSubset((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    }
    return;
  }
  assert.equal(actual, expected, `${path} differs in the server's object`);
}

/** One manifest per builder and per shape (minimal and with every option). */
function manifests(namespace: string): [string, Manifest<unknown>][] {
  const vm = (name: string, flags: VmCreateFlags) =>
    buildVirtualMachine(orThrow(checkVmCreate(name, flags)), namespace);
  const clone = (name: string, flags: CloneFlags) =>
    buildVmOperation({
      operation: "clone",
      vm: name,
      namespace,
      ...orThrow(checkClone(name, flags, namespace)),
    });
  const migrate = (name: string, flags: MigrateFlags) =>
    buildVmOperation({
      operation: "migrate",
      vm: name,
      namespace,
      ...orThrow(checkMigrate(name, flags)),
    });
  const resize = (name: string, flags: ResizeFlags) =>
    buildVmOperation({
      operation: "resize",
      vm: name,
      namespace,
      ...orThrow(checkResize(name, flags)),
    });
  const snapshot = (name: string, flags: SnapshotCreateFlags) =>
    buildVmSnapshot(orThrow(checkSnapshotCreate(name, flags)), namespace);
  const backupJob = (name: string, flags: BackupCreateFlags) =>
    buildBackupJob(orThrow(checkBackupCreate(name, flags)), namespace);
  const restore = (flags: RestoreCreateFlags) =>
    buildRestoreJob(orThrow(checkRestoreCreate(flags)), namespace);
  const schedule = (name: string, flags: ScheduleCreateFlags) =>
    buildBackupSchedule(orThrow(checkScheduleCreate(name, flags)), namespace);
  const backup = {
    destType: "s3",
    bucket: "vm-backups",
    prefix: "nightly/db",
    region: "eu-central-1",
    endpoint: "https://minio.example.com:9000",
    credentialsSecret: "s3-creds",
    format: "qcow2",
    compress: true,
    carbonAware: true,
  };
  return [
    [
      "vm create (minimal)",
      vm("web-1", { cpus: "2", memory: "4Gi" }),
    ],
    [
      "vm create (image, disk, node selector, labels, stopped)",
      vm("web-2", {
        cpus: "128",
        memory: "1.5Gi",
        image: "https://images.example.com/ubuntu.qcow2",
        diskSize: "40Gi",
        storageClass: "fast-ssd",
        nodeSelector: "disktype=ssd,topology.kubernetes.io/zone=eu-1a",
        running: "false",
        label: ["tier=web", "app="],
      }),
    ],
    [
      "vm create (template)",
      vm("web-3", { cpus: "1", memory: "512Mi", template: "ubuntu-22-04" }),
    ],
    ...(["start", "stop", "restart", "delete"] as const).map((op): [string, Manifest<unknown>] => [
      `vm ${op}`,
      buildVmOperation({
        operation: op,
        vm: "web-1",
        namespace,
        ...(op === "stop" && { force: true }),
      }),
    ]),
    ["vm clone", clone("web-1", { target: "web-9", linked: true })],
    [
      "vm clone --from-snapshot",
      clone("web-1", {
        target: "web-10",
        targetNamespace: "staging",
        start: true,
        fromSnapshot: "web-1-snap-abcde",
      }),
    ],
    ["vm migrate", migrate("web-1", { targetNode: "node-2" })],
    [
      "vm migrate (tuned)",
      migrate("web-1", {
        targetNode: "node-2",
        bandwidth: "100Mbps",
        autoConverge: false,
        postCopy: true,
      }),
    ],
    [
      "vm migrate --offline",
      migrate("web-1", { targetNode: "node-2", offline: true }),
    ],
    ["vm resize --cpus", resize("web-1", { cpus: "8" })],
    [
      "vm resize --memory --hotplug",
      resize("web-1", { memory: "16Gi", hotplug: true }),
    ],
    [
      "snapshot operation",
      buildVmOperation({
        operation: "snapshot",
        vm: "web-1",
        namespace,
        snapshot: {
          name: "web-1-pre",
          description: "pre-upgrade",
          includeMemory: true,
          quiesce: false,
        },
      }),
    ],
    ["snapshot create (minimal)", snapshot("web-1", {})],
    [
      "snapshot create (all options)",
      snapshot("web-1", {
        name: "web-1-before-upgrade",
        includeMemory: true,
        quiesce: false,
        keepDays: "7",
        description: "before upgrade",
      }),
    ],
    [
      "backup create (minimal)",
      backupJob("db", { destType: "local" }),
    ],
    [
      "backup create (all options)",
      backupJob("db", { ...backup, name: "db-manual" }),
    ],
    [
      "restore create (minimal)",
      restore({ backup: "db-manual", vm: "db" }),
    ],
    [
      "restore create (all options)",
      restore({
        backup: "db-manual",
        vm: "db-restored",
        powerOn: true,
        overwrite: true,
        provider: "kubevirt",
        name: "restore-db-1",
      }),
    ],
    [
      "schedule create (minimal)",
      schedule("nightly", { cron: "0 2 * * *", vm: "db", destType: "nfs" }),
    ],
    [
      "schedule create (ranges, names, all options)",
      schedule("weekdays", {
        ...backup,
        cron: "*/15 9-17 * JAN-MAR MON-FRI",
        vm: "db",
        timezone: "Europe/Berlin",
        concurrency: "Replace",
        suspend: true,
        keepSuccessful: "5",
        keepFailed: "0",
        startingDeadline: "5m",
      }),
    ],
    [
      "schedule create (@daily)",
      schedule("daily", {
        cron: "@daily",
        vm: "db",
        destType: "gcs",
        bucket: "b",
      }),
    ],
  ];
}

apiServerTest(
  "every built manifest passes the real server's schema (server dry run)",
  async (server, t) => {
    const namespace = freshNamespace("manifests");
    for (const [name, m] of manifests(namespace)) {
      await t.step(name, async () => {
        const run = await dryRun(server, m);
        assert.equal(run.code, 0, `kubectl failed for ${name}:\n${run.stderr}\n${stringify(m)}`);
        assert.equal(run.stderr, "", "no warnings (unknown or duplicate fields)");
        const returned = JSON.parse(run.stdout);
        assertSubset(returned, { apiVersion: m.apiVersion, kind: m.kind, spec: m.spec });
        assertSubset(returned.metadata, { namespace });
        assert.deepEqual(returned.metadata.labels, m.metadata.labels);
        if (m.metadata.generateName !== undefined) {
          assert.match(
            returned.metadata.name,
            new RegExp(`^${m.metadata.generateName}[a-z0-9]{5}$`),
          );
        } else {
          assert.equal(returned.metadata.name, m.metadata.name);
        }
      });
    }
  },
);

apiServerTest(
  "the server dry run can fail: a hand-built VM with cpus 0 is rejected",
  async (server) => {
    const namespace = freshNamespace("manifests-neg");
    const good = buildVirtualMachine(
      orThrow(checkVmCreate("neg-1", { cpus: "1", memory: "1Gi" })),
      namespace,
    );
    const bad = { ...good, spec: { ...good.spec, cpus: 0 } };
    const run = await dryRun(server, bad);
    assert.notEqual(run.code, 0, "cpus 0 must be rejected");
    assert.match(run.stderr, /spec\.cpus/);

    // Strict validation is on: an unknown field is an error, not a silent prune.
    const op = buildVmOperation({
      operation: "clone",
      vm: "neg-1",
      namespace,
      ...orThrow(checkClone("neg-1", { target: "neg-2" }, namespace)),
    });
    const unknown = {
      ...op,
      spec: { ...op.spec, cloneSpec: { ...op.spec.cloneSpec, bogus: true } },
    };
    const strict = await dryRun(server, unknown);
    assert.notEqual(strict.code, 0, "unknown fields must be rejected");
    assert.match(strict.stderr, /bogus/);
  },
);
