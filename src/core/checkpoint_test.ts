import { deepStrictEqual, equal, throws } from "node:assert/strict";
import { parseCheckpoint, serializeCheckpoint } from "./checkpoint.ts";

const q = {
  kind: "VirtualMachine",
  namespace: "prod",
  labelSelector: "tier=web",
  server: "https://k",
};

Deno.test("a checkpoint round-trips with its objects", () => {
  const objects = [{ metadata: { name: "a", resourceVersion: "7" } }];
  const back = parseCheckpoint(serializeCheckpoint(q, "9", objects, 0), q, "f");
  equal(back.resourceVersion, "9");
  deepStrictEqual(back.objects, objects);
  equal(back.savedAt, "1970-01-01T00:00:00.000Z");
});

Deno.test("parseCheckpoint() refuses a file written for another query", () => {
  const text = serializeCheckpoint(q, "9", [], 0);
  throws(() => parseCheckpoint(text, { ...q, labelSelector: "tier=db" }, "f"), /another query/);
  throws(() => parseCheckpoint(text, { ...q, namespace: undefined }, "f"), /all namespaces/);
});

Deno.test("parseCheckpoint() refuses junk with the file name", () => {
  throws(() => parseCheckpoint("{", q, "vms.state"), /state file "vms.state": not JSON/);
  throws(() => parseCheckpoint('{"version":2}', q, "x"), /not a hyperctl watch checkpoint/);
});
