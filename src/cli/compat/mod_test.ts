import { deepEqual, equal, match, ok, throws } from "node:assert/strict";
import { parse } from "yaml";
import type { KubeList, KubeObject } from "../../core/types.ts";
import type { KubeApi, ListOptions, ResourceRef } from "../../k8s/api.ts";
import type { Connection, GlobalFlags } from "../deps.ts";
import { exitCodeOf } from "../exit_code.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { run } from "../main.ts";
import { InputError } from "../outcomes.ts";
import { k8sLine, translateK8sArgs } from "./mod.ts";
import { OPS } from "./ops.ts";
import { CASES, split } from "./testdata/k8s_cases.ts";

function vm(name: string, phase: string, namespace = "default"): KubeObject {
  return {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: {
      name,
      namespace,
      uid: `uid-${name}`,
      resourceVersion: "7",
      creationTimestamp: "2027-01-15T08:00:00Z",
    },
    spec: { cpus: 2, memory: "4Gi", running: phase === "Running" },
    status: { phase, nodeName: "node-1" },
  };
}

/** A KubeApi that can only list, from a fixed set of VMs; it records each list request. */
function listOnlyApi(items: KubeObject[], calls: { ref: ResourceRef; options?: ListOptions }[]) {
  const no = () => Promise.reject(new Error("not supported by this fake"));
  const api: KubeApi = {
    server: "https://fake:6443",
    list(ref, options) {
      calls.push({ ref, options });
      const list: KubeList = {
        apiVersion: "hypersdk.io/v1alpha1",
        kind: "VirtualMachineList",
        metadata: { resourceVersion: "10" },
        items: items.filter((o) => !ref.namespace || o.metadata?.namespace === ref.namespace),
      };
      return Promise.resolve(list);
    },
    get: no,
    create: no,
    replace: no,
    patch: no,
    delete: no,
    watch: no,
    getRaw: no,
  };
  return api;
}

function cluster(items: KubeObject[]) {
  const calls: { ref: ResourceRef; options?: ListOptions }[] = [];
  const globals: GlobalFlags[] = [];
  const connect = (flags: GlobalFlags): Promise<Connection> => {
    globals.push(flags);
    return Promise.resolve({
      api: listOnlyApi(items, calls),
      namespace: flags.namespace ?? "default",
      contextName: "fake",
      close() {},
    });
  };
  return { calls, globals, deps: fakeDeps({ connect }) };
}

const VMS = [vm("web-1", "Running"), vm("web-2", "Stopped"), vm("db-1", "Running", "prod")];

Deno.test("k8s -help prints the op list on stdout and exits 0", async () => {
  const { calls, deps } = cluster(VMS);
  equal(await run(["k8s", "-help"], deps), 0);
  ok(deps.stdout().includes("vm-clone-from-snapshot"));
  equal(deps.stderr(), "");
  equal(calls.length, 0);
});

Deno.test("k8s with an unknown op is an InputError: exit 2, nothing sent", async () => {
  throws(
    () => translateK8sArgs(["-op", "nope"]),
    (e: Error) => e instanceof InputError && exitCodeOf(e) === 2,
  );
  const { calls, deps } = cluster(VMS);
  equal(await run(["k8s", "-op", "nope"], deps), 2);
  equal(calls.length, 0);
});

Deno.test("e2e: k8s -op vm-list -status Running prints the Running VMs as YAML", async () => {
  const { calls, globals, deps } = cluster(VMS);
  const words = ["k8s", "-op", "vm-list", "-status", "Running"];
  deepEqual(translateK8sArgs(words.slice(1)), {
    argv: ["vm", "list", "--status", "Running", "-o", "yaml"],
  });
  const code = await run(words, deps);
  equal(code, 0, deps.stderr());
  equal(calls.length, 1);
  equal(calls[0].ref.plural, "virtualmachines");
  equal(calls[0].ref.namespace, "default");
  equal(globals[0].namespace, undefined, "no -namespace: the context's namespace stays");
  const doc = parse(deps.stdout()) as { items: KubeObject[] };
  deepEqual(doc.items.map((o) => o.metadata?.name), ["web-1"]);
});

Deno.test("e2e: -output table, -namespace and case-insensitive -status", async () => {
  const { calls, globals, deps } = cluster(VMS);
  const code = await run(
    ["k8s", "--op=vm-list", "-status=running", "-output", "table", "-namespace", "prod"],
    deps,
  );
  equal(code, 0, deps.stderr());
  equal(globals[0].namespace, "prod");
  equal(calls[0].ref.namespace, "prod");
  const lines = deps.stdout().trim().split("\n");
  ok(lines[0].startsWith("NAME"), lines[0]);
  equal(lines.length, 2);
  ok(lines[1].startsWith("db-1"), lines[1]);
});

Deno.test("e2e: -all-namespaces lists every namespace", async () => {
  const { calls, deps } = cluster(VMS);
  const code = await run(["k8s", "-op", "vm-list", "-all-namespaces", "-output", "json"], deps);
  equal(code, 0, deps.stderr());
  equal(calls[0].ref.namespace, undefined);
  const doc = JSON.parse(deps.stdout()) as { items: KubeObject[] };
  deepEqual(doc.items.map((o) => o.metadata?.name).sort(), ["db-1", "web-1", "web-2"]);
});

Deno.test("every translated command line is accepted by hyperctl's command tree", async (t) => {
  // Reaching connect() means the parser knew every word and the command checked its flags
  // (usage errors come before connecting), so the op table and the command surface agree.
  class Reached extends Error {}
  for (const [input] of CASES) {
    await t.step(input || "(no flags)", async () => {
      const deps = fakeDeps({ connect: () => Promise.reject(new Reached("connect reached")) });
      const code = await run(["k8s", ...split(input)], deps);
      equal(deps.stderr(), "error: connect reached\n");
      equal(code, 1);
    });
  }
});

Deno.test("-A on an op that lists nothing is refused as by its command, nothing sent", async (t) => {
  // Every op's example, with -A after k8s (hyperctl's spelling) and -all-namespaces (HyperSDK's).
  class Reached extends Error {}
  for (const spec of OPS.filter((o) => !o.listing)) {
    const args = spec.example.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ""));
    for (const flag of ["-A", "-all-namespaces"]) {
      await t.step(`${spec.op} ${flag}`, async () => {
        const deps = fakeDeps({ connect: () => Promise.reject(new Reached("connect reached")) });
        const code = await run(["k8s", ...args, flag], deps);
        equal(code, 2, deps.stderr());
        match(
          deps.stderr(),
          /^error: (--all-namespaces \(-A\) does not apply to "hyperctl [a-z ]+"|a \w+ cannot be retrieved by name across all namespaces; use -n NAMESPACE)\n/,
        );
      });
    }
  }
  const deps = fakeDeps({ connect: () => Promise.reject(new Reached("connect reached")) });
  equal(await run(["k8s", "-op", "vm-start", "-vm", "web-001", "-A"], deps), 2);
  equal(
    deps.stderr(),
    'error: --all-namespaces (-A) does not apply to "hyperctl vm start"\n',
  );
});

Deno.test("k8sLine(): global flags before k8s, and hyperctl's spellings after it, as on any command", () => {
  equal(k8sLine(["vm", "list"]), undefined);
  equal(k8sLine(["vm", "get", "k8s"]), undefined, "k8s as a name is no k8s line");
  equal(k8sLine(["--bogus", "k8s"]), undefined, "an unknown flag is left to the parser");
  deepEqual(k8sLine(["k8s", "-op", "vm-list"]), { k8s: ["-op", "vm-list"], globals: [] });
  deepEqual(
    k8sLine(["--kubeconfig", "x", "-nprod", "-o=json", "-A", "k8s", "-op", "vm-stop", "-vm", "w"]),
    {
      k8s: [
        "-kubeconfig",
        "x",
        "-namespace",
        "prod",
        "-output",
        "json",
        "-all-namespaces",
        "-op",
        "vm-stop",
        "-vm",
        "w",
      ],
      globals: [],
    },
  );
  deepEqual(
    k8sLine([
      "-v",
      "--context=c",
      "k8s",
      "-op",
      "vm-list",
      "-n",
      "a",
      "--color",
      "never",
      "-o",
      "name",
    ]),
    {
      k8s: ["-op", "vm-list", "-namespace", "a", "-output", "name"],
      globals: ["--verbose", "--context", "c", "--color", "never"],
    },
  );
  // Go's rules after k8s: a value flag takes the next word, whatever it is; parsing stops at the
  // first argument; -node and -name are HyperSDK's, never -n with a value.
  deepEqual(k8sLine(["k8s", "-vm", "-n", "-node", "x", "-name=y", "left", "-o", "json"]), {
    k8s: ["-vm", "-n", "-node", "x", "-name=y", "left", "-o", "json"],
    globals: [],
  });
});

Deno.test("a global flag before k8s works as after it", async () => {
  for (
    const words of [
      ["-n", "prod", "k8s", "-op", "vm-list", "-output", "json"],
      ["--namespace=prod", "k8s", "-op", "vm-list", "-o", "json"],
      ["k8s", "-op", "vm-list", "-n", "prod", "-output", "json"],
      ["k8s", "-op", "vm-list", "-namespace", "prod", "-output", "json"],
    ]
  ) {
    const { calls, globals, deps } = cluster(VMS);
    equal(await run(words, deps), 0, `${words.join(" ")}: ${deps.stderr()}`);
    equal(globals[0].namespace, "prod", words.join(" "));
    equal(calls[0].ref.namespace, "prod");
    const doc = JSON.parse(deps.stdout()) as { items: KubeObject[] };
    deepEqual(doc.items.map((o) => o.metadata?.name), ["db-1"], words.join(" "));
  }
  const { globals, deps } = cluster(VMS);
  equal(await run(["--kubeconfig", "k", "-v", "k8s", "-op", "vm-list"], deps), 0, deps.stderr());
  equal(globals[0].kubeconfig, "k");
  equal(globals[0].verbose, true);
});

Deno.test("a global flag before k8s gets the checks it gets after it", async () => {
  // -op vm-delete prints nothing; --color is not delete's.
  const cases: [string[], RegExp][] = [
    [["-o", "json", "k8s", "-op", "vm-delete", "-vm", "a"], /prints no object, so -output/],
    [["--color", "never", "k8s", "-op", "vm-delete", "-vm", "a"], /--color does not apply/],
  ];
  for (const [words, message] of cases) {
    const { calls, deps } = cluster(VMS);
    equal(await run(words, deps), 2, words.join(" "));
    match(deps.stderr(), message);
    equal(deps.stderr().split("\n").filter(Boolean).length, 1, deps.stderr());
    equal(calls.length, 0);
  }
});
