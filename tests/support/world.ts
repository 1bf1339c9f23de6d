/**
 * One object of every kind, settled by the operator, for the end-to-end suites that read them all
 * (describe, tables): a VM with an operation, a snapshot, a backup, a restore of it, a schedule
 * and a template.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun, type Noun } from "../../src/core/kinds.ts";
import { getString, type KubeObject } from "../../src/core/types.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl } from "./cli.ts";
import type { Target } from "./targets.ts";

/** Poll until `name` of `noun` reaches one of `phases` (the operator runs at its fast pace). */
async function settle(t: Target, noun: Noun, name: string, phases: string[]): Promise<KubeObject> {
  const ref = refFor(kindByNoun(noun), t.namespace);
  let last: KubeObject | undefined;
  for (let i = 0; i < 600; i++) { // up to 30 s: suites share 2 cores
    last = await t.api.get(ref, name).catch(() => undefined);
    if (phases.includes(getString(last, ["status", "phase"]) ?? "")) return last!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `${noun} ${name} did not reach ${phases.join("|")}: ${JSON.stringify(last?.status)}`,
  );
}

/** Run hyperctl and return the name out of `kind.group/NAME created`. */
async function created(t: Target, args: string[]): Promise<string> {
  const r = await hyperctl(args, { kubeconfig: t.kubeconfig });
  assert.equal(r.code, 0, r.stderr);
  const m = r.stdout.match(/^[\w.]+\/([\w.-]+) created$/m);
  assert.ok(m, r.stdout);
  return m[1];
}

export interface World {
  op: string;
  snapshot: string;
  backup: string;
  restore: string;
}

/** A VM with an operation, a snapshot, a backup, a restore of it, a schedule and a template. */
export async function seedWorld(t: Target): Promise<World> {
  await t.api.create(refFor(kindByNoun("vm"), t.namespace), {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: { name: "web-1", labels: { tier: "web" } },
    spec: { cpus: 2, memory: "4Gi", image: { source: "https://images.example/u.qcow2" } },
  });
  await t.api.create(refFor(kindByNoun("template"), t.namespace), {
    apiVersion: API_VERSION,
    kind: "VMTemplate",
    metadata: { name: "ubuntu" },
    spec: { displayName: "Ubuntu 24.04", image: { source: "https://images.example/u.qcow2" } },
  });
  await t.api.create(refFor(kindByNoun("vm"), t.namespace), {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: { name: "from-template" },
    spec: { cpus: 1, memory: "1Gi", running: false, image: { templateRef: { name: "ubuntu" } } },
  });
  await settle(t, "vm", "web-1", ["Running"]);
  const op = await created(t, ["vm", "restart", "web-1"]);
  await settle(t, "op", op, ["Succeeded"]);
  const snapshot = await created(t, ["snapshot", "create", "web-1"]);
  await settle(t, "snapshot", snapshot, ["Ready"]);
  const backup = await created(t, [
    "backup",
    "create",
    "web-1",
    "--dest-type",
    "s3",
    "--bucket",
    "vault",
  ]);
  await settle(t, "backup", backup, ["Completed"]);
  const restore = await created(t, ["restore", "create", "--backup", backup, "--vm", "web-1-copy"]);
  await settle(t, "restore", restore, ["Completed"]);
  await created(t, [
    "schedule",
    "create",
    "nightly",
    "--cron",
    "0 2 * * *",
    "--vm",
    "web-1",
    "--dest-type",
    "s3",
    "--bucket",
    "vault",
  ]);
  return { op, snapshot, backup, restore };
}
