/**
 * Properties over the whole folder: whatever flags arrive, a check either returns usage errors
 * (InputError, exit 2) or the built manifest is complete and free of null/undefined.
 */
import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isLeft } from "fp-ts/Either";
import type { Validation } from "../validation.ts";
import {
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
  type Manifest,
} from "./mod.ts";

/** Paths of every undefined or null value (and non-finite number) inside a value. */
function emptyPaths(value: unknown, path = "$"): string[] {
  if (value === undefined || value === null) return [path];
  if (typeof value === "number" && !Number.isFinite(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyPaths(v, `${path}[${i}]`));
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => emptyPaths(v, `${path}.${k}`));
  }
  return [];
}

function checkManifest(m: Manifest<unknown>): void {
  assert.deepEqual(emptyPaths(m), []);
  assert.equal(m.apiVersion, "hypersdk.io/v1alpha1");
  assert.equal(typeof m.kind, "string");
  assert.equal("status" in m, false);
  assert.equal(typeof m.metadata.namespace, "string");
  assert.equal(("name" in m.metadata) !== ("generateName" in m.metadata), true);
  assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
}

/** How many manifests were built (not rejected) by the property currently running. */
let built = 0;

/**
 * Build from a check's result: usage errors are fine (each an InputError with a message that
 * ends without a period), any exception fails the property.
 */
function buildOrProblems<A>(checked: Validation<A>, build: (a: A) => Manifest<unknown>): void {
  if (isLeft(checked)) {
    for (const e of checked.left) {
      assert.ok(e instanceof InputError, `unexpected ${String(e)}`);
      assert.doesNotMatch(e.message, /\.$/, "no trailing period");
    }
    return;
  }
  checkManifest(build(checked.right));
  built++;
}

/** Run a property and insist that a fair share of its runs built a manifest (not all rejected). */
function assertBuilds<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>): void {
  built = 0;
  fc.assert(property, { numRuns: 300 });
  assert.ok(built >= 20, `only ${built} of 300 runs built a manifest`);
}

/**
 * A flag value: mostly one of `valid` or absent, rarely one of `invalid` or arbitrary text, so
 * both the accepting and the rejecting paths are exercised in every run.
 */
const flag = (valid: string[], invalid: string[] = [], absent = 4) =>
  fc.option(
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...valid) },
      { weight: 1, arbitrary: fc.constantFrom("", ...invalid) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    { nil: undefined, freq: absent },
  );
/** Mostly absent: for flags that conflict with others (`--template` with `--image`). */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const bool = fc.option(
  fc.oneof(
    { weight: 10, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom("true", "false", "x") },
  ),
  { nil: undefined },
);
const name = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom("web-1", "db", "a".repeat(70)) },
  { weight: 1, arbitrary: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) },
);
/** The namespace is the connection's (`-n` is checked with the global flags). */
const namespace = fc.constantFrom("prod", "default");

Deno.test("property: vm create manifests never contain null or undefined", () => {
  assertBuilds(
    fc.property(
      name,
      namespace,
      fc.record({
        cpus: flag(["1", "4", "128"], ["0", "129"]),
        memory: flag(["8Gi", "1.5Gi"], ["8G", "8GB", "0Gi"]),
        image: flag(["https://x/y.img", "s3://b/k"], [], 2),
        template: rarely(flag(["ubuntu"], ["T"])),
        diskSize: flag(["20Gi"], ["20G"]),
        storageClass: flag(["fast"], [], 2),
        nodeSelector: flag(["a=b", "a=b,c="], ["x"]),
        running: bool,
        label: fc.option(
          fc.constantFrom(["a=1"], ["a=1", "b="], ["c=2,d=3", "e=4"], ["bad key=1"], [
            "a=1",
            "a=2",
          ]),
          { nil: undefined },
        ),
      }),
      (vm, ns, flags) =>
        buildOrProblems(checkVmCreate(vm, flags), (o) => buildVirtualMachine(o, ns)),
    ),
  );
});

Deno.test("property: VMOperation manifests never contain null or undefined", () => {
  assertBuilds(
    fc.property(
      fc.constantFrom("start", "stop", "restart", "delete") as fc.Arbitrary<
        "start" | "stop" | "restart" | "delete"
      >,
      fc.constantFrom("web-1", "db", "a".repeat(70)),
      namespace,
      fc.option(fc.constant(true), { nil: undefined }),
      (operation, vm, ns, force) => {
        checkManifest(buildVmOperation({ operation, vm, namespace: ns, force }));
        built++;
      },
    ),
  );
  assertBuilds(
    fc.property(
      name,
      namespace,
      fc.record({
        target: flag(["web-2"], ["web-1"]),
        targetNamespace: flag(["staging"]),
        linked: bool,
        start: bool,
        fromSnapshot: flag(["snap-1"]),
      }),
      (vm, ns, flags) =>
        buildOrProblems(
          checkClone(vm, flags, ns),
          (o) =>
            buildVmOperation({ operation: "clone", vm: o.vm ?? "source", namespace: ns, ...o }),
        ),
    ),
  );
  assertBuilds(
    fc.property(
      name,
      namespace,
      fc.record({
        targetNode: flag(["node-2"]),
        offline: bool,
        bandwidth: flag(["100Mbps"], ["100mbps", "0bps"]),
        autoConverge: bool,
        postCopy: bool,
      }),
      (vm, ns, flags) =>
        buildOrProblems(
          checkMigrate(vm, flags),
          (o) =>
            buildVmOperation({ operation: "migrate", vm: o.vm ?? "picked", namespace: ns, ...o }),
        ),
    ),
  );
  assertBuilds(
    fc.property(
      name,
      namespace,
      fc.record({
        cpus: flag(["2"], ["0"]),
        memory: flag(["4Gi"], ["4G"]),
        hotplug: bool,
      }),
      (vm, ns, flags) =>
        buildOrProblems(
          checkResize(vm, flags),
          (o) =>
            buildVmOperation({ operation: "resize", vm: o.vm ?? "picked", namespace: ns, ...o }),
        ),
    ),
  );
});

Deno.test("property: snapshot, backup, restore and schedule manifests never contain null or undefined", () => {
  assertBuilds(
    fc.property(
      name,
      namespace,
      fc.record({
        name: flag(["snap-1"]),
        includeMemory: bool,
        quiesce: bool,
        keepDays: flag(["7"], ["0"]),
        description: flag(["before upgrade"], [" "]),
      }),
      (vm, ns, flags) =>
        buildOrProblems(checkSnapshotCreate(vm, flags), (o) => buildVmSnapshot(o, ns)),
    ),
  );
  const backupFlags = {
    destType: flag(["s3", "azure-blob", "gcs", "local", "nfs"], ["azure"]),
    bucket: flag(["b"], ["s3://b/p"]),
    prefix: flag(["p/q"]),
    region: flag(["eu-1"]),
    endpoint: flag(["https://minio:9000"], ["minio"]),
    credentialsSecret: flag(["creds"]),
    format: flag(["ova", "QCOW2"], ["zip"]),
    compress: bool,
    provider: flag(["kubevirt", "vsphere"]),
    carbonAware: bool,
  };
  assertBuilds(
    fc.property(
      name,
      namespace,
      fc.record({ ...backupFlags, name: flag(["b-1"]) }),
      (vm, ns, flags) =>
        buildOrProblems(checkBackupCreate(vm, flags), (o) => buildBackupJob(o, ns)),
    ),
  );
  assertBuilds(
    fc.property(
      namespace,
      fc.record({
        backup: flag(["b-1"]),
        vm: flag(["db"]),
        powerOn: bool,
        overwrite: bool,
        provider: flag(["aws"]),
        name: flag(["r-1"]),
      }),
      (ns, flags) => buildOrProblems(checkRestoreCreate(flags), (o) => buildRestoreJob(o, ns)),
    ),
  );
  assertBuilds(
    fc.property(
      name,
      namespace,
      fc.record({
        ...backupFlags,
        cron: flag(["0 2 * * *", "*/5 * * * MON", "@daily"], ["61 * * * *"]),
        vm: flag(["db"]),
        timezone: flag(["UTC", "Europe/Berlin"], ["utc"]),
        concurrency: flag(["Allow", "forbid"]),
        suspend: bool,
        keepSuccessful: flag(["3"]),
        keepFailed: flag(["1"]),
        startingDeadline: flag(["300", "5m"]),
      }),
      (n, ns, flags) =>
        buildOrProblems(checkScheduleCreate(n, flags), (o) => buildBackupSchedule(o, ns)),
    ),
  );
});

/** The messages of a check's problems, or [] when it passed. */
const messages = <A>(v: Validation<A>): string[] => isLeft(v) ? v.left.map((e) => e.message) : [];

Deno.test("property: a check names the problems of several bad flags, each as it would alone", () => {
  // Independent mistakes: each one alone makes exactly one problem of an otherwise good line.
  const mistakes: [string, Record<string, string | string[]>][] = [
    ["Bad_Name", {}],
    ["web-1", { cpus: "0" }],
    ["web-1", { memory: "8GB" }],
    ["web-1", { image: "ubuntu:22.04" }],
    ["web-1", { diskSize: "20G" }],
    ["web-1", { nodeSelector: "zone" }],
    ["web-1", { label: ["a=1", "a=2"] }],
    ["web-1", { running: "nope" }],
  ];
  const good = { cpus: "4", memory: "8Gi" };
  const alone = mistakes.map(([name, flags]) =>
    messages(checkVmCreate(name, { ...good, ...flags }))
  );
  for (const one of alone) assert.equal(one.length, 1, one.join("; "));
  fc.assert(
    fc.property(fc.subarray(mistakes.map((_, i) => i), { minLength: 1 }), (chosen) => {
      const name = chosen.includes(0) ? "Bad_Name" : "web-1";
      const flags = Object.assign({}, good, ...chosen.map((i) => mistakes[i][1]));
      assert.deepEqual(messages(checkVmCreate(name, flags)), chosen.map((i) => alone[i][0]));
    }),
  );
});
