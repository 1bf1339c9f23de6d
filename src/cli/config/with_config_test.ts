import assert from "node:assert/strict";
import type { KubeApi, ResourceRef } from "../../k8s/api.ts";
import type { Connection, GlobalFlags } from "../deps.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { run } from "../main.ts";
import { parseConfig } from "./config.ts";

const CONFIG_TEXT = `output: name
color: never
namespace: team-a
presets:
  big:
    kind: vm
    minMemory: 8Gi
  running:
    status: Running
  snaps:
    kind: snapshot
`;
// Parsing it here makes a broken fixture fail loudly, not as a missing preset.
parseConfig(CONFIG_TEXT, "/c.yaml");
// run() applies the config itself, reading the file HYPERCTL_CONFIG names.
const CONFIG_FILE = Deno.makeTempFileSync({ suffix: ".yaml" });
Deno.writeTextFileSync(CONFIG_FILE, CONFIG_TEXT);

const vm = (name: string, memory: string, phase: string) => ({
  apiVersion: "hypersdk.io/v1alpha1",
  kind: "VirtualMachine",
  metadata: { name, namespace: "team-a", creationTimestamp: "2026-01-01T00:00:00Z" },
  spec: { cpus: 2, memory },
  status: { phase },
});

/** Run the real command line against a one-call fake cluster. */
async function runWithConfig(argv: string[]) {
  const seen: { globals?: GlobalFlags; refs: ResourceRef[] } = { refs: [] };
  const api = {
    list: (ref: ResourceRef) => {
      seen.refs.push(ref);
      return Promise.resolve({
        metadata: { resourceVersion: "1" },
        items: [
          vm("small", "2Gi", "Running"),
          vm("large", "16Gi", "Stopped"),
          vm("mid", "8Gi", "Running"),
        ],
      });
    },
  } as unknown as KubeApi;
  const deps = fakeDeps({
    env: { HYPERCTL_CONFIG: CONFIG_FILE },
    connect: (globals): Promise<Connection> => {
      seen.globals = globals;
      return Promise.resolve({
        api,
        namespace: globals.namespace ?? "default",
        contextName: "test",
        close: () => {},
      });
    },
  });
  const code = await run(argv, deps);
  return { ...seen, code, stdout: deps.stdout(), stderr: deps.stderr() };
}

Deno.test("withConfig() applies output, color and namespace when the command line does not", async () => {
  const r = await runWithConfig(["vm", "list"]);
  assert.equal(r.code, 0);
  assert.equal(r.globals?.namespace, "team-a");
  assert.equal(r.globals?.output, "name");
  assert.equal(r.globals?.color, "never");
  assert.equal(r.refs[0].namespace, "team-a");
  assert.equal(
    r.stdout,
    "virtualmachine.hypersdk.io/small\nvirtualmachine.hypersdk.io/large\nvirtualmachine.hypersdk.io/mid\n",
  );
});

Deno.test("withConfig(): flags on the command line beat the config", async () => {
  const r = await runWithConfig(["vm", "list", "-n", "dev", "-o", "json", "--color", "auto"]);
  assert.equal(r.globals?.namespace, "dev");
  assert.equal(r.globals?.output, "json");
  assert.equal(r.globals?.color, "auto");
  // Global flags after the verb, too.
  const after = await runWithConfig(["vm", "list", "--namespace=ops"]);
  assert.equal(after.globals?.namespace, "ops");
});

Deno.test("withConfig() applies --preset; explicit filter flags win over it", async () => {
  const big = await runWithConfig(["vm", "list", "--preset", "big"]);
  assert.equal(big.stdout, "virtualmachine.hypersdk.io/large\nvirtualmachine.hypersdk.io/mid\n");
  const both = await runWithConfig([
    "vm",
    "list",
    "--preset",
    "big",
    "--preset",
    "big",
    "--status",
    "running",
  ]);
  assert.equal(both.stdout, "virtualmachine.hypersdk.io/mid\n");
  const override = await runWithConfig(["vm", "list", "--preset", "big", "--min-memory", "1Gi"]);
  assert.equal(
    override.stdout,
    "virtualmachine.hypersdk.io/small\nvirtualmachine.hypersdk.io/large\nvirtualmachine.hypersdk.io/mid\n",
  );
  const kindless = await runWithConfig(["vm", "list", "--preset", "running"]);
  assert.equal(
    kindless.stdout,
    "virtualmachine.hypersdk.io/small\nvirtualmachine.hypersdk.io/mid\n",
  );
});

Deno.test("withConfig(): a bad preset is a usage error before anything is sent", async () => {
  const unknown = await runWithConfig(["vm", "list", "--preset", "bigg"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^error: unknown preset "bigg" \(did you mean "big"\?\)/);
  assert.deepEqual(unknown.refs, []);
  const wrongKind = await runWithConfig(["vm", "list", "--preset", "snaps"]);
  assert.match(wrongKind.stderr, /preset "snaps" is for snapshot, not vm/);
  assert.equal(wrongKind.globals, undefined);
});
