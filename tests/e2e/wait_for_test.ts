/**
 * `hyperctl wait` side by side with `kubectl wait` (1.33) on the same objects: the same command
 * lines give the same stdout and, where kubectl has no distinct code, the same outcome; where
 * kubectl sits out its timeout on a failed object, hyperctl stops early with exit 4.
 */
import assert from "node:assert/strict";
import { FAULT_ANNOTATION } from "../../src/sim/operator/faults.ts";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { buildVirtualMachine, checkVmCreate } from "../../src/core/manifests/mod.ts";
import { orThrow } from "../../src/core/validation.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const VM = kindByNoun("vm");

async function seed(
  t: Target,
  name: string,
  options: { running?: boolean; labels?: string; annotations?: Record<string, string> } = {},
): Promise<void> {
  const manifest = buildVirtualMachine(
    orThrow(checkVmCreate(name, {
      cpus: "1",
      memory: "1Gi",
      running: options.running ?? true,
      label: options.labels,
    })),
    t.namespace,
  );
  manifest.metadata.annotations = options.annotations;
  await t.api.create(refFor(VM, t.namespace), manifest);
}

/** Wait with hyperctl until a VM is Running, so both clients start from the same state. */
async function running(t: Target, ...names: string[]): Promise<void> {
  const r = await hyperctl(
    ["wait", "vm", ...names, "--for", "phase=Running", "--timeout", "60s"],
    { kubeconfig: t.kubeconfig },
  );
  assert.equal(r.code, 0, r.stderr);
}

e2eTest("wait: the same command lines give kubectl's stdout and outcome", async (t) => {
  // A label of this namespace's own, so -A sees only these VMs on a shared server.
  await seed(t, "w-1", { labels: `tier=web,parity=${t.namespace}` });
  await seed(t, "w-2", { labels: `tier=web,parity=${t.namespace}` });
  await running(t, "w-1", "w-2");
  const same: string[][] = [
    ["wait", "vm/w-1", "--for=condition=Ready"],
    ["wait", "vm/w-1", "--for=condition=ready=true"],
    ["wait", "vm", "w-1", "w-2", "--for=jsonpath={.status.phase}=Running"],
    ["wait", "vm", "--all", "--for=condition=Ready", "--timeout=20s"],
    ["wait", "vm", "-l", "tier=web", "--for=jsonpath={.spec.cpus}=1"],
    ["wait", "vm", "-A", "-l", `parity=${t.namespace}`, "--for=condition=Ready"],
    ["wait", "vms", "w-2", "--for=jsonpath={.status.phase}"],
    ["wait", "virtualmachines.hypersdk.io", "w-1", "--for=jsonpath=.spec.running=true"],
    ["wait", "vm", "w-1", "--for=jsonpath={.status.ipAddresses[0]}"],
    ["wait", "vm", "w-1", "--for=jsonpath={.status.ipAddresses}"],
    ["wait", "vm", "w-1", '--for=jsonpath={.status.conditions[?(@.type=="Ready")].status}=True'],
    ["wait", "vm", "w-1", "--for=jsonpath={.status.conditions[0:1].status}=True"],
    ["wait", "vm", "w-1", "--for=jsonpath={.status.ipAddresses[*]}"],
    ["wait", "vm", "w-1", "--for=jsonpath={.status.ipAddresses[-1:]}"],
    ["wait", "vm", "w-1", "--for=jsonpath={.metadata.labels.tier}='web'"],
    ["wait", "vm", "w-1", "--for=jsonpath={.metadata.labels['tier']}=web"],
    ["wait", "vm", "w-1", "--for=jsonpath=metadata.name=w-1"],
    ["wait", "vm", "w-1", "--for=jsonpath={.spec}"],
    ["wait", "vm", "w-1", "--for=jsonpath={.status.phase}=Running", "--timeout=0"],
    ["wait", "vm", "w-1", "w-2", "--for=create"],
    // kubectl 1.33 keeps the last --for given, and so does hyperctl.
    ["wait", "vm", "w-1", "--for=jsonpath={.status.phase}=Stopped", "--for=condition=Ready"],
    ["wait", "vm", "w-1", "--for=condition=Ready", "-o", "name"],
    ["wait", "vm", "w-1", "w-2", "--for=condition=Ready", "-o", "json"],
    ["wait", "vm", "w-2", "w-1", "--for=condition=Ready", "-o", "yaml"],
    ["wait", "vm", "nope", "--for=delete"],
    ["wait", "vm", "-l", "none=here", "--for=delete"],
    // Failures kubectl reports with exit 1, and so does hyperctl.
    ["wait", "vm", "w-1", "nope", "--for=condition=Ready"],
    ["wait", "vm", "-l", "none=here", "--for=condition=Ready"],
  ];
  for (const args of same) {
    const [want, got] = await Promise.all([
      kubectl(args, t.kubeconfig),
      hyperctl(args, { kubeconfig: t.kubeconfig }),
    ]);
    const line = args.join(" ");
    assert.equal(got.stdout, want.stdout, line);
    assert.equal(got.code, want.code, `${line}: ${got.stderr} / kubectl: ${want.stderr}`);
  }
  const never = ["wait", "vm", "never", "--for=create", "--timeout=1s"];
  const [wantNever, gotNever] = await Promise.all([
    kubectl(never, t.kubeconfig),
    hyperctl(never, { kubeconfig: t.kubeconfig }),
  ]);
  assert.equal(wantNever.code, 1);
  assert.equal(gotNever.code, 3, gotNever.stderr);
  assert.equal(gotNever.stdout, wantNever.stdout);
  // Where kubectl stops at once with an error (exit 1), hyperctl stops with the same reason and
  // exit 4: the wanted value can never come.
  const unmeetable: [string, string][] = [
    ["{.metadata.labels.*}=web", "matches more than one value"],
    ["{.status.conditions[*].type}=Ready", "matches more than one value"],
    ["{.spec}=x", "nested object or list which is not supported"],
    ["{.status.conditions[9]}", "array index out of bounds"],
  ];
  for (const [path, reason] of unmeetable) {
    const args = ["wait", "vm", "w-1", `--for=jsonpath=${path}`, "--timeout=20s"];
    const [want, got] = await Promise.all([
      kubectl(args, t.kubeconfig),
      hyperctl(args, { kubeconfig: t.kubeconfig }),
    ]);
    assert.equal(want.code, 1, want.stderr);
    assert.ok(want.stderr.includes(reason), want.stderr);
    assert.equal(got.code, 4, got.stderr);
    assert.ok(got.stderr.includes(`${path.split("=")[0]}: `), got.stderr);
    assert.ok(got.stderr.includes(reason), got.stderr);
    assert.equal(got.stdout, want.stdout);
  }
  // A timeout is exit 3 here (kubectl: 1, like any error), with the command that resumes.
  const late = [
    ["--for=jsonpath={.status.phase}=Stopped", "--timeout=1s"],
    ["--for=jsonpath={.status.phase}=Stopped", "--timeout=0"],
    ["--for=jsonpath={.status.missing.key}", "--timeout=1s"],
    ['--for=jsonpath={.status.conditions[?(@.type=="Gone")].status}', "--timeout=1s"],
    ["--for=jsonpath={.status.phase}=running", "--timeout=0"],
  ];
  for (const flags of late) {
    const args = ["wait", "vm", "w-1", ...flags];
    const [want, got] = await Promise.all([
      kubectl(args, t.kubeconfig),
      hyperctl(args, { kubeconfig: t.kubeconfig }),
    ]);
    assert.equal(want.code, 1);
    assert.equal(got.code, 3, got.stderr);
    assert.equal(got.stdout, want.stdout);
    const wanted = flags[0].slice("--for=".length).replaceAll("'", `'\\''`);
    assert.ok(
      got.stderr.includes(`resume with: hyperctl wait vm/w-1 --for '${wanted}' -n `),
      got.stderr,
    );
  }
});

e2eTest("wait follows changes: both clients see a creation, a start and a deletion", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  const forCreate = ["wait", "vm", "s-1", "--for=create", "--timeout=60s"];
  const created = Promise.all([kubectl(forCreate, t.kubeconfig), hyperctl(forCreate, kc)]);
  await new Promise((r) => setTimeout(r, 1500)); // both are waiting by now
  await seed(t, "s-1", { running: false });
  const [wantCreated, gotCreated] = await created;
  assert.equal(wantCreated.code, 0, wantCreated.stderr);
  assert.equal(gotCreated.code, 0, gotCreated.stderr);
  assert.equal(gotCreated.stdout, wantCreated.stdout);
  assert.equal(gotCreated.stdout, "virtualmachine.hypersdk.io/s-1 condition met\n");

  const stopped = await hyperctl([
    "wait",
    "vm",
    "s-1",
    "--for",
    "phase=Stopped",
    "--timeout",
    "60s",
  ], kc);
  assert.equal(stopped.code, 0, stopped.stderr);
  const forRunning = [
    "wait",
    "vm",
    "s-1",
    "--for=jsonpath={.status.phase}=Running",
    "--timeout=60s",
  ];
  const waits = Promise.all([kubectl(forRunning, t.kubeconfig), hyperctl(forRunning, kc)]);
  await new Promise((r) => setTimeout(r, 1500)); // both are watching by now
  const start = await hyperctl(["vm", "start", "s-1"], kc);
  assert.equal(start.code, 0, start.stderr);
  const [want, got] = await waits;
  assert.equal(want.code, 0, want.stderr);
  assert.equal(got.code, 0, got.stderr);
  assert.equal(got.stdout, want.stdout);
  assert.equal(got.stdout, "virtualmachine.hypersdk.io/s-1 condition met\n");

  const forDelete = ["wait", "vm/s-1", "--for=delete", "--timeout=60s"];
  const gone = Promise.all([kubectl(forDelete, t.kubeconfig), hyperctl(forDelete, kc)]);
  await new Promise((r) => setTimeout(r, 1500));
  await t.api.delete(refFor(VM, t.namespace), "s-1");
  const [wantGone, gotGone] = await gone;
  assert.equal(wantGone.code, 0, wantGone.stderr);
  assert.equal(gotGone.code, 0, gotGone.stderr);
  assert.equal(gotGone.stdout, wantGone.stdout);
});

e2eTest(
  "a Failed VM is waited on (it can come back); a finished operation only for what can change",
  async (t) => {
    const kc = { kubeconfig: t.kubeconfig };
    const ref = refFor(VM, t.namespace);
    await seed(t, "f-1", { annotations: { [FAULT_ANNOTATION]: "fail" } });
    await t.api.patch(ref, "f-1", { spec: { highAvailability: { enabled: true } } }, {
      type: "merge",
    });
    const failed = await hyperctl(
      ["wait", "vm", "f-1", "--for", "phase=Failed", "--timeout=60s"],
      kc,
    );
    assert.equal(failed.code, 0, failed.stderr);
    // kubectl sits out its timeout here too: Failed is not the end of a VM.
    const late = await hyperctl(["wait", "vm", "f-1", "--for=condition=Ready", "--timeout=2s"], kc);
    assert.equal(late.code, 3, late.stderr);
    assert.match(late.stderr, /not finished after 2s: f-1 \(Failed\)/);
    const want = await kubectl(
      ["wait", "vm", "f-1", "--for=condition=Ready", "--timeout=2s"],
      t.kubeconfig,
    );
    assert.equal(want.code, 1);
    assert.match(want.stderr, /timed out waiting for the condition/);
    const forRunning = ["wait", "vm", "f-1", "--for=condition=Ready", "--timeout=60s"];
    const forCpus = ["wait", "vm", "f-1", "--for=jsonpath={.spec.cpus}=2", "--timeout=60s"];
    const waits = Promise.all([hyperctl(forRunning, kc), hyperctl(forCpus, kc)]);
    await new Promise((r) => setTimeout(r, 1500)); // both are watching by now
    // With the fault gone, high availability restarts the VM: Pending, Creating, Running.
    await t.api.patch(ref, "f-1", {
      metadata: { annotations: { [FAULT_ANNOTATION]: null } },
      spec: { cpus: 2 },
    }, { type: "merge" });
    const [ready, cpus] = await waits;
    assert.equal(cpus.code, 0, cpus.stderr);
    assert.equal(ready.code, 0, ready.stderr);
    assert.equal(ready.stdout, "virtualmachine.hypersdk.io/f-1 condition met\n");

    const opRef = refFor(kindByNoun("op"), t.namespace);
    const opName = "f-op";
    await t.api.create(opRef, {
      apiVersion: API_VERSION,
      kind: "VMOperation",
      metadata: { name: opName, annotations: { [FAULT_ANNOTATION]: "fail" } },
      spec: { vmRef: { name: "f-1" }, operation: "restart" },
    });
    const opFailed = await hyperctl(["op", "wait", opName, "--timeout=60s"], kc);
    assert.equal(opFailed.code, 4, opFailed.stderr);
    // A phase it cannot reach any more, and a condition of a failed job: exit 4 at once.
    for (const cond of ["phase=Succeeded", "condition=Done"]) {
      const r = await hyperctl(["wait", "op", opName, "--for", cond, "--timeout=30s"], kc);
      assert.equal(r.code, 4, r.stderr);
      assert.match(r.stderr, /it is Failed: Operation failed: injected fault/);
    }
    // A label can still be added to a failed operation.
    const label = [
      "wait",
      "vmoperations.hypersdk.io",
      opName,
      "--for=jsonpath={.metadata.labels.reviewed}=yes",
      "--timeout=60s",
    ];
    const labelled = Promise.all([kubectl(label, t.kubeconfig), hyperctl(label, kc)]);
    await new Promise((r) => setTimeout(r, 1500));
    await t.api.patch(opRef, opName, { metadata: { labels: { reviewed: "yes" } } }, {
      type: "merge",
    });
    const [wantLabel, gotLabel] = await labelled;
    assert.equal(wantLabel.code, 0, wantLabel.stderr);
    assert.equal(gotLabel.code, 0, gotLabel.stderr);
    assert.equal(gotLabel.stdout, wantLabel.stdout);
  },
);

e2eTest("wait: bad input exits 2 with one line and sends nothing", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  const cases: [string[], RegExp][] = [
    [["wait", "vm", "a", "--for", "phase=Runing"], /did you mean "Running"/],
    [["wait", "vm", "a"], /wait needs --for/],
    [["wait", "vm", "--for", "delete"], /exactly one of: virtualmachine names, -l SELECTOR, --all/],
    [["wait", "pods/x", "--for", "delete"], /unknown resource type in "pods\/x"/],
    [["wait", "vm", "a", "--for", "ready"], /unrecognized --for "ready"/],
    [["wait", "vm", "a", "--for", "jsonpath={.a[?(@.b<>1)]}"], /unrecognized filter operator <>/],
    [["wait", "vm", "a", "--for", "jsonpath={.a}=b=c"], /jsonpath wait format must be/],
    // kubectl splits at the `=` of `!=` as well, so this filter cannot be written there either.
    [["wait", "vm", "a", "--for", 'jsonpath={.a[?(@.b!="x")].c}=d'], /jsonpath wait format/],
    [["wait", "vm", "a", "--for", "jsonpath={.a}{.b}"], /unexpected path string/],
  ];
  for (const [args, re] of cases) {
    const r = await hyperctl(args, kc);
    assert.equal(r.code, 2, args.join(" "));
    assert.equal(r.stdout, "");
    assert.match(r.stderr, re);
    assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, r.stderr);
  }
});

/** Run the command a resume hint names, its words split by the shell as a user's paste would. */
async function runHint(stderr: string, kubeconfig: string) {
  const hint = /resume with: hyperctl (.*)$/m.exec(stderr);
  assert.ok(hint, stderr);
  const split = await new Deno.Command("bash", {
    args: ["-c", `printf '%s\\0' ${hint[1]}`],
    stdout: "piped",
  }).output();
  const words = new TextDecoder().decode(split.stdout).split("\0").slice(0, -1);
  return { hint: hint[1], result: await hyperctl([...words, "--timeout=60s"], { kubeconfig }) };
}

e2eTest(
  "vm create --wait waits for the power state asked for; its resume hints work",
  async (t) => {
    const kc = { kubeconfig: t.kubeconfig };
    const create = (name: string, ...more: string[]) =>
      hyperctl(["vm", "create", name, "--cpus", "1", "--memory", "1Gi", "--wait", ...more], kc);
    const stopped = await create("c-2", "--running=false", "--timeout=60s");
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stderr, /Phase: Stopped/);
    const vm = await t.api.get(refFor(VM, t.namespace), "c-2");
    assert.equal((vm.status as { phase?: string }).phase, "Stopped");
    // Checked once, right after creation: not there yet; the printed line resumes the same wait.
    for (const [name, phase] of [["c-3", "Stopped"], ["c-4", "Running"]]) {
      const late = await create(name, `--running=${phase === "Running"}`, "--timeout=0");
      assert.equal(late.code, 3, late.stderr);
      const { hint, result } = await runHint(late.stderr, t.kubeconfig);
      assert.equal(hint, `wait vm/${name} --for phase=${phase} -n ${t.namespace}`);
      assert.equal(result.code, 0, `${hint}: ${result.stderr}`);
    }
    const op = await hyperctl(["vm", "stop", "c-4", "--wait", "--timeout=0"], kc);
    assert.equal(op.code, 3, op.stderr);
    const { hint, result } = await runHint(op.stderr, t.kubeconfig);
    assert.match(hint, new RegExp(`^op wait c-4-stop-\\w+ -n ${t.namespace}$`));
    assert.equal(result.code, 0, `${hint}: ${result.stderr}`);
  },
);

e2eTest("vm create --wait waits until the VM runs", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  const ok = await hyperctl(
    ["vm", "create", "c-1", "--cpus", "1", "--memory", "1Gi", "--wait"],
    kc,
  );
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, "virtualmachine.hypersdk.io/c-1 created\n");
  assert.match(ok.stderr, /Phase: Running/);
  const vm = await t.api.get(refFor(VM, t.namespace), "c-1");
  assert.equal((vm.status as { phase?: string }).phase, "Running");
});
