/**
 * kubectl 1.33 against the embedded sim server: the sim must be usable with the reference client
 * unchanged, including apply, patch, status patch, delete, watch and auth errors.
 */

import { deepEqual, equal, match } from "node:assert/strict";
import { startSimServer } from "../../src/sim/server/mod.ts";
import { apiServerTest, freshNamespace, kubectlBinary } from "../support/apiserver.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** kubectl 1.33, or undefined where it is not installed (the tests then skip). */
function kubectlPath(): string | undefined {
  try {
    const path = kubectlBinary();
    Deno.statSync(path);
    return path;
  } catch {
    return undefined;
  }
}

const KUBECTL = kubectlPath();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const VM = `apiVersion: hypersdk.io/v1alpha1
kind: VirtualMachine
metadata:
  name: web-1
  labels:
    app: web
spec:
  cpus: 2
  memory: 4Gi
`;

Deno.test({
  name: "kubectl 1.33 drives the sim server: get, apply, patch, status, watch, delete, auth",
  ignore: KUBECTL === undefined,
  async fn() {
    const sim = await startSimServer({ crdDir: `${ROOT}deploy/crds` });
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-sim-kubectl-" });
    const kubeconfig = `${dir}/config`;
    await Deno.writeTextFile(kubeconfig, sim.kubeconfigYaml("sim", "demo"), { mode: 0o600 });
    await Deno.writeTextFile(`${dir}/vm.yaml`, VM);
    const env = { KUBECONFIG: kubeconfig, HOME: dir };
    const run = async (...args: string[]): Promise<Run> => {
      const out = await new Deno.Command(KUBECTL!, { args, env, stdout: "piped", stderr: "piped" })
        .output();
      const d = new TextDecoder();
      return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
    };
    try {
      const empty = await run("get", "virtualmachines");
      equal(empty.code, 0, empty.stderr);
      equal(empty.stderr.trim(), "No resources found in demo namespace.");

      const applied = await run("apply", "-f", `${dir}/vm.yaml`);
      equal(applied.code, 0, applied.stderr);
      equal(applied.stdout.trim(), "virtualmachine.hypersdk.io/web-1 created");

      const got = await run("get", "vm", "web-1", "-o", "json");
      equal(got.code, 0, got.stderr);
      const obj = JSON.parse(got.stdout);
      equal(obj.metadata.namespace, "demo");
      equal(obj.metadata.generation, 1);
      equal(obj.spec.running, true, "CRD default applied");

      // start the watch before the changes; the list at its start gives the ADDED event
      const watch = new Deno.Command(KUBECTL!, {
        args: ["get", "vm", "-w", "--output-watch-events", "-o", "json", "--request-timeout=30s"],
        env,
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      const lines: string[] = [];
      const reading = (async () => {
        let buf = "";
        for await (const chunk of watch.stdout.pipeThrough(new TextDecoderStream())) {
          buf += chunk;
          let i;
          while ((i = buf.indexOf("\n")) >= 0) {
            lines.push(buf.slice(0, i));
            buf = buf.slice(i + 1);
          }
        }
      })();
      const waitFor = async (n: number) => {
        for (let i = 0; i < 200 && lines.length < n; i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await waitFor(1);

      const merged = await run("patch", "vm", "web-1", "--type=merge", "-p", '{"spec":{"cpus":4}}');
      equal(merged.code, 0, merged.stderr);
      equal(merged.stdout.trim(), "virtualmachine.hypersdk.io/web-1 patched");

      const status = await run(
        "patch",
        "vm",
        "web-1",
        "--subresource=status",
        "--type=merge",
        "-p",
        '{"status":{"phase":"Running","ipAddresses":["10.0.0.7"]}}',
      );
      equal(status.code, 0, status.stderr);

      const table = await run("get", "vm");
      equal(table.code, 0, table.stderr);
      const [header, row] = table.stdout.trim().split("\n");
      match(header, /^NAME\s+STATUS\s+CPUS\s+MEMORY\s+NODE\s+IPS\s+AGE$/);
      match(row, /^web-1\s+Running\s+4\s+4Gi\s+10\.0\.0\.7\s+\d+s$/);

      const after = JSON.parse((await run("get", "vm", "web-1", "-o", "json")).stdout);
      equal(after.metadata.generation, 2, "spec patch bumps generation, status patch does not");

      const invalid = await run(
        "patch",
        "vm",
        "web-1",
        "--type=merge",
        "-p",
        '{"spec":{"cpus":0}}',
      );
      equal(invalid.code, 1);
      equal(
        invalid.stderr.trim(),
        'The VirtualMachine "web-1" is invalid: spec.cpus: Invalid value: 0: spec.cpus in body should be greater than or equal to 1',
      );

      const viewer = await run("--context", "sim-viewer", "delete", "vm", "web-1");
      equal(viewer.code, 1);
      equal(
        viewer.stderr.trim(),
        'Error from server (Forbidden): virtualmachines.hypersdk.io "web-1" is forbidden: User "hyperctl-viewer" cannot delete resource "virtualmachines" in API group "hypersdk.io" in the namespace "demo"',
      );
      const viewerGet = await run("--context", "sim-viewer", "get", "vm", "-o", "name");
      equal(viewerGet.stdout.trim(), "virtualmachine.hypersdk.io/web-1");

      // an unknown token (kubectl prompts for a password when there is none at all)
      const unauth = await run("--token=not-a-token", "get", "vm");
      equal(unauth.code, 1);
      equal(unauth.stderr.trim(), "error: You must be logged in to the server (Unauthorized)");
      const client = Deno.createHttpClient({ caCerts: [sim.caPem] });
      const bare = await fetch(`${sim.url}/apis/hypersdk.io/v1alpha1/virtualmachines`, { client });
      equal(bare.status, 401, "no token at all");
      await bare.body?.cancel();
      client.close();

      const deleted = await run("delete", "vm", "web-1");
      equal(deleted.code, 0, deleted.stderr);
      equal(deleted.stdout.trim(), 'virtualmachine.hypersdk.io "web-1" deleted');

      await waitFor(4);
      sim.dropWatches();
      await reading;
      const wstatus = await watch.status;
      equal(wstatus.code, 0, "kubectl get -w exits 0 when the server closes the watch");
      const events = lines.map((l) => JSON.parse(l));
      deepEqual(events.map((e) => e.type), ["ADDED", "MODIFIED", "MODIFIED", "DELETED"]);
      deepEqual(events.map((e) => e.object.spec.cpus), [2, 4, 4, 4]);
      equal(events[2].object.status.phase, "Running");

      const none = await run("get", "vm");
      equal(none.stderr.trim(), "No resources found in demo namespace.");
    } finally {
      await sim.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

/** A VMOperation named by the server from `prefix`. */
function vmOperation(prefix: string): string {
  return `apiVersion: hypersdk.io/v1alpha1
kind: VMOperation
metadata:
  generateName: ${prefix}
spec:
  vmRef:
    name: web-1
  operation: stop
`;
}

/** Strip what legitimately differs between two servers: identities, versions, times. */
function normalize(text: string, ns: string): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === "managedFields") continue;
        out[k] = ["uid", "resourceVersion", "creationTimestamp"].includes(k) ? "<x>" : strip(x);
      }
      return out;
    }
    return v;
  };
  let t = text.replaceAll(ns, "<ns>").replace(/\b\d+s\b/g, "<age>")
    // The random suffix of a name from generateName (prefixes of "a", which is no suffix letter).
    .replace(/(a{58}|Foo_bar-)[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, "$1<suffix>");
  try {
    t = JSON.stringify(strip(JSON.parse(t)), null, 2);
  } catch { /* not JSON */ }
  return t;
}

apiServerTest("kubectl 1.33 prints the same against the sim and the real server", async (real) => {
  if (KUBECTL === undefined) return;
  const sim = await startSimServer({ crdDir: `${ROOT}deploy/crds` });
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-sim-parity-" });
  const ns = freshNamespace("parity");
  const simConfig = `${dir}/sim-config`;
  await Deno.writeTextFile(simConfig, sim.kubeconfigYaml("admin", ns), { mode: 0o600 });
  await Deno.writeTextFile(`${dir}/vm.yaml`, VM);
  // generateName: the base is cut to 58 characters; the prefix is validated as a name (at most
  // 253 characters once its trailing dash is masked, which drops one), then the name.
  const prefixes = {
    long: `${"a".repeat(100)}-stop-`,
    limit: `${"a".repeat(253)}-`,
    over: `${"a".repeat(250)}-stop-`,
    bad: "Foo_bar-",
  };
  for (const [file, prefix] of Object.entries(prefixes)) {
    await Deno.writeTextFile(`${dir}/op-${file}.yaml`, vmOperation(prefix));
  }
  const kubectl = async (config: string, viewerContext: string, args: string[]) => {
    const full = args.map((a) => a === "@viewer" ? viewerContext : a);
    const out = await new Deno.Command(KUBECTL!, {
      args: ["--kubeconfig", config, "-n", ns, ...full],
      env: { HOME: dir },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const d = new TextDecoder();
    return `exit ${out.code}\n${normalize(d.decode(out.stdout), ns)}\n${
      normalize(d.decode(out.stderr), ns)
    }`;
  };
  const steps: string[][] = [
    ["get", "vm"],
    ["apply", "-f", `${dir}/vm.yaml`],
    ["get", "vm", "web-1", "-o", "json"],
    ["patch", "vm", "web-1", "--type=merge", "-p", '{"spec":{"cpus":4}}'],
    [
      "patch",
      "vm",
      "web-1",
      "--subresource=status",
      "--type=merge",
      "-p",
      '{"status":{"phase":"Running"}}',
    ],
    ["get", "vm", "web-1", "-o", "json"],
    ["get", "vm"],
    ["get", "vm", "-o", "wide", "--field-selector", "status.phase=Running"],
    ["get", "vm", "--field-selector", "spec.cpus=4"],
    ["patch", "vm", "web-1", "--type=merge", "-p", '{"spec":{"cpus":0}}'],
    ["patch", "vm", "web-1", "--type=strategic", "-p", '{"spec":{"cpus":3}}'],
    // Keys that are no qualified names; annotation keys are checked in lower case.
    ["patch", "vm", "web-1", "--type=merge", "-p", '{"metadata":{"annotations":{"_x":"1"}}}'],
    ["patch", "vm", "web-1", "--type=merge", "-p", '{"metadata":{"labels":{"a/b/c":"1"}}}'],
    ["patch", "vm", "web-1", "--type=merge", "-p", '{"metadata":{"labels":{"p/":"1"}}}'],
    ["patch", "vm", "web-1", "--type=merge", "-p", '{"metadata":{"labels":{"Ex.com/a":"1"}}}'],
    ["patch", "vm", "web-1", "--type=merge", "-p", '{"metadata":{"annotations":{"Ex.com/a":"1"}}}'],
    ["--context", "@viewer", "delete", "vm", "web-1"],
    ["delete", "vm", "web-1"],
    ["get", "vm", "web-1"],
    ...Object.keys(prefixes).map((file) => ["create", "-f", `${dir}/op-${file}.yaml`]),
  ];
  try {
    for (const step of steps) {
      const want = await kubectl(real.kubeconfigPath, "viewer", step);
      const got = await kubectl(simConfig, "admin-viewer", step);
      equal(got, want, `kubectl ${step.join(" ")}\n--- sim:\n${got}\n--- real:\n${want}`);
    }
  } finally {
    await kubectl(real.kubeconfigPath, "viewer", ["delete", "vmoperations", "--all"]);
    await sim.stop();
    await Deno.remove(dir, { recursive: true });
  }
});
