/**
 * The metadata-only list and watch requests from the client's side, against a local server that
 * does not serve the conversion (as a server without it answers): the Accept header offers whole
 * objects as the fallback, and they are handed on like metadata-only ones. kube-apiserver's and the
 * sim's metadata-only answers are checked in tests/integration/metadata_list_test.ts.
 */
import assert from "node:assert/strict";
import { lastValueFrom, of, toArray } from "../rx.ts";
import { createKubeApi } from "./client.ts";
import { listPages$ } from "./list_pages.ts";
import { METADATA_LIST_ACCEPT, METADATA_WATCH_ACCEPT } from "./_partial_metadata.ts";

const VMS = { group: "hypersdk.io", version: "v1alpha1", plural: "virtualmachines" };

Deno.test("a metadata-only list offers the full list as fallback, and reads it page by page", async () => {
  const accepts: (string | null)[] = [];
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, (req) => {
    accepts.push(req.headers.get("accept"));
    const first = !new URL(req.url).searchParams.has("continue");
    return Response.json({
      apiVersion: "hypersdk.io/v1alpha1",
      kind: "VirtualMachineList",
      metadata: { resourceVersion: "7", continue: first ? "next" : "" },
      items: [{ kind: "VirtualMachine", metadata: { name: first ? "a" : "b" }, spec: { cpus: 1 } }],
    });
  });
  using api = createKubeApi({
    server: `http://127.0.0.1:${server.addr.port}`,
    namespace: "default",
    source: ["test"],
    insecureSkipTlsVerify: false,
  });
  const names = await lastValueFrom(
    listPages$(api, VMS, {
      chunkSize: 1,
      metadataOnly: true,
      handle: (page) => of(page.items.map((i) => i.metadata?.name).join()),
    }).pipe(toArray()),
  );
  await api.list(VMS, { limit: 1 });
  await server.shutdown();
  assert.deepEqual(names, ["a", "b"]);
  assert.deepEqual(accepts, [METADATA_LIST_ACCEPT, METADATA_LIST_ACCEPT, "application/json"]);
  assert.match(METADATA_LIST_ACCEPT, /, application\/json$/);
});

Deno.test("a metadata-only watch asks for PartialObjectMetadata, and reads whole objects sent instead", async () => {
  const accepts: (string | null)[] = [];
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, (req) => {
    accepts.push(req.headers.get("accept"));
    const event = { type: "ADDED", object: { kind: "VirtualMachine", metadata: { name: "a" } } };
    return new Response(JSON.stringify(event) + "\n", {
      headers: { "content-type": "application/json" },
    });
  });
  using api = createKubeApi({
    server: `http://127.0.0.1:${server.addr.port}`,
    namespace: "default",
    source: ["test"],
    insecureSkipTlsVerify: false,
  });
  const names: (string | undefined)[] = [];
  for (const metadataOnly of [true, false]) {
    const stream = await api.watch(VMS, { metadataOnly });
    for await (const event of stream) names.push(event.object?.metadata?.name);
  }
  await server.shutdown();
  assert.deepEqual(names, ["a", "a"]);
  assert.deepEqual(accepts, [METADATA_WATCH_ACCEPT, "application/json"]);
  assert.match(
    METADATA_WATCH_ACCEPT,
    /^application\/json;as=PartialObjectMetadata;.*, application\/json$/,
  );
});
