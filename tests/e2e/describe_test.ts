/**
 * `describe` end to end, for every kind, on the real API server (no events API: the section is
 * left out without error) and on the sim (the operator's Events are shown), through the CLI.
 */
import assert from "node:assert/strict";
import { parse as parseYaml } from "yaml";
import { API_VERSION, kindByNoun, type Noun } from "../../src/core/kinds.ts";
import type { KubeObject } from "../../src/core/types.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest } from "../support/targets.ts";
import { seedWorld as seed } from "../support/world.ts";

/** The lines of a section: its title line and the indented lines under it. */
function section(text: string, title: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`${title}:`));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l !== "" && !l.startsWith(" "));
  return lines.slice(start, end < 0 ? undefined : end).filter((l) => l !== "");
}

e2eTest(
  "describe shows every kind with its related objects, and events where served",
  async (t) => {
    const w = await seed(t);
    const cases: [Noun, string, Record<string, RegExp>][] = [
      ["vm", "web-1", {
        Operations: new RegExp(`${w.op}\\s+restart\\s+Succeeded\\s+100%`),
        Snapshots: new RegExp(`${w.snapshot}\\s+Ready`),
        Backups: new RegExp(`${w.backup}\\s+Completed\\s+100%\\s+s3`),
        Schedules: /nightly\s+0 2 \* \* \*\s+false/,
      }],
      ["vm", "web-1-copy", { Restores: new RegExp(`${w.restore}\\s+Completed\\s+100%`) }],
      ["op", w.op, { VM: /web-1\s+Running/ }],
      ["snapshot", w.snapshot, { VM: /web-1\s+Running/ }],
      ["template", "ubuntu", { VMs: /from-template/ }],
      ["backup", w.backup, { VM: /web-1\s+Running/, Restores: new RegExp(w.restore) }],
      ["restore", w.restore, {
        Backup: new RegExp(`${w.backup}\\s+Completed`),
        VM: /web-1-copy\s/,
      }],
      ["schedule", "nightly", { VM: /web-1\s+Running/ }],
    ];
    for (const [noun, name, related] of cases) {
      const r = await hyperctl([noun, "describe", name], { kubeconfig: t.kubeconfig });
      assert.equal(r.code, 0, `${noun}: ${r.stderr}`);
      assert.equal(r.stderr, "");
      const lines = r.stdout.split("\n");
      assert.match(lines[0], new RegExp(`^Name:\\s+${name}$`));
      assert.match(lines[1], new RegExp(`^Namespace:\\s+${t.namespace}$`));
      // kubectl's alignment: every value of the first block starts in the same column
      assert.equal(lines[0].indexOf(name), lines[1].indexOf(t.namespace));
      assert.ok(r.stdout.includes("\nSpec:\n"), `${noun}: ${r.stdout}`);
      assert.match(r.stdout, /\nConditions:/);
      for (const [title, row] of Object.entries(related)) {
        assert.match(section(r.stdout, title).join("\n"), row, `${noun} ${title}:\n${r.stdout}`);
      }
      const events = section(r.stdout, "Events");
      if (t.name === "real") {
        assert.deepEqual(events, [], `${noun}: the real server has no events API`);
      } else if (noun !== "template" && noun !== "schedule") {
        assert.match(events[1], /^\s+Type\s+Reason\s+Age\s+From\s+Message$/);
        assert.match(events.join("\n"), /Normal\s+\w+\s+\S+\s+hypersdk-operator\s+/, `${noun}`);
      }
    }
    if (t.name === "sim") {
      const op = await hyperctl(["op", "describe", w.op], { kubeconfig: t.kubeconfig });
      const reasons = section(op.stdout, "Events").slice(3).map((l) => l.trim().split(/\s+/)[1]);
      assert.deepEqual(reasons, [
        "Initialized",
        "Started",
        "Progressing",
        "Progressing",
        "Succeeded",
      ]);
    }
  },
);

e2eTest(
  "describe -o json|yaml prints the object, its related objects and its events",
  async (t) => {
    const w = await seed(t);
    const json = await hyperctl(["vm", "describe", "web-1", "-o", "json"], {
      kubeconfig: t.kubeconfig,
    });
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout);
    assert.equal(doc.object.metadata.name, "web-1");
    assert.deepEqual(Object.keys(doc.related), [
      "operations",
      "snapshots",
      "backups",
      "restores",
      "schedules",
    ]);
    assert.deepEqual(doc.related.operations.map((o: KubeObject) => o.metadata?.name), [w.op]);
    assert.deepEqual(doc.related.snapshots.map((o: KubeObject) => o.metadata?.name), [w.snapshot]);
    if (t.name === "real") assert.equal("events" in doc, false);
    else assert.ok(doc.events.some((e: KubeObject) => e.reason === "Started"), json.stdout);

    const yaml = await hyperctl(["op", "describe", w.op, "-o", "yaml"], {
      kubeconfig: t.kubeconfig,
    });
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.equal(parseYaml(yaml.stdout).related.vm[0].metadata.name, "web-1");

    const several = await hyperctl(["vm", "describe", "-l", "tier=web", "-o", "json"], {
      kubeconfig: t.kubeconfig,
    });
    const list = JSON.parse(several.stdout);
    assert.equal(list.kind, "List");
    assert.deepEqual(list.items.map((d: { object: KubeObject }) => d.object.metadata?.name), [
      "web-1",
    ]);
  },
);

e2eTest("describe: -l, a missing name (exit 1) and bad input (exit 2, nothing sent)", async (t) => {
  const ref = refFor(kindByNoun("vm"), t.namespace);
  for (const name of ["a", "b"]) {
    await t.api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name, labels: { tier: "web", run: t.namespace } },
      spec: { cpus: 1, memory: "1Gi", running: false },
    });
  }
  const run = (args: string[]) => hyperctl(args, { kubeconfig: t.kubeconfig });
  const both = await run(["vm", "describe", "-l", "tier=web"]);
  assert.equal(both.code, 0, both.stderr);
  // kubectl separates descriptions with two blank lines
  assert.deepEqual(both.stdout.split("\n\n\n").map((d) => d.split("\n")[0]), [
    "Name:         a",
    "Name:         b",
  ]);

  // no name and no selector: every VM, as kubectl describe does
  const all = await run(["vm", "describe"]);
  assert.deepEqual(all.stdout.split("\n\n\n").map((d) => d.split("\n")[0]), [
    "Name:         a",
    "Name:         b",
  ]);
  // the real server is shared with other suites: select this test's VMs in every namespace
  const everywhere = await run(["vm", "describe", "-A", "-l", `run=${t.namespace}`, "-o", "json"]);
  assert.deepEqual(
    JSON.parse(everywhere.stdout).items.map((d: { object: KubeObject }) =>
      d.object.metadata?.namespace
    ),
    [t.namespace, t.namespace],
  );

  const missing = await run(["vm", "describe", "a", "nope"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stdout, /^Name:\s+a$/m);
  assert.match(missing.stderr, /^error: .*"nope" not found/);

  const none = await run(["vm", "describe", "-l", "tier=db"]);
  assert.deepEqual([none.code, none.stdout, none.stderr], [
    0,
    "",
    `No resources found in ${t.namespace} namespace.\n`,
  ]);

  for (
    const args of [
      ["vm", "describe", "a", "-l", "tier=web"],
      ["vm", "describe", "Bad_Name"],
      ["vm", "describe", "a", "-o", "wide"],
      ["vm", "describe", "-l", "tier in (web"],
    ]
  ) {
    const r = await run(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /^error: /);
  }
});

e2eTest(
  "describe prints the header and the Events table byte for byte as kubectl 1.33 does",
  async (t) => {
    const tpl = await t.api.create(refFor(kindByNoun("template"), t.namespace), {
      apiVersion: API_VERSION,
      kind: "VMTemplate",
      metadata: {
        name: "ubuntu",
        labels: { os: "linux", tier: "base" },
        annotations: { owner: "team-a", notes: "n".repeat(150), script: "set -e\nmake\n" },
      },
      spec: { displayName: "Ubuntu", image: { source: "https://images.example/u.qcow2" } },
    });
    if (t.name === "sim") {
      // Twelve days old, so both clients, run a moment apart, print the same day-granular ages.
      const base = Date.now() - 12 * 24 * 3600_000;
      const at = (hours: number) =>
        new Date(base + hours * 3600_000).toISOString().replace("Z", "000Z");
      const event = (n: number, body: Record<string, unknown>) => ({
        apiVersion: "events.k8s.io/v1",
        kind: "Event",
        metadata: { name: `ubuntu.${n}` },
        reportingController: "hypersdk-operator",
        reportingInstance: "op-1",
        action: "Reconcile",
        regarding: {
          apiVersion: API_VERSION,
          kind: "VMTemplate",
          namespace: t.namespace,
          name: "ubuntu",
          uid: tpl.metadata?.uid,
        },
        ...body,
      });
      const events = [
        event(1, { type: "Normal", reason: "Imported", note: "image imported", eventTime: at(0) }),
        event(2, {
          type: "Warning",
          reason: "ChecksumMismatch",
          note: "checksum differs, retrying",
          eventTime: at(1),
          series: { count: 3, lastObservedTime: at(2) },
        }),
        event(3, { type: "Normal", reason: "Ready", note: "template is ready", eventTime: at(3) }),
      ];
      const ref = {
        group: "events.k8s.io",
        version: "v1",
        plural: "events",
        namespace: t.namespace,
      };
      for (const e of events) await t.api.create(ref, e);
    }
    const ours = await hyperctl(["template", "describe", "ubuntu"], { kubeconfig: t.kubeconfig });
    const theirs = await kubectl(["describe", "vmtemplate", "ubuntu"], t.kubeconfig);
    assert.equal(ours.code, 0, ours.stderr);
    assert.equal(theirs.code, 0, theirs.stderr);
    // Name to Annotations: kubectl goes on with `API Version:`, hyperctl with `Created:`
    const head = (text: string) => {
      const lines = text.split("\n");
      return lines.slice(0, lines.findIndex((l) => /^(API Version|Created):/.test(l))).join("\n");
    };
    assert.match(head(ours.stdout), /^Annotations:\s+notes:\n\s+n{138}\.\.\.$/m);
    assert.equal(head(ours.stdout), head(theirs.stdout));
    if (t.name === "sim") {
      const kubectlEvents = section(theirs.stdout, "Events");
      assert.equal(kubectlEvents.length, 6, theirs.stdout);
      assert.deepEqual(section(ours.stdout, "Events"), kubectlEvents);
    } else {
      // no events API: kubectl prints `Events:  <none>`, hyperctl leaves the section out
      assert.deepEqual(section(ours.stdout, "Events"), []);
    }
  },
);
