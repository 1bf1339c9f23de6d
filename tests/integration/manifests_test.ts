/**
 * Every manifest the builders in src/core/manifests produce is accepted by the real API server's
 * schema (deploy/crds/), with strict field validation and nothing pruned, as printed by
 * `--dry-run=client -o yaml` and sent by kubectl 1.33 with `--dry-run=server`.
 * @module
 */

import assert from "node:assert/strict";
import { stringify } from "yaml";
import {
  buildBackupJob,
  buildBackupSchedule,
  buildRestoreJob,
  buildVirtualMachine,
  buildVmOperation,
  buildVmSnapshot,
  type Manifest,
  parseBackupCreate,
  parseClone,
  parseMigrate,
  parsePowerOperation,
  parseResize,
  parseRestoreCreate,
  parseScheduleCreate,
  parseSnapshotCreate,
  parseVmCreate,
} from "../../src/core/manifests/mod.ts";
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
  const ns = { namespace };
  const backup = {
    ...ns,
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
      buildVirtualMachine(parseVmCreate("web-1", { ...ns, cpus: "2", memory: "4Gi" })),
    ],
    [
      "vm create (image, disk, node selector, labels, stopped)",
      buildVirtualMachine(parseVmCreate("web-2", {
        ...ns,
        cpus: "128",
        memory: "1.5Gi",
        image: "https://images.example.com/ubuntu.qcow2",
        diskSize: "40Gi",
        storageClass: "fast-ssd",
        nodeSelector: "disktype=ssd,topology.kubernetes.io/zone=eu-1a",
        running: "false",
        label: ["tier=web", "app="],
      })),
    ],
    [
      "vm create (template)",
      buildVirtualMachine(
        parseVmCreate("web-3", { ...ns, cpus: "1", memory: "512Mi", template: "ubuntu-22-04" }),
      ),
    ],
    ...(["start", "stop", "restart", "delete"] as const).map((op): [string, Manifest<unknown>] => [
      `vm ${op}`,
      buildVmOperation(parsePowerOperation(op, "web-1", { ...ns, force: op === "stop" })),
    ]),
    ["vm clone", buildVmOperation(parseClone("web-1", { ...ns, target: "web-9", linked: true }))],
    [
      "vm clone --from-snapshot",
      buildVmOperation(parseClone("web-1", {
        ...ns,
        target: "web-10",
        targetNamespace: "staging",
        start: true,
        fromSnapshot: "web-1-snap-abcde",
      })),
    ],
    ["vm migrate", buildVmOperation(parseMigrate("web-1", { ...ns, targetNode: "node-2" }))],
    [
      "vm migrate (tuned)",
      buildVmOperation(parseMigrate("web-1", {
        ...ns,
        targetNode: "node-2",
        bandwidth: "100Mbps",
        autoConverge: false,
        postCopy: true,
      })),
    ],
    [
      "vm migrate --offline",
      buildVmOperation(parseMigrate("web-1", { ...ns, targetNode: "node-2", offline: true })),
    ],
    ["vm resize --cpus", buildVmOperation(parseResize("web-1", { ...ns, cpus: "8" }))],
    [
      "vm resize --memory --hotplug",
      buildVmOperation(parseResize("web-1", { ...ns, memory: "16Gi", hotplug: true })),
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
    ["snapshot create (minimal)", buildVmSnapshot(parseSnapshotCreate("web-1", ns))],
    [
      "snapshot create (all options)",
      buildVmSnapshot(parseSnapshotCreate("web-1", {
        ...ns,
        name: "web-1-before-upgrade",
        includeMemory: true,
        quiesce: false,
        keepDays: "7",
        description: "before upgrade",
      })),
    ],
    [
      "backup create (minimal)",
      buildBackupJob(parseBackupCreate("db", { ...ns, destType: "local" })),
    ],
    [
      "backup create (all options)",
      buildBackupJob(parseBackupCreate("db", { ...backup, name: "db-manual" })),
    ],
    [
      "restore create (minimal)",
      buildRestoreJob(parseRestoreCreate({ ...ns, backup: "db-manual", vm: "db" })),
    ],
    [
      "restore create (all options)",
      buildRestoreJob(parseRestoreCreate({
        ...ns,
        backup: "db-manual",
        vm: "db-restored",
        powerOn: true,
        overwrite: true,
        provider: "kubevirt",
        name: "restore-db-1",
      })),
    ],
    [
      "schedule create (minimal)",
      buildBackupSchedule(
        parseScheduleCreate("nightly", { ...ns, cron: "0 2 * * *", vm: "db", destType: "nfs" }),
      ),
    ],
    [
      "schedule create (ranges, names, all options)",
      buildBackupSchedule(parseScheduleCreate("weekdays", {
        ...backup,
        cron: "*/15 9-17 * JAN-MAR MON-FRI",
        vm: "db",
        timezone: "Europe/Berlin",
        concurrency: "Replace",
        suspend: true,
        keepSuccessful: "5",
        keepFailed: "0",
        startingDeadline: "5m",
      })),
    ],
    [
      "schedule create (@daily)",
      buildBackupSchedule(
        parseScheduleCreate("daily", {
          ...ns,
          cron: "@daily",
          vm: "db",
          destType: "gcs",
          bucket: "b",
        }),
      ),
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
      parseVmCreate("neg-1", { namespace, cpus: "1", memory: "1Gi" }),
    );
    const bad = { ...good, spec: { ...good.spec, cpus: 0 } };
    const run = await dryRun(server, bad);
    assert.notEqual(run.code, 0, "cpus 0 must be rejected");
    assert.match(run.stderr, /spec\.cpus/);

    // Strict validation is on: an unknown field is an error, not a silent prune.
    const op = buildVmOperation(parseClone("neg-1", { namespace, target: "neg-2" }));
    const unknown = {
      ...op,
      spec: { ...op.spec, cloneSpec: { ...op.spec.cloneSpec, bogus: true } },
    };
    const strict = await dryRun(server, unknown);
    assert.notEqual(strict.code, 0, "unknown fields must be rejected");
    assert.match(strict.stderr, /bogus/);
  },
);
