/**
 * `list -o name` fetches each object's metadata only, and prints kubectl 1.33's bytes: on the real
 * API server and the sim, across pages, with a label selector and for another kind; so do custom
 * columns and jsonpath templates over `.metadata`, and watches printing names. `-v` shows
 * which requests asked for `PartialObjectMetadataList`; a filter or sort that reads spec or status
 * still fetches whole objects, and still filters. `get` of several kinds with `-o name` fetches
 * metadata only too.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl, kubectlFor } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const METADATA_ONLY = "(as=PartialObjectMetadataList)";

/** Five VMs (vm-0, vm-2 and vm-4 stopped), once the operator has given each a phase; two templates. */
async function seed(t: Target): Promise<void> {
  const vms = refFor(kindByNoun("vm"), t.namespace);
  for (let i = 0; i < 5; i++) {
    await t.api.create(vms, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: {
        name: `vm-${i}`,
        labels: { suite: t.namespace, half: i % 2 === 0 ? "even" : "odd" },
      },
      spec: { cpus: 5 - i, memory: "1Gi", running: i % 2 !== 0 },
    });
  }
  for (const name of ["ubuntu", "debian"]) {
    await t.api.create(refFor(kindByNoun("template"), t.namespace), {
      apiVersion: API_VERSION,
      kind: "VMTemplate",
      metadata: { name, labels: { suite: t.namespace } },
      spec: { displayName: name, image: { source: "https://images.example/u.qcow2" } },
    });
  }
  for (let i = 0; i < 600; i++) { // up to 30 s: suites share 2 cores
    const { items } = await t.api.list(vms);
    const phases = items.map((o) => (o.status as { phase?: string } | undefined)?.phase);
    if (phases.filter((p) => p === "Stopped").length === 3) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("VMs did not settle");
}

/** The GET lines of a `-v` log. */
function requests(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("GET "));
}

e2eTest("-o name lists fetch metadata only and print kubectl's bytes", async (t) => {
  await seed(t);
  // The sim serves this test alone, so every namespace is ours; the real server is shared with
  // other suites, whose VMs come and go, so there -A is narrowed to this test's objects.
  const all = t.name === "sim" ? ["-A"] : ["-A", "-l", `suite=${t.namespace}`];
  const cases: [string, string[]][] = [
    ["virtualmachines.hypersdk.io", all],
    ["virtualmachines.hypersdk.io", ["-A", "-l", `suite=${t.namespace},half=even`]],
    ["virtualmachines.hypersdk.io", [...all, "--chunk-size", "2"]],
    ["vmtemplates.hypersdk.io", [...all, "--chunk-size", "1"]],
  ];
  for (const [resource, args] of cases) {
    const noun = resource.startsWith("vmtemplates") ? "template" : "vm";
    const ours = await hyperctl([noun, "list", "-o", "name", "-v", ...args], {
      kubeconfig: t.kubeconfig,
    });
    const theirs = await kubectl(["get", resource, "-o", "name", ...args], t.kubeconfig);
    const what = `${noun} ${args.join(" ")}`;
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(ours.code, 0, ours.stderr);
    assert.notEqual(ours.stdout, "", what);
    assert.equal(ours.stdout, theirs.stdout, what);
    const gets = requests(ours.stderr);
    // One request per page, all of them for metadata only: one page without --chunk-size, at
    // least ceil(names / chunk size) with it. A real server may add a last, empty page: with a
    // label selector it returns a continue token while keys of other suites' objects follow.
    const chunk = args.includes("--chunk-size")
      ? Number(args[args.indexOf("--chunk-size") + 1])
      : 0;
    const names = ours.stdout.split("\n").length - 1;
    const pages = chunk === 0 ? 1 : Math.ceil(names / chunk);
    const expected = t.name === "sim" || chunk === 0 ? [pages] : [pages, pages + 1];
    assert.ok(expected.includes(gets.length), `${what}: ${ours.stderr}`);
    for (const line of gets) assert.ok(line.endsWith(METADATA_ONLY), `${what}: ${line}`);
  }
  // get of several kinds: each kind's list is metadata only too, and prints kubectl's bytes.
  const kinds = await hyperctl(["get", "vm,vmtemplate", "-o", "name", "-v"], {
    kubeconfig: t.kubeconfig,
  });
  const theirs = await kubectl(
    ["get", "virtualmachines.hypersdk.io,vmtemplates.hypersdk.io", "-o", "name"],
    t.kubeconfig,
  );
  assert.equal(kinds.code, 0, kinds.stderr);
  assert.equal(kinds.stdout, theirs.stdout);
  const gets = requests(kinds.stderr);
  assert.equal(gets.length, 2, kinds.stderr);
  for (const line of gets) assert.ok(line.endsWith(METADATA_ONLY), line);
});

e2eTest("-o name with a filter or sort on spec or status fetches whole objects", async (t) => {
  await seed(t);
  const run = (...args: string[]) =>
    hyperctl(["vm", "list", "-o", "name", "-v", "--chunk-size", "2", ...args], {
      kubeconfig: t.kubeconfig,
    });
  const expectations: [string[], string[]][] = [
    [["--status", "stopped"], ["vm-0", "vm-2", "vm-4"]],
    [["--min-cpus", "4"], ["vm-0", "vm-1"]],
    [["--where", "cpus <= 2"], ["vm-3", "vm-4"]],
    [["--sort-by", "cpus"], ["vm-4", "vm-3", "vm-2", "vm-1", "vm-0"]],
  ];
  for (const [flags, names] of expectations) {
    const result = await run(...flags);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      names.map((n) => `virtualmachine.hypersdk.io/${n}\n`).join(""),
      flags.join(" "),
    );
    const gets = requests(result.stderr);
    assert.ok(gets.length > 0, result.stderr);
    for (const line of gets) assert.ok(!line.includes("as="), `${flags.join(" ")}: ${line}`);
  }
  // A sort on metadata needs no more than metadata.
  const byName = await run("--sort-by", "name");
  assert.equal(byName.code, 0, byName.stderr);
  for (const line of requests(byName.stderr)) assert.ok(line.endsWith(METADATA_ONLY), line);
});

/**
 * `vm list -o OUTPUT ARGS` prints kubectl's bytes, names vm-4, and every request it sends asks
 * for metadata only.
 */
async function assertMetadataOnlyParity(t: Target, output: string, args: string[]) {
  const ours = await hyperctl(["vm", "list", "-o", output, "-v", ...args], {
    kubeconfig: t.kubeconfig,
  });
  const theirs = await kubectl(
    ["get", "virtualmachines.hypersdk.io", "-o", output, ...args],
    t.kubeconfig,
  );
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.equal(ours.code, 0, ours.stderr);
  assert.match(ours.stdout, /vm-4/, output);
  assert.equal(ours.stdout, theirs.stdout, output);
  const gets = requests(ours.stderr);
  assert.ok(gets.length > 0, ours.stderr);
  for (const line of gets) assert.ok(line.endsWith(METADATA_ONLY), `${output}: ${line}`);
}

e2eTest(
  "custom columns over .metadata fetch metadata only and print kubectl's bytes",
  async (t) => {
    await seed(t);
    const mine = ["-A", "-l", `suite=${t.namespace}`];
    await assertMetadataOnlyParity(
      t,
      "custom-columns=NAME:.metadata.name,NAMESPACE:.metadata.namespace,HALF:.metadata.labels.half",
      mine,
    );
    await assertMetadataOnlyParity(
      t,
      "custom-columns=NAME:{.metadata.name},SUITE:metadata.labels.suite",
      [...mine, "--chunk-size", "2"],
    );
    // A column outside .metadata needs the whole object, and prints it.
    const spec = "NAME:.metadata.name,CPUS:.spec.cpus";
    const whole = await hyperctl(["vm", "list", "-o", `custom-columns=${spec}`, "-v", ...mine], {
      kubeconfig: t.kubeconfig,
    });
    const reference = await kubectl(
      ["get", "virtualmachines.hypersdk.io", "-o", `custom-columns=${spec}`, ...mine],
      t.kubeconfig,
    );
    assert.equal(whole.code, 0, whole.stderr);
    assert.equal(whole.stdout, reference.stdout);
    assert.match(whole.stdout, /vm-0 +5\n/);
    for (const line of requests(whole.stderr)) assert.ok(!line.includes("as="), line);
  },
);

e2eTest(
  "jsonpath over the items' .metadata fetches metadata only and prints kubectl's bytes",
  async (t) => {
    await seed(t);
    const mine = ["-A", "-l", `suite=${t.namespace}`];
    const cases: [string, string[]][] = [
      ['jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}', mine],
      ["jsonpath={.kind}: {.items[*].metadata.name}", [...mine, "--chunk-size", "2"]],
      ["jsonpath-as-json={.items[*].metadata.name}", [...mine, "--chunk-size", "3"]],
      ["jsonpath={range .items[*].metadata}{.name}={.labels.half} {end}", mine],
      ['jsonpath={.items[?(@.metadata.labels.half=="even")].metadata.name}', mine],
    ];
    for (const [output, args] of cases) await assertMetadataOnlyParity(t, output, args);
    // A template reading the items' spec needs whole objects, and prints them.
    const spec = "jsonpath={.items[*].spec.cpus}";
    const whole = await hyperctl(["vm", "list", "-o", spec, "-v", "--sort-by", "name", ...mine], {
      kubeconfig: t.kubeconfig,
    });
    assert.equal(whole.code, 0, whole.stderr);
    assert.equal(whole.stdout, "5 4 3 2 1");
    for (const line of requests(whole.stderr)) assert.ok(!line.includes("as="), line);
  },
);

e2eTest("a watch printing names fetches metadata only and prints kubectl's bytes", async (t) => {
  await seed(t);
  const mine = ["-A", "-l", `suite=${t.namespace}`];
  const vms = refFor(kindByNoun("vm"), t.namespace);
  // Both watch from before the changes until after them; the server sends both the same events.
  const theirs = kubectlFor(
    ["get", "virtualmachines.hypersdk.io", "-w", "-o", "name", ...mine],
    t.kubeconfig,
    7000,
  );
  const ours = hyperctl(["vm", "list", "-w", "-o", "name", "-v", "--for", "6s", ...mine], {
    kubeconfig: t.kubeconfig,
  });
  await new Promise((r) => setTimeout(r, 3000));
  await t.api.patch(vms, "vm-1", { metadata: { labels: { seen: "yes" } } }, { type: "merge" });
  await t.api.patch(vms, "vm-3", { metadata: { labels: { seen: "yes" } } }, { type: "merge" });
  const [result, reference] = await Promise.all([ours, theirs]);
  assert.equal(result.code, 0, result.stderr);
  const names = (...ns: number[]) => ns.map((n) => `virtualmachine.hypersdk.io/vm-${n}\n`).join("");
  assert.equal(result.stdout, names(0, 1, 2, 3, 4, 1, 3), result.stderr);
  assert.equal(result.stdout, reference);
  const gets = requests(result.stderr);
  assert.ok(gets.some((line) => line.includes("watch=true")), result.stderr);
  for (const line of gets) {
    const as = line.includes("watch=true") ? "(as=PartialObjectMetadata)" : METADATA_ONLY;
    assert.ok(line.endsWith(as), line);
  }
});
