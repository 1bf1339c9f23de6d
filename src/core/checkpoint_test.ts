import { deepStrictEqual, equal, throws } from "node:assert/strict";
import {
  CheckpointClusterError,
  checkSameCluster,
  parseCheckpoint,
  serializeCheckpoint,
} from "./checkpoint.ts";

const q = {
  kind: "VirtualMachine",
  namespace: "prod",
  labelSelector: "tier=web",
  server: "https://k",
};
const vm = (name: string, rv = "7") => ({
  kind: "VirtualMachine",
  metadata: { name, namespace: "prod", resourceVersion: rv },
});
const at0 = { savedAtMs: 0 };

Deno.test("a checkpoint round-trips with its objects and cluster identity", () => {
  const objects = [vm("a")];
  const text = serializeCheckpoint(q, { resourceVersion: "9", objects, clusterId: "u1" }, at0);
  const back = parseCheckpoint(text, q, "f");
  equal(back.resourceVersion, "9");
  deepStrictEqual(back.objects, objects);
  equal(back.clusterId, "u1");
  equal(back.savedAt, "1970-01-01T00:00:00.000Z");
});

Deno.test("parseCheckpoint() refuses a file written for another query", () => {
  const text = serializeCheckpoint(q, { resourceVersion: "9", objects: [] }, at0);
  throws(() => parseCheckpoint(text, { ...q, labelSelector: "tier=db" }, "f"), /another query/);
  throws(() => parseCheckpoint(text, { ...q, namespace: undefined }, "f"), /all namespaces/);
});

Deno.test("parseCheckpoint() names what differs and how to start afresh", () => {
  const text = serializeCheckpoint(q, { resourceVersion: "9", objects: [] }, at0);
  throws(
    () => parseCheckpoint(text, { ...q, labelSelector: "tier=db", namespace: undefined }, "f"),
    {
      message:
        `state file "f" was written for another query (namespace prod there, all namespaces ` +
        `here; -l tier=web there, -l tier=db here): use one state file per query, or remove "f" to ` +
        `start afresh`,
    },
  );
});

Deno.test("parseCheckpoint() refuses a file written with other client-side filters", () => {
  const saved = { ...q, filters: { "--status": "Running" } };
  const text = serializeCheckpoint(saved, { resourceVersion: "9", objects: [] }, at0);
  equal(parseCheckpoint(text, saved, "f").resourceVersion, "9");
  const cases: [Record<string, string>, string][] = [
    [{ "--status": "Stopped" }, "--status Running there, --status Stopped here"],
    [{}, "--status Running there, no --status here"],
    [
      { "--status": "Running", "--where": "cpus > 2" },
      "no --where there, --where cpus > 2 here",
    ],
  ];
  for (const [filters, differs] of cases) {
    throws(() => parseCheckpoint(text, { ...q, filters }, "f"), {
      name: "InputError",
      message: new RegExp(`another query \\(${differs.replace(/[.*+?()]/g, "\\$&")}\\)`),
    });
  }
  const none = serializeCheckpoint(
    { ...q, filters: {} },
    { resourceVersion: "9", objects: [] },
    at0,
  );
  throws(
    () => parseCheckpoint(none, { ...q, filters: { "--node": "n1" } }, "f"),
    /no --node there/,
  );
});

Deno.test("parseCheckpoint() takes a file saved before filters were recorded as this run's", () => {
  const old = serializeCheckpoint(q, { resourceVersion: "9", objects: [] }, at0);
  equal(JSON.parse(old).query.filters, undefined);
  equal(
    parseCheckpoint(old, { ...q, filters: { "--status": "Running" } }, "f").resourceVersion,
    "9",
  );
  throws(() => parseCheckpoint(old, { ...q, labelSelector: "x=y", filters: {} }, "f"), /-l x=y/);
});

Deno.test("parseCheckpoint() refuses junk with the file name", () => {
  throws(() => parseCheckpoint("{", q, "vms.state"), /state file "vms.state": not JSON/);
  throws(() => parseCheckpoint('{"version":2}', q, "x"), /not a hyperctl watch checkpoint/);
});

Deno.test("parseCheckpoint() refuses a file with any damaged object, naming it", () => {
  const good = JSON.parse(serializeCheckpoint(q, { resourceVersion: "9", objects: [] }, at0));
  const cases: [unknown[], RegExp][] = [
    [[1], /objects\[0\]: not an object with metadata/],
    [[vm("a"), null], /objects\[1\]: not an object with metadata/],
    [["x"], /objects\[0\]: not an object with metadata/],
    [[{ metadata: null }], /objects\[0\]: not an object with metadata/],
    [[{ ...vm("a"), kind: "VMSnapshot" }], /objects\[0\]: kind is "VMSnapshot"/],
    [[{ ...vm("a"), kind: undefined }], /objects\[0\]: kind is undefined/],
    [[{ kind: "VirtualMachine", metadata: { namespace: "prod" } }], /no metadata\.name/],
    [[{ kind: "VirtualMachine", metadata: { name: "a" } }], /no metadata\.namespace/],
    [[{ kind: "VirtualMachine", metadata: { name: "a", namespace: "dev" } }], /outside the/],
    [[{ kind: "VirtualMachine", metadata: { name: "a", namespace: "prod" } }], /resourceVersion/],
    [[vm("a"), vm("a", "8")], /objects\[1\]: prod\/a appears twice/],
  ];
  for (const [objects, message] of cases) {
    const text = JSON.stringify({ ...good, objects });
    throws(() => parseCheckpoint(text, q, "s.json"), {
      name: "InputError",
      message: new RegExp(`^cannot read state file "s\\.json": .*${message.source}.* \\(fix or`),
    });
  }
  for (
    const [field, value] of [
      ["resourceVersion", ""],
      ["resourceVersion", 42],
      ["objects", {}],
      ["clusterId", 1],
      ["query", { ...q, server: 1 }],
      ["query", { ...q, filters: { "--status": 1 } }],
      ["query", { ...q, filters: "--status Running" }],
    ] as const
  ) {
    throws(
      () => parseCheckpoint(JSON.stringify({ ...good, [field]: value }), q, "s"),
      /^InputError: cannot read state file "s": /,
      `${field}=${JSON.stringify(value)}`,
    );
  }
});

Deno.test("checkSameCluster() refuses only when both identities are known and differ", () => {
  const cp = { clusterId: "u1", query: q };
  checkSameCluster(cp, "u1", "f");
  checkSameCluster(cp, undefined, "f");
  checkSameCluster({ clusterId: undefined, query: q }, "u2", "f");
  throws(() => checkSameCluster(cp, "u2", "vms.state"), (e: unknown) => {
    equal(e instanceof CheckpointClusterError, true);
    equal(
      (e as Error).message,
      `state file "vms.state" belongs to another cluster: VirtualMachine at https://k has been ` +
        `recreated (definition uid u2, the file has u1); its resourceVersions mean nothing ` +
        `here: remove the file to start over`,
    );
    return true;
  });
});
