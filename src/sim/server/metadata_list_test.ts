/** The sim's metadata-only lists over HTTP: shape, paging, and the fallback to the full list. */
import assert from "node:assert/strict";
import { vm } from "../../testing/vm_crd_fixture.ts";
import { startSimServer } from "./server.ts";
import { wantsMetadataList } from "./metadata_list.ts";

const CRD = Deno.readTextFileSync(new URL("./testdata/virtualmachines.yaml", import.meta.url));
const VMS = "/apis/hypersdk.io/v1alpha1/virtualmachines";
const METADATA = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

async function withVms(
  fn: (get: (path: string, accept: string) => Promise<Record<string, unknown>>) => Promise<void>,
) {
  const s = await startSimServer({
    crdYaml: [CRD],
    tokens: { admin: "a", viewer: "v", nobody: "n", namespaced: "z" },
  });
  const client = Deno.createHttpClient({ caCerts: [s.caPem] });
  const send = async (path: string, init: RequestInit) => {
    const res = await fetch(`${s.url}${path}`, { ...init, client });
    const body = await res.json();
    assert.ok(res.ok, JSON.stringify(body));
    return body;
  };
  try {
    for (const name of ["a", "b", "c"]) {
      await send("/apis/hypersdk.io/v1alpha1/namespaces/ns/virtualmachines", {
        method: "POST",
        headers: { authorization: "Bearer a", "content-type": "application/json" },
        body: JSON.stringify(vm(name, { metadata: { name, labels: { tier: "web" } } })),
      });
    }
    await fn((path, accept) =>
      send(path, { headers: { authorization: "Bearer a", accept: accept } })
    );
  } finally {
    client.close();
    await s.stop();
  }
}

Deno.test("sim: a metadata-only list pages PartialObjectMetadata items like the full list", async () => {
  await withVms(async (get) => {
    const first = await get(`${VMS}?limit=2`, `${METADATA}, application/json`);
    assert.deepEqual(Object.keys(first), ["kind", "apiVersion", "metadata", "items"]);
    assert.equal(first.kind, "PartialObjectMetadataList");
    assert.equal(first.apiVersion, "meta.k8s.io/v1");
    const meta = first.metadata as Record<string, string | number>;
    assert.deepEqual(Object.keys(meta), ["resourceVersion", "continue", "remainingItemCount"]);
    assert.equal(meta.remainingItemCount, 1);
    const items = first.items as Record<string, Record<string, unknown>>[];
    assert.deepEqual(items.map((i) => Object.keys(i)), [["kind", "apiVersion", "metadata"], [
      "kind",
      "apiVersion",
      "metadata",
    ]]);
    assert.deepEqual(items.map((i) => [i.kind, i.apiVersion, i.metadata.name]), [
      ["PartialObjectMetadata", "meta.k8s.io/v1", "a"],
      ["PartialObjectMetadata", "meta.k8s.io/v1", "b"],
    ]);
    assert.deepEqual(items[0].metadata.labels, { tier: "web" });
    const last = await get(
      `${VMS}?limit=2&continue=${encodeURIComponent(String(meta.continue))}`,
      METADATA,
    );
    // The last page's typed ListMeta leaves the empty continue out; the snapshot's version stays.
    assert.deepEqual(last.metadata, { resourceVersion: meta.resourceVersion });
    assert.deepEqual(
      (last.items as { metadata: { name: string } }[]).map((i) => i.metadata.name),
      ["c"],
    );
  });
});

Deno.test("sim: other Accept headers get the full list", async () => {
  await withVms(async (get) => {
    for (
      const accept of [
        "application/json",
        "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1beta9, application/json",
        `application/json, ${METADATA}`,
      ]
    ) {
      const list = await get(`${VMS}?limit=2`, accept);
      assert.equal(list.kind, "VirtualMachineList", accept);
      assert.equal((list.items as { kind: string }[])[0].kind, "VirtualMachine", accept);
    }
  });
});

Deno.test("wantsMetadataList() reads the first media type's parameters", () => {
  assert.equal(wantsMetadataList(`${METADATA}, application/json`), true);
  assert.equal(
    wantsMetadataList("application/json; as=PartialObjectMetadataList; g=meta.k8s.io; v=v1"),
    true,
  );
  assert.equal(
    wantsMetadataList("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"),
    false,
  );
  assert.equal(wantsMetadataList("application/json;as=Table;g=meta.k8s.io;v=v1"), false);
  assert.equal(wantsMetadataList(null), false);
});
