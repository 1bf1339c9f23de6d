import { deepStrictEqual, equal } from "node:assert/strict";
import { clusterStatus, crdDetails, operatorFromPods, servedResources } from "./cluster_status.ts";

Deno.test("servedResources() reads names and tolerates junk", () => {
  deepStrictEqual(
    [...servedResources({ resources: [{ name: "virtualmachines" }, { name: 3 }, "x"] })],
    ["virtualmachines"],
  );
  equal(servedResources(undefined).size, 0);
});

Deno.test("crdDetails() lists served versions and the Established condition", () => {
  const crd = {
    spec: { versions: [{ name: "v1alpha1", served: true }, { name: "v0", served: false }] },
    status: { conditions: [{ type: "Established", status: "True" }] },
  };
  deepStrictEqual(crdDetails(crd), { versions: ["v1alpha1"], established: true });
  deepStrictEqual(crdDetails("nonsense"), { versions: [], established: undefined });
});

Deno.test("operatorFromPods() distinguishes running, not running and unknown", () => {
  equal(operatorFromPods({ items: [{ status: { phase: "Running" } }] }).state, "running");
  equal(operatorFromPods({ items: [{ status: { phase: "Pending" } }] }).state, "not-running");
  equal(operatorFromPods({ items: [] }).state, "not-running");
  equal(operatorFromPods(undefined, "no core API").detail, "no core API");
});

Deno.test("clusterStatus() is healthy only when all seven CRDs are served", () => {
  const all = {
    resources: [
      "virtualmachines",
      "vmoperations",
      "vmsnapshots",
      "vmtemplates",
      "backupjobs",
      "restorejobs",
      "backupschedules",
    ].map((name) => ({ name })),
  };
  const base = {
    server: "https://x",
    version: { gitVersion: "v1.36.3" },
    crds: {},
    operator: operatorFromPods(undefined),
  };
  const ok = clusterStatus({ ...base, discovery: all });
  equal(ok.healthy, true);
  equal(ok.serverVersion, "v1.36.3");
  deepStrictEqual(ok.crds[0].versions, ["v1alpha1"]);
  const missing = clusterStatus({ ...base, discovery: { resources: all.resources.slice(1) } });
  equal(missing.healthy, false);
  equal(missing.crds[0].installed, false);
  deepStrictEqual(missing.crds[0].versions, []);
});
