/**
 * Output-format parity with kubectl 1.33 on the real API server: the same objects printed by
 * `kubectl get virtualmachines.hypersdk.io` and `hyperctl vm list|get` with jsonpath templates,
 * custom columns, label columns and `--sort-by`, comparing stdout bytes and exit status. Where a
 * template is invalid, kubectl exits 1 and hyperctl exits 2 (nothing sent) with kubectl's reason.
 *
 * The objects are seeded once in a namespace of their own; the simulated operator gives them a
 * realistic status and is stopped before any comparison, so nothing changes between two runs.
 * VMSnapshots with quantity sizes are added after it stopped, their status written directly.
 * @module
 */

import assert from "node:assert/strict";
import { parseAllDocuments } from "yaml";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { startOperator } from "../../src/sim/operator/mod.ts";
import { type ApiServer, apiServerTest, freshNamespace } from "../support/apiserver.ts";
import { type CliResult, hyperctl, kubectl, kubectlFor } from "../support/cli.ts";
import { e2eTest } from "../support/targets.ts";
import { JSONPATH_ERRORS, JSONPATH_GET, JSONPATH_LIST } from "./testdata/jsonpath_cases.ts";

const VM_RESOURCE = "virtualmachines.hypersdk.io";
const SNAPSHOT_RESOURCE = "vmsnapshots.hypersdk.io";

/**
 * Snapshots whose sizes sort otherwise by bytes than by value ("1.5G" < "10.5Gi" < "512Mi" <
 * "8.2Gi" < "900M"), every field distinct, so neither client's algorithm decides a tie.
 */
const SNAPSHOTS: [name: string, size: string, bytes: number, app: string][] = [
  ["snap-a", "10.5Gi", 11274289152, "zeta"],
  ["snap-b", "8.2Gi", 8804682957, "alpha"],
  ["snap-c", "512Mi", 536870912, "mid"],
  ["snap-d", "1.5G", 1500000000, "beta"],
  ["snap-e", "900M", 900000000, "gamma"],
];

/** Create {@link SNAPSHOTS} with their status (no operator runs once the VMs are seeded). */
async function seedSnapshots(server: ApiServer, ns: string): Promise<void> {
  const api = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
  const ref = refFor(kindByNoun("snapshot"), ns);
  try {
    for (const [name, size, sizeBytes, app] of SNAPSHOTS) {
      await api.create(ref, {
        apiVersion: API_VERSION,
        kind: "VMSnapshot",
        metadata: { name, labels: { "app.kubernetes.io/name": app } },
        spec: { vmRef: { name: "web-1" } },
      });
      await api.patch(ref, name, { status: { phase: "Ready", size, sizeBytes } }, {
        type: "merge",
        subresource: "status",
      });
    }
  } finally {
    api.close();
  }
}

function vm(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return { apiVersion: API_VERSION, kind: "VirtualMachine", metadata: { name, ...metadata }, spec };
}

const SEED = [
  vm("web-1", {
    cpus: 2,
    memory: "4Gi",
    disks: [{ name: "root", size: "20Gi", bootOrder: 1 }, { name: "data", size: 10 }],
    networks: [{ name: "default" }],
  }, {
    labels: { tier: "web", env: "prod", "hypersdk.io/owner": "team-a" },
    annotations: { note: "a <b> & c" },
  }),
  vm("web-2", { cpus: 4, memory: "8Gi" }, { labels: { tier: "web" } }),
  vm("db-1", { cpus: 8, memory: "16Gi" }, { labels: { tier: "db", env: "prod" } }),
  vm("idle", { cpus: 1, memory: "2Gi", running: false }),
];

/** Seed the VMs, let the operator settle them, then stop it so the objects stay as they are. */
async function seed(server: ApiServer, ns: string): Promise<void> {
  const api = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
  const ref = refFor(kindByNoun("vm"), ns);
  const operator = startOperator(api, { namespace: ns, pace: "fast" });
  try {
    for (const obj of SEED) await api.create(ref, obj);
    for (let i = 0; i < 600; i++) { // up to 30 s: suites share 2 cores
      const { items } = await api.list(ref);
      const phases = items.map((o) => (o.status as { phase?: string } | undefined)?.phase);
      if (phases.filter((p) => p === "Running").length === 3 && phases.includes("Stopped")) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("VMs did not settle");
  } finally {
    await operator.stop();
    api.close();
  }
}

/** Run `cases` with at most `width` at a time, results in order. */
async function pool<T, R>(cases: readonly T[], width: number, fn: (c: T) => Promise<R>) {
  const results: R[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await fn(cases[i]);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

interface Case {
  /** What the report calls this case. */
  label: string;
  /** kubectl's arguments after `get virtualmachines.hypersdk.io -n NS`. */
  kubectl: string[];
  /** hyperctl's arguments after `-n NS`. */
  hyperctl: string[];
}

interface Pair {
  c: Case;
  theirs: CliResult;
  ours: CliResult;
}

function runPairs(
  kubeconfig: string,
  ns: string,
  cases: readonly Case[],
  resource = VM_RESOURCE,
): Promise<Pair[]> {
  return pool(cases, 3, async (c) => ({
    c,
    theirs: await kubectl(["get", resource, "-n", ns, ...c.kubectl], kubeconfig),
    ours: await hyperctl(["-n", ns, ...c.hyperctl], { kubeconfig }),
  }));
}

/** kubectl's reason for refusing or failing a template (its first stderr line, trimmed). */
function kubectlReason(stderr: string, template: string): string {
  const line = stderr.split("\n")[0];
  const parse = `error: error parsing jsonpath ${template}, `;
  if (line.startsWith(parse)) return line.slice(parse.length);
  const exec = /Error executing template: (.*?)\. Printing more information/.exec(line);
  if (exec) return exec[1];
  return line.replace(/^error: /, "");
}

/** Same stdout bytes and same exit status, or a list of what differs. */
function differences(pairs: readonly Pair[]): string[] {
  return pairs.flatMap(({ c, theirs, ours }) => {
    if (theirs.stdout === ours.stdout && theirs.code === ours.code) return [];
    return [
      `${c.label}\n  kubectl (${theirs.code}): ${JSON.stringify(theirs.stdout)} ${
        theirs.stderr.split("\n")[0]
      }\n  hyperctl (${ours.code}): ${JSON.stringify(ours.stdout)} ${ours.stderr.trim()}`,
    ];
  });
}

const jsonpathCase = (template: string, extra: string[] = []): Case => ({
  label: `list -o jsonpath=${template} ${extra.join(" ")}`.trim(),
  kubectl: ["-o", `jsonpath=${template}`, ...extra],
  hyperctl: ["vm", "list", "-o", `jsonpath=${template}`, ...extra],
});

apiServerTest(
  "jsonpath, custom-columns and label columns print what kubectl 1.33 prints",
  async (server, t) => {
    const ns = freshNamespace("out-parity");
    const kc = server.kubeconfigPath;
    await seed(server, ns);

    await t.step(`${JSONPATH_LIST.length} jsonpath templates over the list`, async () => {
      const pairs = await runPairs(kc, ns, [
        ...JSONPATH_LIST.map((tpl) => jsonpathCase(tpl)),
        jsonpathCase("{.items[*].metadata.name}", ["--allow-missing-template-keys=false"]),
        {
          label: "list -o jsonpath-as-json",
          kubectl: ["-o", "jsonpath-as-json={.items[*].metadata.name}{.items[0].metadata.labels}"],
          hyperctl: [
            "vm",
            "list",
            "-o",
            "jsonpath-as-json={.items[*].metadata.name}{.items[0].metadata.labels}",
          ],
        },
      ]);
      assert.deepEqual(differences(pairs), []);
      assert.ok(pairs.every((p) => p.ours.code === 0), "every template succeeds");
    });

    await t.step(`${JSONPATH_GET.length} jsonpath templates over one object`, async () => {
      const pairs = await runPairs(kc, ns, [
        ...JSONPATH_GET.map((tpl): Case => ({
          label: `get web-1 -o jsonpath=${tpl}`,
          kubectl: ["web-1", "-o", `jsonpath=${tpl}`],
          hyperctl: ["vm", "get", "web-1", "-o", `jsonpath=${tpl}`],
        })),
        {
          label: "get web-1 -o jsonpath-as-json",
          kubectl: ["web-1", "-o", "jsonpath-as-json={.spec.disks}{.metadata.name}"],
          hyperctl: ["vm", "get", "web-1", "-o", "jsonpath-as-json={.spec.disks}{.metadata.name}"],
        },
      ]);
      assert.deepEqual(differences(pairs), []);
    });

    await t.step("--sort-by prints kubectl's bytes, a page of the stream at a time", async () => {
      // The uid is unique, so no tie leaves the order to either client's algorithm.
      const outputs = [
        "json",
        "yaml",
        "name",
        "custom-columns=NAME:.metadata.name,CPUS:.spec.cpus",
        'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}',
        "jsonpath={.items[?(@.spec.cpus>1)].metadata.name}",
      ];
      const pairs = await runPairs(
        kc,
        ns,
        outputs.map((output) => ({
          label: `--sort-by -o ${output}`,
          kubectl: ["-o", output, "--sort-by", ".metadata.uid"],
          hyperctl: ["vm", "list", "-o", output, "--sort-by", ".metadata.uid", "--chunk-size", "1"],
        })),
      );
      assert.deepEqual(differences(pairs), []);
      assert.ok(pairs.every((p) => p.ours.stdout.includes("web-1")));
    });

    await t.step("--sort-by's path forms and quantity strings print kubectl's bytes", async () => {
      await seedSnapshots(server, ns);
      const outputs = [
        "name",
        "json",
        "custom-columns=NAME:.metadata.name,SIZE:.status.size",
        'jsonpath={range .items[*]}{.metadata.name} {.status.size}{"\\n"}{end}',
      ];
      const fields = [
        ".status.size",
        "status.size",
        "{.status.size}",
        "{status.sizeBytes}",
        ".metadata.labels.app\\.kubernetes\\.io/name",
        "{.metadata.labels['app.kubernetes.io/name']}",
        "metadata.name",
      ];
      const snapshots = await runPairs(
        kc,
        ns,
        fields.flatMap((field) =>
          outputs.map((output): Case => ({
            label: `snapshot list -o ${output} --sort-by ${field}`,
            kubectl: ["-o", output, "--sort-by", field],
            hyperctl: ["snapshot", "list", "-o", output, "--sort-by", field, "--chunk-size", "2"],
          }))
        ),
        SNAPSHOT_RESOURCE,
      );
      assert.deepEqual(differences(snapshots), []);
      const bySize = snapshots[0].ours.stdout.replaceAll("vmsnapshot.hypersdk.io/", "");
      assert.equal(bySize, "snap-c\nsnap-e\nsnap-d\nsnap-b\nsnap-a\n", "by value, not bytes");

      // Over the seeded VMs: every one has the field (kubectl puts missing values first), ties
      // are few enough (up to 12) that kubectl's insertion sort keeps them in order too.
      const vmFields: [string, string[]][] = [
        [".status.conditions[0].type", []],
        [".status.ipAddresses[0]", ["-l", "tier"]],
        [".metadata.labels['tier']", ["-l", "tier"]],
        [".spec.memory", []],
        ["{spec.cpus}", []],
      ];
      const vms = await runPairs(
        kc,
        ns,
        vmFields.flatMap(([field, extra]) =>
          ["name", "json", "yaml"].map((output): Case => ({
            label: `vm list -o ${output} --sort-by ${field} ${extra.join(" ")}`,
            kubectl: ["-o", output, "--sort-by", field, ...extra],
            hyperctl: ["vm", "list", "-o", output, "--sort-by", field, ...extra],
          }))
        ),
      );
      assert.deepEqual(differences(vms), []);
      assert.ok(vms.every((p) => p.ours.code === 0 && p.ours.stdout.includes("web-1")));

      // Several names: kubectl sorts them for json and name (its table fails, sorting the
      // server's Table wrappers; hyperctl sorts the rows).
      const named = await runPairs(
        kc,
        ns,
        ["name", "json"].map((output): Case => ({
          label: `snapshot get NAME… -o ${output} --sort-by .status.size`,
          kubectl: ["snap-a", "snap-b", "snap-c", "-o", output, "--sort-by", ".status.size"],
          hyperctl: [
            "snapshot",
            "get",
            "snap-a",
            "snap-b",
            "snap-c",
            "-o",
            output,
            "--sort-by",
            ".status.size",
          ],
        })),
        SNAPSHOT_RESOURCE,
      );
      assert.deepEqual(differences(named), []);

      // A table: the same rows in the same order (the kinds' own columns are read_test.ts's).
      for (
        const { c, theirs, ours } of await runPairs(kc, ns, [{
          label: "snapshot list --sort-by .status.size (table)",
          kubectl: ["--sort-by", ".status.size"],
          hyperctl: ["snapshot", "list", "--sort-by", ".status.size"],
        }], SNAPSHOT_RESOURCE)
      ) {
        assert.equal(ours.code, 0, ours.stderr);
        assert.deepEqual(cells(ours.stdout).column("NAME"), cells(theirs.stdout).column("NAME"));
        assert.deepEqual(cells(ours.stdout).column("SIZE"), [
          "512Mi",
          "900M",
          "1.5G",
          "8.2Gi",
          "10.5Gi",
        ], c.label);
      }

      // A path no object has: both exit 1 with kubectl's line and print nothing (kubectl's own
      // table swallows the error and exits 0, so it is compared on the other formats).
      const missing = await runPairs(
        kc,
        ns,
        ["name", "json", "jsonpath={.items[*].metadata.name}"].map((output): Case => ({
          label: `--sort-by .spec.nope -o ${output}`,
          kubectl: ["-o", output, "--sort-by", ".spec.nope"],
          hyperctl: ["vm", "list", "-o", output, "--sort-by", ".spec.nope"],
        })),
      );
      assert.deepEqual(differences(missing), []);
      for (const { c, theirs, ours } of missing) {
        assert.equal(ours.code, 1, c.label);
        assert.equal(ours.stderr, theirs.stderr, c.label);
      }

      // Names beside a selector: kubectl's line; hyperctl exits 2 (nothing sent), kubectl 1.
      const [selector] = await runPairs(kc, ns, [{
        label: "get web-1 -l tier=web",
        kubectl: ["web-1", "-l", "tier=web"],
        hyperctl: ["get", "vm", "web-1", "-l", "tier=web"],
      }]);
      assert.deepEqual(
        [selector.theirs.code, selector.ours.code, selector.ours.stdout],
        [1, 2, ""],
      );
      assert.equal(selector.ours.stderr, selector.theirs.stderr);
    });

    await t.step("-o jsonpath-file and custom-columns-file read the same files", async () => {
      const dir = await Deno.makeTempDir({ prefix: "hyperctl-out-" });
      try {
        await Deno.writeTextFile(`${dir}/t.txt`, '{range .items[*]}{.metadata.name}{"\\n"}{end}');
        await Deno.writeTextFile(`${dir}/c.txt`, "NAME   CPUS\n.metadata.name {.spec.cpus}\n");
        const pairs = await runPairs(kc, ns, [
          {
            label: "jsonpath-file",
            kubectl: ["-o", `jsonpath-file=${dir}/t.txt`],
            hyperctl: ["vm", "list", "-o", `jsonpath-file=${dir}/t.txt`],
          },
          {
            label: "custom-columns-file",
            kubectl: ["-o", `custom-columns-file=${dir}/c.txt`],
            hyperctl: ["vm", "list", "-o", `custom-columns-file=${dir}/c.txt`],
          },
        ]);
        assert.deepEqual(differences(pairs), []);
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    });

    await t.step("data a template cannot walk: exit 1 from both, nothing on stdout", async () => {
      const pairs = await runPairs(kc, ns, [
        jsonpathCase("{.items[9].metadata.name}"),
        jsonpathCase("{.items[0].spec.cpus[0]}"),
        jsonpathCase("{.items[?(@.spec.cpus>1.5)].metadata.name}"),
        jsonpathCase("{.items[0].nope}", ["--allow-missing-template-keys=false"]),
      ]);
      assert.deepEqual(differences(pairs), []);
      for (const { c, theirs, ours } of pairs) {
        const reason = kubectlReason(theirs.stderr, c.kubectl[1].slice("jsonpath=".length));
        assert.ok(ours.stderr.includes(reason), `${c.label}: "${reason}" in ${ours.stderr}`);
      }
    });

    await t.step(
      `${JSONPATH_ERRORS.length} invalid templates: exit 2, stdout empty, kubectl's reason`,
      async () => {
        const pairs = await runPairs(kc, ns, JSONPATH_ERRORS.map((tpl) => jsonpathCase(tpl)));
        for (const { c, theirs, ours } of pairs) {
          assert.equal(theirs.code, 1, `${c.label}: kubectl refuses it`);
          assert.equal(ours.code, 2, `${c.label}: ${ours.stderr}`);
          assert.equal(ours.stdout, "");
          const reason = kubectlReason(theirs.stderr, c.kubectl[1].slice("jsonpath=".length));
          assert.ok(ours.stderr.includes(reason), `${c.label}: "${reason}" in ${ours.stderr}`);
          assert.equal(ours.stderr.split("\n").filter(Boolean).length, 1, "one line");
        }
      },
    );

    await t.step("custom-columns: header, <none>, Go values and widths", async () => {
      const specs = [
        "NAME:.metadata.name,CPUS:.spec.cpus,MEM:.spec.memory",
        "NAME:metadata.name,PHASE:{.status.phase},NODE:{status.nodeName}",
        "NAME:.metadata.name,IPS:.status.ipAddresses,IP0:.status.ipAddresses[0]",
        "NAME:.metadata.name,LABELS:.metadata.labels,MISSING:.spec.nope",
        'NAME:.metadata.name,CONDS:.status.conditions[*].type,READY:.status.conditions[?(@.type=="Ready")].status',
        "NAME:.metadata.name,DISKS:.spec.disks[*].name,SIZES:.spec.disks[*].size",
        "N:.metadata.name,SPEC:.spec",
        "NAME:.metadata.name,TIER:.metadata.labels.tier,OWNER:.metadata.labels.hypersdk\\.io/owner",
        "NAME:.metadata.name,NOTE:.metadata.annotations.note,RV:.metadata.resourceVersion",
      ];
      const pairs = await runPairs(kc, ns, [
        ...specs.map((spec): Case => ({
          label: `custom-columns=${spec}`,
          kubectl: ["-o", `custom-columns=${spec}`],
          hyperctl: ["vm", "list", "-o", `custom-columns=${spec}`],
        })),
        {
          label: "custom-columns --no-headers",
          kubectl: ["-o", "custom-columns=NAME:.metadata.name,CPUS:.spec.cpus", "--no-headers"],
          hyperctl: [
            "vm",
            "list",
            "-o",
            "custom-columns=NAME:.metadata.name,CPUS:.spec.cpus",
            "--no-headers",
          ],
        },
        {
          label: "get web-1 custom-columns",
          kubectl: ["web-1", "-o", `custom-columns=${specs[5]}`],
          hyperctl: ["vm", "get", "web-1", "-o", `custom-columns=${specs[5]}`],
        },
        {
          label: "custom-columns on an empty selection prints the header",
          kubectl: ["-l", "tier=none", "-o", "custom-columns=NAME:.metadata.name"],
          hyperctl: ["vm", "list", "-l", "tier=none", "-o", "custom-columns=NAME:.metadata.name"],
        },
      ]);
      assert.deepEqual(differences(pairs), []);
      const invalid = await runPairs(
        kc,
        ns,
        ["NAME", "N:{a}{b}"].map((spec) => ({
          label: `custom-columns=${spec}`,
          kubectl: ["-o", `custom-columns=${spec}`],
          hyperctl: ["vm", "list", "-o", `custom-columns=${spec}`],
        })),
      );
      for (const { c, theirs, ours } of invalid) {
        assert.deepEqual([theirs.code, ours.code, ours.stdout], [1, 2, ""], c.label);
        const reason = theirs.stderr.split("\n")[0].replace(/^error: /, "").split(",")[0];
        assert.ok(ours.stderr.includes(reason), `${c.label}: "${reason}" in ${ours.stderr}`);
      }
    });

    await t.step("-L, --show-labels and --show-kind add kubectl's columns", async () => {
      const tables: Case[] = [
        ["-L", "tier,env"],
        ["-L", "hypersdk.io/owner", "-L", "nope"],
        ["--show-labels"],
        ["--show-kind"],
        ["-o", "wide", "-L", "tier", "--show-labels", "--show-kind"],
      ].map((flags) => ({
        label: flags.join(" "),
        kubectl: flags,
        hyperctl: ["vm", "list", ...flags],
      }));
      tables.push({
        label: "get web-1 --show-kind -L tier",
        kubectl: ["web-1", "--show-kind", "-L", "tier"],
        hyperctl: ["vm", "get", "web-1", "--show-kind", "-L", "tier"],
      });
      for (const { c, theirs, ours } of await runPairs(kc, ns, tables)) {
        assert.equal(ours.code, 0, ours.stderr);
        const k = cells(theirs.stdout);
        const h = cells(ours.stdout);
        assert.deepEqual(h.headers, k.headers, c.label);
        // Columns both print the same way; the kind's own columns are pinned by read_test.ts.
        const compared = ["NAME", "TIER", "ENV", "OWNER", "NOPE", "LABELS"];
        for (const header of compared.filter((x) => k.headers.includes(x))) {
          assert.deepEqual(h.column(header), k.column(header), `${c.label}: ${header}`);
        }
      }
      const refused = await runPairs(kc, ns, [{
        label: "--show-labels -o json",
        kubectl: ["--show-labels", "-o", "json"],
        hyperctl: ["vm", "list", "--show-labels", "-o", "json"],
      }]);
      assert.deepEqual([refused[0].theirs.code, refused[0].ours.code, refused[0].ours.stdout], [
        1,
        2,
        "",
      ]);
    });

    await t.step(
      "--show-managed-fields and --output-watch-events -o yaml carry kubectl's content",
      async () => {
        const theirs = await kubectl(
          ["get", VM_RESOURCE, "-n", ns, "web-1", "-o", "json", "--show-managed-fields"],
          kc,
        );
        const ours = await hyperctl([
          "-n",
          ns,
          "vm",
          "get",
          "web-1",
          "-o",
          "json",
          "--show-managed-fields",
        ], {
          kubeconfig: kc,
        });
        const object = JSON.parse(ours.stdout);
        assert.ok(object.metadata.managedFields.length > 0);
        assert.match(ours.stdout, /"note": "a \\u003cb\\u003e \\u0026 c"/);
        assert.equal(ours.stdout, theirs.stdout);
        // A sorted list holds its objects whole before printing, managedFields included when asked.
        const sorted = ["-o", "json", "--show-managed-fields", "--sort-by", ".metadata.name"];
        const theirList = await kubectl(["get", VM_RESOURCE, "-n", ns, ...sorted], kc);
        const ourList = await hyperctl(["-n", ns, "vm", "list", ...sorted, "--chunk-size", "1"], {
          kubeconfig: kc,
        });
        assert.equal(ourList.code, 0, ourList.stderr);
        assert.ok(
          JSON.parse(ourList.stdout).items.every(
            (vm: { metadata: { managedFields?: unknown[] } }) => vm.metadata.managedFields?.length,
          ),
        );
        assert.equal(ourList.stdout, theirList.stdout);
        const args = ["web-1", "-w", "-o", "yaml", "--output-watch-events"];
        // kubectl's managedFields filter does not reach inside a WatchEvent; hyperctl hides them
        // there too unless --show-managed-fields is given.
        const theirEvents = parseAllDocuments(
          await kubectlFor(["get", VM_RESOURCE, "-n", ns, ...args], kc, 2000),
        ).map((d) => d.toJS()).map((ev) => {
          delete ev.object.metadata.managedFields;
          return ev;
        });
        const ourEvents = parseAllDocuments(
          (await hyperctl(["-n", ns, "vm", "get", ...args, "--for", "1s"], { kubeconfig: kc }))
            .stdout,
        ).map((d) => d.toJS());
        assert.deepEqual(ourEvents, theirEvents);
        assert.equal(ourEvents[0].type, "ADDED");
      },
    );

    await t.step(
      "under --watch each object prints one rendering, as kubectl's get -w",
      async () => {
        // kubectl aligns the initial rows of a list as one block, hyperctl row by row (widths
        // only grow), so the table-like format is compared on one object.
        const watched: [string[], string[]][] = [
          [["-o", 'jsonpath={.metadata.name}{"\\n"}'], []],
          [["-o", 'jsonpath={.type} {.object.metadata.name}{"\\n"}'], ["--output-watch-events"]],
          [["web-1", "-o", "custom-columns=NAME:.metadata.name,CPUS:.spec.cpus"], []],
        ];
        for (const [args, extra] of watched) {
          const verb = args[0] === "web-1" ? ["get"] : ["list"];
          const theirs = await kubectlFor(
            ["get", VM_RESOURCE, "-n", ns, "-w", ...args, ...extra],
            kc,
            3000,
          );
          const ours = await hyperctl(
            ["-n", ns, "vm", ...verb, ...args, "-w", "--for", "2s", ...extra],
            { kubeconfig: kc },
          );
          assert.equal(ours.code, 0, ours.stderr);
          assert.equal(ours.stdout, theirs, args.join(" "));
        }
      },
    );
  },
);

e2eTest(
  "templates, custom columns and label columns agree with kubectl on both clusters",
  async (t) => {
    const ref = refFor(kindByNoun("vm"), t.namespace);
    for (const obj of SEED.slice(0, 3)) await t.api.create(ref, obj);
    // The operator is running here: compare only what it does not change (spec and metadata).
    const cases: [string[], string[]][] = [
      [["-o", 'jsonpath={range .items[*]}{.metadata.name}:{.spec.cpus}{"\\n"}{end}'], [
        "vm",
        "list",
      ]],
      [["-o", "jsonpath-as-json={.items[*].metadata.labels}"], ["vm", "list"]],
      [["web-1", "-o", "jsonpath={.metadata.labels} {.spec.disks[*].size}"], ["vm", "get"]],
      [["-o", "custom-columns=NAME:.metadata.name,CPUS:.spec.cpus,TIER:.metadata.labels.tier"], [
        "vm",
        "list",
      ]],
    ];
    for (const [args, command] of cases) {
      const theirs = await kubectl(["get", VM_RESOURCE, ...args], t.kubeconfig);
      const ours = await hyperctl([...command, ...args], { kubeconfig: t.kubeconfig });
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(ours.stdout, theirs.stdout, args.join(" "));
    }
    const columns = await kubectl(["get", VM_RESOURCE, "-L", "tier", "--show-kind"], t.kubeconfig);
    assert.equal(columns.code, 0, columns.stderr);
    const theirs = cells(columns.stdout);
    const ours = cells(
      (await hyperctl(["vm", "list", "-L", "tier", "--show-kind"], { kubeconfig: t.kubeconfig }))
        .stdout,
    );
    assert.deepEqual(ours.headers, theirs.headers);
    for (const header of ["NAME", "TIER"]) {
      assert.deepEqual(
        ours.column(header),
        theirs.column(header),
      );
    }
  },
);

/** The cells of a kubectl-style table, read by the header's column starts. */
function cells(table: string) {
  const lines = table.split("\n").filter(Boolean);
  const starts = [...lines[0].matchAll(/\S+/g)].map((m) => m.index!);
  const headers = [...lines[0].matchAll(/\S+/g)].map((m) => m[0]);
  const rows = lines.slice(1).map((line) =>
    starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length).trim())
  );
  return {
    headers,
    column: (name: string) => rows.map((r) => r[headers.indexOf(name)]),
  };
}
