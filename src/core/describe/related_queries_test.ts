import { deepEqual, equal } from "node:assert/strict";
import type { Noun } from "../kinds.ts";
import { relatedQueries } from "./related_queries.ts";

const meta = (name: string) => ({ name, namespace: "prod" });

Deno.test("relatedQueries() names what each kind links to, by key", () => {
  const cases: [Noun, Record<string, unknown>, string[]][] = [
    ["vm", { metadata: meta("web-1") }, [
      "operations",
      "snapshots",
      "backups",
      "restores",
      "schedules",
    ]],
    ["op", {
      metadata: meta("o"),
      spec: { vmRef: { name: "web-1" }, operation: "clone", cloneSpec: { targetName: "web-2" } },
    }, ["vm", "produced"]],
    ["op", { metadata: meta("o"), spec: { vmRef: { name: "web-1" }, operation: "start" } }, ["vm"]],
    ["snapshot", { metadata: meta("s"), spec: { vmRef: { name: "web-1" } } }, ["vm"]],
    ["template", { metadata: meta("t") }, ["vms"]],
    ["backup", {
      metadata: { ...meta("b"), labels: { "hypersdk.io/schedule": "nightly" } },
      spec: { source: { vmName: "web-1" } },
    }, ["vm", "schedule", "restores"]],
    ["restore", {
      metadata: meta("r"),
      spec: { source: { backupJobRef: { name: "b" } }, destination: { vmName: "web-2" } },
    }, ["backup", "vm"]],
    ["schedule", { metadata: meta("n"), spec: {} }, ["backups"]],
  ];
  for (const [noun, obj, keys] of cases) {
    deepEqual(relatedQueries(noun, obj).map((q) => q.key), keys, noun);
  }
});

Deno.test("relatedQueries() selects on the server where the CRDs allow it and escapes values", () => {
  const [ops] = relatedQueries("vm", { metadata: meta("a,b=c") });
  equal(ops.fieldSelector, "spec.vmRef.name=a\\,b\\=c");
  const [clone, produced] = relatedQueries("op", {
    metadata: meta("o"),
    spec: {
      vmRef: { name: "web-1", namespace: "dev" },
      operation: "clone",
      cloneSpec: { targetName: "web-2", targetNamespace: "qa" },
    },
  });
  deepEqual([clone.namespace, clone.fieldSelector], ["dev", "metadata.name=web-1"]);
  deepEqual([produced.noun, produced.namespace, produced.fieldSelector], [
    "vm",
    "qa",
    "metadata.name=web-2",
  ]);
  const backups = relatedQueries("schedule", { metadata: meta("nightly"), spec: {} })[0];
  equal(backups.labelSelector, "hypersdk.io/schedule=nightly");
});

Deno.test("relatedQueries() keeps a VM's restores and schedules by their nested references", () => {
  const queries = relatedQueries("vm", { metadata: meta("web-1") });
  const restores = queries.find((q) => q.key === "restores")!;
  const restore = (destination: Record<string, unknown>, renameVM?: string) => ({
    metadata: meta("r"),
    spec: { destination, options: renameVM ? { renameVM } : {} },
  });
  equal(restores.match!(restore({ vmName: "web-1" })), true);
  equal(restores.match!(restore({ vmName: "web-1", namespace: "other" })), false);
  equal(restores.match!(restore({ vmName: "x" }, "web-1")), true);
  const schedules = queries.find((q) => q.key === "schedules")!;
  equal(
    schedules.match!({
      metadata: meta("n"),
      spec: { jobTemplate: { spec: { source: { vmName: "web-1" } } } },
    }),
    true,
  );
  const ops = queries.find((q) => q.key === "operations")!;
  equal(
    ops.match!({ metadata: meta("o"), spec: { vmRef: { name: "web-1", namespace: "dev" } } }),
    false,
  );
});
