/**
 * The write path end to end through the CLI process, against the real API server (driven by the
 * simulated operator) and the sim: every operation really changes the cluster, waits end with
 * the right exit code, dry runs write nothing and print applyable manifests.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { getNumber, getString, type KubeObject } from "../../src/core/types.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";
import { until } from "../support/until.ts";

const OP = kindByNoun("op");

async function getOrUndefined(t: Target, noun: "vm" | "op" | "snapshot", name: string) {
  try {
    return await t.api.get(refFor(kindByNoun(noun), t.namespace), name);
  } catch (e) {
    if ((e as { code?: number }).code === 404) return undefined;
    throw e;
  }
}

async function runningVm(t: Target, name: string, extra: string[] = []): Promise<KubeObject> {
  const r = await hyperctl(["vm", "create", name, "--cpus", "2", "--memory", "4Gi", ...extra], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `virtualmachine.hypersdk.io/${name} created\n`);
  return await until(`${name} Running`, async () => {
    const o = await getOrUndefined(t, "vm", name);
    return getString(o, ["status", "phase"]) === "Running" ? o : undefined;
  });
}

function opFor(t: Target, vm: string, operation: string, annotations?: Record<string, string>) {
  return {
    apiVersion: API_VERSION,
    kind: "VMOperation",
    metadata: { generateName: `${vm}-${operation}-`, namespace: t.namespace, annotations },
    spec: { vmRef: { name: vm }, operation },
  };
}

e2eTest("every VM operation really happens and --wait exits 0", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  const src = await runningVm(t, "src", ["--label", "tier=web"]);
  const node = getString(src, ["status", "nodeName"])!;

  const stop = await hyperctl(["vm", "stop", "src", "--wait"], kc);
  assert.equal(stop.code, 0, stop.stderr);
  assert.match(stop.stdout, /^vmoperation\.hypersdk\.io\/src-stop-[a-z0-9]{5} created\n$/);
  assert.match(stop.stderr, /Phase: Succeeded, Progress: 100%/);
  assert.equal((await getOrUndefined(t, "vm", "src"))?.spec?.["running" as never], false);

  const start = await hyperctl(["vm", "start", "src", "--wait", "--progress", "none"], kc);
  assert.equal(start.code, 0, start.stderr);
  assert.equal(start.stderr, "");
  await until("src Running again", async () => {
    const o = await getOrUndefined(t, "vm", "src");
    return getString(o, ["status", "phase"]) === "Running" ? o : undefined;
  });

  const clone = await hyperctl(["vm", "clone", "src", "--target", "copy", "--start", "--wait"], kc);
  assert.equal(clone.code, 0, clone.stderr);
  assert.match(clone.stderr, /Cloning VM configuration/);
  const copy = await getOrUndefined(t, "vm", "copy");
  assert.equal(getNumber(copy, ["spec", "cpus"]), 2);
  assert.equal(copy?.metadata?.labels?.tier, "web");

  const others = ["node-1", "node-2", "node-3"].filter((n) => n !== node);
  const migrate = await hyperctl(
    ["vm", "migrate", "src", "--target-node", others[0], "--wait"],
    kc,
  );
  assert.equal(migrate.code, 0, migrate.stderr);
  assert.equal(getString(await getOrUndefined(t, "vm", "src"), ["status", "nodeName"]), others[0]);

  const resize = await hyperctl(["vm", "resize", "src", "--memory", "8Gi", "--wait"], kc);
  assert.equal(resize.code, 0, resize.stderr);
  const resized = await getOrUndefined(t, "vm", "src");
  assert.equal(getString(resized, ["spec", "memory"]), "8Gi");
  assert.equal(getNumber(resized, ["spec", "cpus"]), 2, "only what was given changes");

  const snap = await hyperctl(
    ["snapshot", "create", "src", "--name", "s1", "--wait", "-o", "json"],
    kc,
  );
  assert.equal(snap.code, 0, snap.stderr);
  const s1 = JSON.parse(snap.stdout);
  assert.equal(s1.status.phase, "Ready");
  assert.equal(s1.status.readyToRestore, true);

  const backup = await hyperctl(
    ["backup", "create", "src", "--bucket", "vault", "--name", "b1", "--wait", "-o", "json"],
    kc,
  );
  assert.equal(backup.code, 0, backup.stderr);
  const b1 = JSON.parse(backup.stdout);
  assert.equal(b1.status.phase, "Completed");
  assert.match(b1.status.outputPath, /^s3:\/\/vault\//);

  const restore = await hyperctl(
    ["restore", "create", "--backup", "b1", "--vm", "back", "--wait"],
    kc,
  );
  assert.equal(restore.code, 0, restore.stderr);
  assert.ok(await getOrUndefined(t, "vm", "back"), "the restored VM exists");

  const del = await hyperctl(["vm", "delete", "copy", "--yes", "--wait"], kc);
  assert.equal(del.code, 0, del.stderr);
  assert.equal(del.stdout, 'virtualmachine.hypersdk.io "copy" deleted\n');
  assert.equal(await getOrUndefined(t, "vm", "copy"), undefined);

  const refuse = await hyperctl(["vm", "delete", "src"], kc);
  assert.equal(refuse.code, 2);
  assert.match(refuse.stderr, /without --yes/);
  assert.ok(await getOrUndefined(t, "vm", "src"), "nothing deleted without --yes");
});

e2eTest("several targets get one operation each; the exit code is the worst", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  await runningVm(t, "w1", ["--label", "tier=web"]);
  await runningVm(t, "w2", ["--label", "tier=web"]);
  const r = await hyperctl(["vm", "restart", "-l", "tier=web", "--wait"], kc);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split("\n").length, 2);
  assert.match(r.stderr, /w1 restart: .*Succeeded/);
  assert.match(r.stderr, /w2 restart: .*Succeeded/);
  const ops = await t.api.list(refFor(OP, t.namespace));
  assert.equal(ops.items.length, 2);
  assert.notEqual(ops.items[0].metadata?.name, ops.items[1].metadata?.name);
});

e2eTest("a failed operation exits 4, a hanging one 3, a deleted one 1", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  await runningVm(t, "f1");
  const ref = refFor(OP, t.namespace);

  const failing = await t.api.create(
    ref,
    opFor(t, "f1", "stop", { "sim.hypersdk.io/fault": "fail" }),
  );
  const fail = await hyperctl(["op", "wait", failing.metadata!.name!], kc);
  assert.equal(fail.code, 4, fail.stderr);
  assert.match(fail.stderr, /error: .*Failed: Operation failed: injected fault/);

  const hanging = await t.api.create(
    ref,
    opFor(t, "f1", "restart", { "sim.hypersdk.io/fault": "hang" }),
  );
  const name = hanging.metadata!.name!;
  const late = await hyperctl(["op", "wait", name, "--timeout", "2s"], kc);
  assert.equal(late.code, 3, late.stderr);
  assert.match(late.stderr, new RegExp(`resume with: hyperctl op wait ${name} -n ${t.namespace}`));

  const detached = await hyperctl(["op", "wait", name], {
    ...kc,
    killAfterMs: 2000,
    signal: "SIGINT",
  });
  assert.equal(detached.code, 130, detached.stderr);
  assert.match(
    detached.stderr,
    new RegExp(`keeps running[^]*hyperctl op wait ${name} -n ${t.namespace}`),
  );
  assert.ok(await getOrUndefined(t, "op", name), "Ctrl+C only detaches");

  const waiting = hyperctl(["op", "wait", name, "--timeout", "60s"], kc);
  await new Promise((r) => setTimeout(r, 1500));
  await t.api.delete(ref, name);
  const gone = await waiting;
  assert.equal(gone.code, 1, gone.stderr);
  assert.match(gone.stderr, /was deleted/);
});

e2eTest("a wait survives its watch being cut and notices completion quickly", async (t) => {
  await runningVm(t, "c1");
  const ref = refFor(OP, t.namespace);
  const op = await t.api.create(
    ref,
    opFor(t, "c1", "restart", { "sim.hypersdk.io/fault": "hang" }),
  );
  const name = op.metadata!.name!;
  await until("op hanging in Running", async () => {
    const o = await t.api.get(ref, name);
    return getString(o, ["status", "phase"]) === "Running" ? o : undefined;
  });
  const waiting = hyperctl(["op", "wait", name, "--timeout", "60s", "-o", "json"], {
    kubeconfig: t.kubeconfig,
  });
  await new Promise((r) => setTimeout(r, 1500));
  for (let i = 0; i < 3; i++) {
    t.dropWatches?.();
    await new Promise((r) => setTimeout(r, 300));
  }
  const changed = Date.now();
  await t.api.patch(ref, name, { status: { phase: "Succeeded", progress: 100 } }, {
    type: "merge",
    subresource: "status",
  });
  const r = await waiting;
  const reaction = Date.now() - changed;
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).status.phase, "Succeeded");
  console.error(
    `[${t.name}] op wait exited ${reaction} ms after the status change (incl. process exit)`,
  );
});

e2eTest("--dry-run writes nothing and prints manifests kubectl applies", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  const client = await hyperctl(
    ["vm", "create", "dry", "--cpus", "2", "--memory", "2Gi", "--dry-run=client", "-o", "yaml"],
    kc,
  );
  assert.equal(client.code, 0, client.stderr);
  const server = await hyperctl(
    ["vm", "create", "dry", "--cpus", "2", "--memory", "2Gi", "--dry-run=server", "-o", "json"],
    kc,
  );
  assert.equal(server.code, 0, server.stderr);
  assert.equal(JSON.parse(server.stdout).spec.running, true, "server defaults applied");
  assert.equal(await getOrUndefined(t, "vm", "dry"), undefined, "nothing was created");

  const applied = await kubectl(["apply", "-f", "-"], t.kubeconfig, client.stdout);
  assert.equal(applied.code, 0, applied.stderr);
  const made = await getOrUndefined(t, "vm", "dry");
  assert.deepEqual(
    { cpus: getNumber(made, ["spec", "cpus"]), memory: getString(made, ["spec", "memory"]) },
    { cpus: 2, memory: "2Gi" },
  );

  const op = await hyperctl(["vm", "stop", "dry", "--dry-run=client", "-o", "yaml"], kc);
  assert.equal(op.code, 0, op.stderr);
  assert.match(op.stdout, /name: dry-stop-[a-z0-9]{5}\n/);
  assert.equal((await t.api.list(refFor(OP, t.namespace))).items.length, 0);
  const opApplied = await kubectl(["apply", "-f", "-"], t.kubeconfig, op.stdout);
  assert.equal(opApplied.code, 0, opApplied.stderr);
});

e2eTest(
  "schedule create validates cron, prints the next runs; suspend/resume patch it",
  async (t) => {
    const kc = { kubeconfig: t.kubeconfig };
    const bad = await hyperctl([
      "schedule",
      "create",
      "n",
      "--cron",
      "61 * * * *",
      "--vm",
      "x",
      "--bucket",
      "b",
    ], kc);
    assert.equal(bad.code, 2);
    const line = ["schedule", "create", "nightly", "--cron", "0 2 * * 1-5", "--vm", "x"];
    const noVm = await hyperctl([...line, "--bucket", "b"], kc);
    assert.equal(noVm.code, 1, noVm.stderr);
    assert.equal(
      noVm.stderr,
      `error: virtualmachines.hypersdk.io "x" not found in namespace "${t.namespace}"\n`,
    );
    const created = await hyperctl(["vm", "create", "x", "--cpus", "1", "--memory", "1Gi"], kc);
    assert.equal(created.code, 0, created.stderr);
    const ok = await hyperctl([...line, "--bucket", "b"], kc);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /next runs \(UTC\): (\d{4}-\d\d-\d\dT02:00:00Z(, )?){3}\n/);
    const quiet = await hyperctl(
      [
        "schedule",
        "create",
        "weekly",
        "--cron",
        "0 3 * * 0",
        "--vm",
        "x",
        "--bucket",
        "b",
        "--next-runs",
        "0",
      ],
      kc,
    );
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.doesNotMatch(quiet.stderr, /next runs/);
    const s = await hyperctl(["schedule", "suspend", "nightly"], kc);
    assert.equal(s.code, 0, s.stderr);
    const bs = await t.api.get(refFor(kindByNoun("schedule"), t.namespace), "nightly");
    assert.equal((bs.spec as { suspend?: boolean }).suspend, true);
  },
);

e2eTest(
  "operations on missing objects or with missing sources are a clear 404, a second create a 409",
  async (t) => {
    const kc = { kubeconfig: t.kubeconfig };
    for (
      const args of [
        ["vm", "clone", "ghost", "--target", "x"],
        ["vm", "stop", "ghost"],
        ["snapshot", "create", "ghost"],
        ["backup", "create", "ghost", "--dest-type", "s3", "--bucket", "b"],
      ]
    ) {
      const r = await hyperctl(args, kc);
      assert.equal(r.code, 1, `${args.join(" ")}: ${r.stderr}`);
      assert.equal(
        r.stderr,
        `error: virtualmachines.hypersdk.io "ghost" not found in namespace "${t.namespace}"\n`,
      );
    }
    assert.equal((await t.api.list(refFor(OP, t.namespace))).items.length, 0, "nothing created");
    await runningVm(t, "dup");
    const again = await hyperctl(["vm", "create", "dup", "--cpus", "1", "--memory", "1Gi"], kc);
    assert.equal(again.code, 1);
    assert.equal(
      again.stderr,
      `error: virtualmachines.hypersdk.io "dup" already exists in namespace "${t.namespace}"\n`,
    );
    const noTemplate = await hyperctl(
      ["vm", "create", "from-t", "--cpus", "1", "--memory", "1Gi", "--template", "gone"],
      kc,
    );
    assert.equal(noTemplate.code, 1, noTemplate.stderr);
    assert.equal(
      noTemplate.stderr,
      `error: vmtemplates.hypersdk.io "gone" not found in namespace "${t.namespace}"\n`,
    );
    // A clone from a snapshot: the snapshot must exist and be of the VM named.
    const ghostSnap = await hyperctl([
      "vm",
      "clone",
      "dup",
      "--from-snapshot",
      "gone",
      "--target",
      "x",
    ], kc);
    assert.equal(ghostSnap.code, 1, ghostSnap.stderr);
    assert.equal(
      ghostSnap.stderr,
      `error: vmsnapshots.hypersdk.io "gone" not found in namespace "${t.namespace}"\n`,
    );
    await t.api.create(refFor(kindByNoun("snapshot"), t.namespace), {
      apiVersion: API_VERSION,
      kind: "VMSnapshot",
      metadata: { name: "of-other" },
      spec: { vmRef: { name: "other" } },
    });
    const other = await hyperctl([
      "vm",
      "clone",
      "dup",
      "--from-snapshot",
      "of-other",
      "--target",
      "x",
    ], kc);
    assert.equal(other.code, 2, other.stderr);
    assert.match(other.stderr, /^error: snapshot "of-other" was taken of VM "other", not "dup"/);
    assert.equal((await t.api.list(refFor(OP, t.namespace))).items.length, 0, "nothing created");
  },
);

e2eTest(
  "a command line with several problems names them all on one line, exit 2, nothing sent",
  async (t) => {
    const kc = { kubeconfig: t.kubeconfig };
    const line = ["vm", "create", "Bad_Name", "--cpus", "0", "--memory", "4G"];
    const r = await hyperctl(line, kc);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr.split("\n").length, 2, r.stderr);
    assert.match(
      r.stderr,
      /^error: invalid VM name "Bad_Name": .*; --cpus must be an integer from 1 to 128, got "0"; --memory "4G" .*did you mean "4Gi"\?\n$/,
    );
    // -v logs every request (and adds a stack trace): there is none to log.
    const verbose = await hyperctl([...line, "-v"], kc);
    assert.equal(verbose.code, 2);
    assert.doesNotMatch(verbose.stderr, /\b(GET|POST) https?:/, "no request was sent");

    const restore = await hyperctl(["restore", "create", "--provider", "kvm"], kc);
    assert.equal(restore.code, 2);
    assert.match(
      restore.stderr,
      /^error: restore create needs --backup; restore create needs --vm; --provider "kvm" /,
    );
  },
);

e2eTest(
  "switches not given add nothing to the manifest (no format, no migration tuning)",
  async (t) => {
    const kc = { kubeconfig: t.kubeconfig };
    const backup = await hyperctl(
      ["backup", "create", "db", "--dest-type", "local", "--dry-run=client", "-o", "json"],
      kc,
    );
    assert.equal(backup.code, 0, backup.stderr);
    assert.deepEqual(JSON.parse(backup.stdout).spec.destination, { type: "local" });
    assert.equal(JSON.parse(backup.stdout).spec.format, undefined);
    const migrate = await hyperctl(
      ["vm", "migrate", "db", "--target-node", "node-2", "--dry-run=client", "-o", "json"],
      kc,
    );
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.deepEqual(JSON.parse(migrate.stdout).spec.migrateSpec, {
      targetNode: "node-2",
      live: true,
    });
  },
);
