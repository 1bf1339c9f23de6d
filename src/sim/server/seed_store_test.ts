import assert, { equal } from "node:assert/strict";
import { API_VERSION } from "../../core/kinds.ts";
import { startSimServer } from "./server.ts";
import { ApiError } from "./status.ts";

const CRD = Deno.readTextFileSync(new URL("./testdata/virtualmachines.yaml", import.meta.url));
const TARGET = { group: "hypersdk.io", version: "v1alpha1", plural: "virtualmachines" };

const vm = (name: string, cpus: number) => ({
  apiVersion: API_VERSION,
  kind: "VirtualMachine",
  metadata: { name },
  spec: { cpus, memory: "1Gi" },
});

Deno.test("seed() admits like a create (metadata, defaults) and writes the status like PUT /status", async () => {
  const s = await startSimServer({ crdYaml: [CRD] });
  try {
    const rv = s.resourceVersion;
    const n = s.seed({ ...TARGET, namespace: "ns" }, [
      { object: vm("a", 1), status: { phase: "Running" } },
      { object: vm("b", 2) },
    ]);
    equal(n, 2);
    // Two commits for a, one for b: the same history a client's create + status update leaves.
    equal(s.resourceVersion, rv + 3);
    const client = Deno.createHttpClient({ caCerts: [s.caPem] });
    const res = await fetch(`${s.url}/apis/hypersdk.io/v1alpha1/namespaces/ns/virtualmachines`, {
      client,
      headers: { authorization: `Bearer ${s.tokens.admin}` },
    });
    const list = await res.json();
    client.close();
    const [a, b] = list.items;
    equal(a.metadata.name, "a");
    equal(a.metadata.generation, 1);
    assert.match(a.metadata.uid, /^[0-9a-f-]{36}$/);
    equal(a.status.phase, "Running");
    equal(b.status, undefined);
    // The CRD's defaults were applied, as on a POST.
    equal(a.spec.running, true);
  } finally {
    await s.stop();
  }
});

Deno.test("seed() refuses what a create would refuse, with the same API error", async () => {
  const s = await startSimServer({ crdYaml: [CRD] });
  try {
    assert.throws(
      () => s.seed({ ...TARGET, namespace: "ns" }, [{ object: vm("bad", 0) }]),
      (e: unknown) =>
        e instanceof ApiError && e.status.code === 422 && /spec\.cpus/.test(e.status.message ?? ""),
    );
    assert.throws(() => s.seed({ ...TARGET, plural: "nothings", namespace: "ns" }, []), RangeError);
  } finally {
    await s.stop();
  }
});
