import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../core/kinds.ts";
import type { KubeApi, ResourceRef } from "../../k8s/api.ts";
import { createKubeApi } from "../../k8s/client.ts";
import { resolveKubeConfig } from "../../k8s/kubeconfig.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import type { OutputFormat } from "../../render/renderer.ts";
import { startSimServer } from "../../sim/server/mod.ts";
import { refFor } from "./common.ts";
import { printList } from "./_print_list.ts";
import { parseSortKey } from "../../core/sort.ts";

const CRDS = new URL("../../../deploy/crds", import.meta.url).pathname;
const VM = kindByNoun("vm");

/** `api` with every list request recording what stdout held when it was sent. */
function recordingLists(api: KubeApi, stdout: () => string, seen: string[]): KubeApi {
  return new Proxy(api, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop === "list") {
        return (...args: Parameters<KubeApi["list"]>) => {
          seen.push(stdout());
          return target.list(...args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Run `fn` with a client of a fresh sim and the VMs of its namespace `ns1`. */
async function withSim(fn: (api: KubeApi, ref: ResourceRef) => Promise<void>): Promise<void> {
  const sim = await startSimServer({ crdDir: CRDS });
  const config = resolveKubeConfig({
    env: {},
    kubeconfig: "k",
    readFile: () => sim.kubeconfigYaml("t", "ns1"),
  });
  const api = createKubeApi(config);
  try {
    await fn(api, refFor(VM, "ns1"));
  } finally {
    api.close();
    await sim.stop();
  }
}

Deno.test("printList writes the first page before it requests the last one, and the output equals one page's", async () => {
  await withSim(async (api, ref) => {
    for (let i = 0; i < 5; i++) {
      await api.create(ref, {
        apiVersion: API_VERSION,
        kind: "VirtualMachine",
        metadata: { name: `vm-${i}` },
        spec: { cpus: 1, memory: "1Gi" },
      });
    }
    const print = async (chunkSize: number, seen: string[]) => {
      let text = "";
      const out = { write: (t: string) => (text += t, Promise.resolve(true)) };
      const source = recordingLists(api, () => text, seen);
      const renderer = await createRenderer("json", { kind: VM, nowMs: () => 0 });
      const kept = await printList(source, ref, { chunkSize, keep: () => true, renderer, out });
      return { kept, text };
    };
    const seen: string[] = [];
    const paged = await print(2, seen);
    assert.equal(paged.kept, 5);
    // Three pages: the third request goes out once the first page is on stdout.
    assert.equal(seen.length, 3);
    assert.equal(seen[0], "");
    assert.match(seen[2], /"name": "vm-0"[\s\S]*"name": "vm-1"/);
    assert.doesNotMatch(seen[2], /"name": "vm-4"/);
    const whole = await print(0, []);
    assert.equal(paged.text, whole.text);
    assert.equal(JSON.parse(paged.text).items.length, 5);
  });
});

Deno.test("a sorted list prints in slices, byte for byte as one, and a table is laid out whole", async () => {
  await withSim(async (api, ref) => {
    // The longest name sorts last, so a table laid out slice by slice would print narrower rows.
    for (const [name, cpus] of [["a", 3], ["b", 1], ["c", 2], ["a-much-longer-name", 4]] as const) {
      await api.create(ref, {
        apiVersion: API_VERSION,
        kind: "VirtualMachine",
        metadata: { name },
        spec: { cpus, memory: "1Gi" },
      });
    }
    const sortKey = parseSortKey(".spec.cpus", VM);
    const print = async (format: OutputFormat, chunkSize: number) => {
      const writes: string[] = [];
      const out = { write: (t: string) => (writes.push(t), Promise.resolve(true)) };
      const renderer = await createRenderer(format, { kind: VM, nowMs: () => 0 });
      await printList(api, ref, { chunkSize, keep: () => true, sortKey, renderer, out });
      return writes;
    };
    for (const format of ["json", "yaml", "name", "table"] as const) {
      const sliced = await print(format, 1);
      const whole = await print(format, 0);
      assert.equal(sliced.join(""), whole.join(""), format);
      // Four slices and the end for a stream; one write for the table.
      assert.equal(sliced.length, format === "table" ? 1 : 5, format);
    }
    const names = (await print("name", 1)).join("");
    assert.equal(
      names.replaceAll("virtualmachine.hypersdk.io/", ""),
      "b\nc\na\na-much-longer-name\n",
    );
  });
});
