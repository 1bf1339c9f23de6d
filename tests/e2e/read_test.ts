/**
 * The read path end to end, through the CLI process, against the real API server and the sim:
 * empty lists, every output format, server- and client-side filters, get, errors and exit codes,
 * compared with kubectl on the same server where kubectl has an equivalent.
 */
import assert from "node:assert/strict";
import { parse as parseYaml } from "yaml";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import type { KubeObject } from "../../src/core/types.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl, PROGRAM } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const VM = kindByNoun("vm");

function vm(name: string, spec: Record<string, unknown>, labels?: Record<string, string>) {
  return { apiVersion: API_VERSION, kind: "VirtualMachine", metadata: { name, labels }, spec };
}

async function seed(t: Target): Promise<void> {
  const ref = refFor(VM, t.namespace);
  await t.api.create(ref, vm("web-1", { cpus: 2, memory: "4Gi" }, { tier: "web", env: "prod" }));
  await t.api.create(ref, vm("web-2", { cpus: 4, memory: "8Gi" }, { tier: "web" }));
  await t.api.create(ref, vm("db-1", { cpus: 8, memory: "16Gi" }, { tier: "db", env: "prod" }));
  await t.api.create(ref, vm("idle", { cpus: 1, memory: "4G", running: false }));
  // Wait until the operator has placed every running VM, so phases and nodes are stable.
  for (let i = 0; i < 600; i++) { // up to 30 s: suites share 2 cores
    const list = await t.api.list(ref);
    const settled = list.items.every((o) => {
      const phase = (o.status as { phase?: string } | undefined)?.phase;
      return phase === "Running" || phase === "Stopped";
    });
    if (settled && list.items.length === 4) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("VMs did not settle");
}

const names = (stdout: string): string[] => stdout.trim().split("\n").filter(Boolean).sort();

e2eTest(
  "an empty list exits 0 with the kubectl message and an empty List for -o json",
  async (t) => {
    const table = await hyperctl(["vm", "list"], { kubeconfig: t.kubeconfig });
    assert.equal(table.code, 0, table.stderr);
    assert.equal(table.stdout, "");
    assert.equal(table.stderr, `No resources found in ${t.namespace} namespace.\n`);
    const json = await hyperctl(["vm", "list", "-o", "json"], { kubeconfig: t.kubeconfig });
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), {
      apiVersion: "v1",
      items: [],
      kind: "List",
      metadata: { resourceVersion: "" },
    });
  },
);

e2eTest("list prints every format and filters like kubectl's selectors", async (t) => {
  await seed(t);
  const table = await hyperctl(["vm", "list"], { kubeconfig: t.kubeconfig });
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trimEnd().split("\n");
  assert.match(lines[0], /^NAME\s+STATUS\s+CPUS\s+MEMORY\s+NODE\s+IPS\s+AGE$/);
  assert.equal(lines.length, 5);
  // No node and no address: empty cells, as kubectl prints the CRD's table.
  assert.match(table.stdout, /\nidle +Stopped +1 +4G +\d+s\n/);

  const json = JSON.parse(
    (await hyperctl(["vm", "list", "-o", "json"], { kubeconfig: t.kubeconfig })).stdout,
  );
  assert.equal(json.kind, "List");
  assert.deepEqual(json.items.map((o: KubeObject) => o.metadata?.name).sort(), [
    "db-1",
    "idle",
    "web-1",
    "web-2",
  ]);
  assert.ok(json.items.every((o: KubeObject) => o.metadata?.managedFields === undefined));

  const yaml = parseYaml(
    (await hyperctl(["vm", "list", "-o", "yaml"], { kubeconfig: t.kubeconfig })).stdout,
  );
  assert.equal(yaml.items.length, 4);

  const byName = await hyperctl(["vm", "list", "-o", "name"], { kubeconfig: t.kubeconfig });
  const kubectlNames = await kubectl(
    ["get", "virtualmachines.hypersdk.io", "-o", "name"],
    t.kubeconfig,
  );
  assert.equal(kubectlNames.code, 0, kubectlNames.stderr);
  assert.deepEqual(names(byName.stdout), names(kubectlNames.stdout));

  // Label selectors go to the server: same answer as kubectl, including != and notin matching
  // objects without the key.
  for (const sel of ["tier=web", "env!=prod", "tier notin (db)", "!env", "tier in (web,db),env"]) {
    const ours = await hyperctl(["vm", "list", "-l", sel, "-o", "name"], {
      kubeconfig: t.kubeconfig,
    });
    const theirs = await kubectl(
      ["get", "virtualmachines.hypersdk.io", "-l", sel, "-o", "name"],
      t.kubeconfig,
    );
    assert.equal(ours.code, 0, ours.stderr);
    assert.deepEqual(names(ours.stdout), names(theirs.stdout), `selector ${sel}`);
  }

  const filtered = async (...args: string[]) =>
    names(
      (await hyperctl(["vm", "list", "-o", "name", ...args], { kubeconfig: t.kubeconfig })).stdout,
    )
      .map((n) => n.replace("virtualmachine.hypersdk.io/", ""));
  assert.deepEqual(await filtered("--status", "RUNNING"), ["db-1", "web-1", "web-2"]);
  assert.deepEqual(await filtered("--status", "stopped,failed"), ["idle"]);
  // 4G (4 000 000 000) is less than 4Gi (4 294 967 296): exact quantity comparison.
  assert.deepEqual(await filtered("--min-memory", "4Gi"), ["db-1", "web-1", "web-2"]);
  assert.deepEqual(await filtered("--min-cpus", "4"), ["db-1", "web-2"]);
  assert.deepEqual(await filtered("--where", "memory >= 8Gi and labels.tier = web"), ["web-2"]);
  assert.deepEqual(await filtered("--where", "not (status = running) or cpus > 4"), [
    "db-1",
    "idle",
  ]);
  assert.deepEqual(await filtered("--field-selector", "metadata.name=db-1"), ["db-1"]);

  const sorted = await hyperctl(["vm", "list", "--sort-by", "memory", "--no-headers"], {
    kubeconfig: t.kubeconfig,
  });
  assert.deepEqual(sorted.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]), [
    "idle",
    "web-1",
    "web-2",
    "db-1",
  ]);
});

e2eTest("get prints one object; missing objects and bad input get clear errors", async (t) => {
  await seed(t);
  const one = await hyperctl(["vm", "get", "web-1", "-o", "json"], { kubeconfig: t.kubeconfig });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(JSON.parse(one.stdout).metadata.name, "web-1");

  const missing = await hyperctl(["vm", "get", "nope"], { kubeconfig: t.kubeconfig });
  assert.equal(missing.code, 1);
  assert.equal(
    missing.stderr,
    `error: virtualmachines.hypersdk.io "nope" not found in namespace "${t.namespace}"\n`,
  );

  for (
    const [args, pattern] of [
      [["vm", "list", "--min-memory", "8GB"], /unknown suffix "GB" \(did you mean "G" or "Gi"\?\)/],
      [["vm", "list", "-l", "tier in (web"], /label selector/],
      [["vm", "list", "-o", "jsn"], /did you mean "json"/],
      [["vm", "list", "--status", "runing"], /did you mean "Running"/],
      [["vm", "list", "--where", "cpus >> 2"], /\^/],
      [["vm", "list", "--frobnicate"], /unknown flag "--frobnicate"/],
    ] as const
  ) {
    const r = await hyperctl([...args], { kubeconfig: t.kubeconfig });
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stdout, "");
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
});

e2eTest("the viewer may read but not write; writes are refused with exit 1", async (t) => {
  await seed(t);
  const list = await hyperctl(["vm", "list", "--context", t.viewerContext, "-n", t.namespace], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(list.code, 0, list.stderr);
  const stop = await hyperctl([
    "vm",
    "stop",
    "web-1",
    "--context",
    t.viewerContext,
    "-n",
    t.namespace,
  ], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(stop.code, 1);
  assert.match(stop.stderr, /forbidden/i);
});

e2eTest("a closed pipe ends a watch quietly with exit 0", async (t) => {
  await seed(t);
  // The watch would run 30 s; head exits after one line, the next event's write hits EPIPE.
  const started = Date.now();
  const child = new Deno.Command("bash", {
    args: [
      "-c",
      `"${Deno.execPath()}" run --quiet -A "${PROGRAM}" vm list -w -o json --for 30s | head -1; echo "rc=\${PIPESTATUS[0]}"`,
    ],
    env: { KUBECONFIG: t.kubeconfig },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const ref = refFor(VM, t.namespace);
  let done = false;
  const out = child.output().finally(() => (done = true));
  for (let i = 0; !done && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await t.api.patch(ref, "web-1", { metadata: { labels: { touch: String(i) } } }, {
      type: "merge",
    });
  }
  const r = await out;
  const d = new TextDecoder();
  assert.equal(d.decode(r.stderr), "");
  const [line, rc] = d.decode(r.stdout).trimEnd().split("\n");
  assert.equal(JSON.parse(line).type, "ADDED");
  assert.equal(rc, "rc=0");
  assert.ok(Date.now() - started < 25_000, "ended on the closed pipe, not at --for");
});

/** Rows of a table keyed by NAME: column name → cell. */
function tableRows(text: string): Map<string, Record<string, string>> {
  const lines = text.trimEnd().split("\n");
  const header = lines[0];
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index! }));
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(1)) {
    const row: Record<string, string> = {};
    starts.forEach((c, i) => {
      row[c.name] = line.slice(c.at, starts[i + 1]?.at ?? undefined).trim();
    });
    rows.set(row.NAME, row);
  }
  return rows;
}

e2eTest("the table matches kubectl's bytes and AGE strings for the same objects", async (t) => {
  await seed(t);
  for (const wide of [[], ["-o", "wide"]]) {
    const before = await kubectl(["get", "virtualmachines.hypersdk.io", ...wide], t.kubeconfig);
    const ours = await hyperctl(["vm", "list", ...wide], { kubeconfig: t.kubeconfig });
    const after = await kubectl(["get", "virtualmachines.hypersdk.io", ...wide], t.kubeconfig);
    assert.equal(before.code, 0, before.stderr);
    // Byte for byte, empty cells and padding included, but for AGE, which may tick between runs.
    const ageless = (text: string) => text.replace(/\b\d+(?:[smhdy]\d*)+\b/g, "AGE");
    assert.ok(
      [before.stdout, after.stdout].map(ageless).includes(ageless(ours.stdout)),
      `hyperctl:\n${ours.stdout}kubectl:\n${before.stdout}`,
    );
  }
  const before = await kubectl(["get", "virtualmachines.hypersdk.io"], t.kubeconfig);
  const ours = await hyperctl(["vm", "list"], { kubeconfig: t.kubeconfig });
  const after = await kubectl(["get", "virtualmachines.hypersdk.io"], t.kubeconfig);
  const k1 = tableRows(before.stdout);
  const k2 = tableRows(after.stdout);
  const h = tableRows(ours.stdout);
  assert.deepEqual([...h.keys()].sort(), [...k1.keys()].sort());
  for (const [name, row] of h) {
    // The same HumanDuration: equal to kubectl's AGE just before or just after our run.
    assert.ok(
      [k1.get(name)!.AGE, k2.get(name)!.AGE].includes(row.AGE),
      `${name}: AGE ${row.AGE} vs kubectl ${k1.get(name)!.AGE}/${k2.get(name)!.AGE}`,
    );
  }
});

e2eTest("1 200 objects page through continue tokens like kubectl; -A adds NAMESPACE", async (t) => {
  // A namespace the operator does not drive, so the bulk objects stay untouched.
  const bulk = `${t.namespace}-bulk`;
  const ref = refFor(VM, bulk);
  const bulkNames = Array.from({ length: 1200 }, (_, i) => `bulk-${String(i).padStart(4, "0")}`);
  for (let i = 0; i < bulkNames.length; i += 40) {
    await Promise.all(
      bulkNames.slice(i, i + 40).map((n) => t.api.create(ref, vm(n, { cpus: 1, memory: "1Gi" }))),
    );
  }
  const paged = await hyperctl([
    "vm",
    "list",
    "-n",
    bulk,
    "--chunk-size",
    "100",
    "-o",
    "name",
    "-v",
  ], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(paged.code, 0, paged.stderr);
  assert.equal(paged.stdout.trim().split("\n").length, 1200);
  const requests = paged.stderr.split("\n").filter((l) => /^GET .*virtualmachines\?/.test(l));
  assert.equal(requests.length, 12, paged.stderr.slice(0, 2000));
  assert.equal(requests.filter((l) => l.includes("continue=")).length, 11);
  const theirs = await kubectl(
    ["get", "virtualmachines.hypersdk.io", "-n", bulk, "--chunk-size", "100", "-o", "name"],
    t.kubeconfig,
  );
  assert.deepEqual(names(paged.stdout), names(theirs.stdout));

  const all = await hyperctl(["vm", "list", "-A"], { kubeconfig: t.kubeconfig });
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stdout, /^NAMESPACE\s+NAME\s+STATUS/);
  assert.match(all.stdout, new RegExp(`\\n${bulk}\\s+bulk-0000\\s`));
});

e2eTest("SIGTERM and SIGINT end a watch cleanly with 143 and 130", async (t) => {
  await seed(t);
  for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
    const r = await hyperctl(["vm", "list", "-w", "-o", "json"], {
      kubeconfig: t.kubeconfig,
      killAfterMs: 2500,
      signal,
    });
    assert.equal(r.code, code, `${signal}: ${r.stderr}`);
    assert.equal(r.stderr, "");
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(lines.length, 4, "every event before the signal was flushed");
  }
});

e2eTest("status reports the served CRDs as a table, JSON and YAML", async (t) => {
  const kc = { kubeconfig: t.kubeconfig };
  const json = await hyperctl(["status", "-o", "json"], kc);
  assert.equal(json.code, 0, json.stderr);
  const status = JSON.parse(json.stdout);
  assert.equal(status.healthy, true);
  assert.equal(status.crds.length, 7);
  assert.ok(status.crds.every((c: { installed: boolean }) => c.installed), json.stdout);
  const yaml = await hyperctl(["status", "-o", "yaml"], kc);
  assert.equal(yaml.code, 0, yaml.stderr);
  assert.deepEqual(parseYaml(yaml.stdout), status);
  const table = await hyperctl(["status"], kc);
  assert.equal(table.code, 0, table.stderr);
  assert.ok(table.stdout.includes(status.server), table.stdout);
});
