/**
 * Custom columns print kubectl 1.33's bytes for cells that tables tend to tidy: an empty last cell
 * keeps the padding before it, and cluster text with control characters reaches a pipe as kubectl
 * writes it (ESC and CR made visible, newline and tab raw). `-o NAME` is `-o name`, and `-L` and
 * `--show-kind` are ignored by formats without a table, as in kubectl.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { hyperctl, kubectl } from "../support/cli.ts";
import { e2eTest } from "../support/targets.ts";

const VMS = "virtualmachines.hypersdk.io";

e2eTest("custom columns keep kubectl's padding and escaping", async (t) => {
  const ref = refFor(kindByNoun("vm"), t.namespace);
  const vm = (name: string, labels: Record<string, string>, annotations = {}) =>
    t.api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name, labels, annotations },
      spec: { cpus: 1, memory: "1Gi", running: false },
    });
  await vm("plain", { tier: "db" });
  await vm("marked", { e: "", tier: "web" }, { note: "x\x1b[1m\r\ny\tz", blank: "" });

  // kubectl's `get` arguments; hyperctl's are `vm list` with them, or `vm get` with a name.
  const cases: [string, string[]][] = [
    ["empty last cell", ["-o", "custom-columns=N:.metadata.name,E:.metadata.labels.e"]],
    ["two empty last cells", [
      "-o",
      "custom-columns=N:.metadata.name,B:.metadata.annotations.blank,E:.metadata.labels.e",
    ]],
    ["control characters", [
      "-o",
      "custom-columns=N:.metadata.name,NOTE:.metadata.annotations.note",
    ]],
    ["-o NAME", ["-o", "NAME"]],
    ["-L and --show-kind ignored without a table", ["-o", "name", "-L", "tier", "--show-kind"]],
    ["-o JSON of one", ["marked", "-o", "JSON"]],
  ];
  for (const [label, args] of cases) {
    const theirs = await kubectl(["get", VMS, ...args], t.kubeconfig);
    const verb = args[0] === "marked" ? "get" : "list";
    const ours = await hyperctl(["vm", verb, ...args], { kubeconfig: t.kubeconfig });
    assert.equal(theirs.code, 0, `${label}: ${theirs.stderr}`);
    assert.equal(ours.code, 0, `${label}: ${ours.stderr}`);
    assert.equal(ours.stdout, theirs.stdout, label);
  }
  // The padding is really there: the row of `marked` ends in blanks after its name.
  const row =
    (await hyperctl(["vm", "list", "-o", "custom-columns=N:.metadata.name,E:.metadata.labels.e"], {
      kubeconfig: t.kubeconfig,
    })).stdout.split("\n").find((l) => l.startsWith("marked"));
  assert.match(row ?? "", /^marked +$/);
});
