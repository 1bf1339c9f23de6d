/**
 * `list -w --state-file` through run() against the embedded API server: which saved queries a run
 * may resume, and what a file held by another run means for the exit code.
 */
import assert from "node:assert/strict";
import { API_VERSION } from "../../core/kinds.ts";
import type { KubeClient } from "../../k8s/client.ts";
import { type SimDeps, withSimDeps } from "../../testing/sim_deps.ts";
import { run } from "../main.ts";
import { createSink } from "../../render/sink.ts";
import { FileWriteError } from "../atomic_file.ts";
import { exitCodeOf } from "../exit_code.ts";
import { WatchLostError } from "../../k8s/errors.ts";
import { endingSlice, type StateFile } from "./_state_file.ts";
import { startSimServer } from "../../sim/server/mod.ts";
import { resolveKubeConfig } from "../../k8s/kubeconfig.ts";
import { createKubeApi } from "../../k8s/client.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import type { Connection } from "../deps.ts";

const VM_REF = {
  group: "hypersdk.io",
  version: "v1alpha1",
  plural: "virtualmachines",
  namespace: "ns1",
};

async function seed(api: KubeClient): Promise<void> {
  for (const [name, phase] of [["up", "Running"], ["down", "Stopped"]]) {
    await api.create(VM_REF, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name },
      spec: { cpus: 2, memory: "4Gi" },
    });
    await api.patch(VM_REF, name, { status: { phase } }, { type: "merge", subresource: "status" });
  }
}

async function withState(fn: (state: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-state-" });
  try {
    await fn(`${dir}/vms.state`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const slice = (state: string, ...more: string[]) => [
  "vm",
  "list",
  "-w",
  "--for",
  "0",
  "-o",
  "name",
  "--state-file",
  state,
  ...more,
];

Deno.test("a state file in use by another run exits 2 with one line, and is left alone", async () => {
  await withSimDeps(seed, (sim) =>
    withState(async (state) => {
      // This test's own process is alive: the lock is held.
      await Deno.writeTextFile(`${state}.lock`, `${Deno.pid}\n`);
      const d = sim.deps();
      assert.equal(await run(slice(state), d), 2, d.stderr());
      assert.equal(d.stdout(), "");
      assert.equal(
        d.stderr(),
        `error: state file "${state}" is in use by another hyperctl run (pid ${Deno.pid}); ` +
          `if that is wrong, remove ${state}.lock\n`,
      );
      assert.equal(await Deno.readTextFile(`${state}.lock`), `${Deno.pid}\n`);
    }));
});

Deno.test("a changed client-side filter is refused like a changed -l: exit 2, file kept", async () => {
  await withSimDeps(seed, (sim) =>
    withState(async (state) => {
      const first = sim.deps();
      assert.equal(await run(slice(state, "--status", "running"), first), 0, first.stderr());
      assert.equal(first.stdout(), "virtualmachine.hypersdk.io/up\n");
      const saved = await Deno.readTextFile(state);

      const changes: [string[], string][] = [
        [["--status", "stopped"], "--status Running there, --status Stopped here"],
        [[], "--status Running there, no --status here"],
        [
          ["--status", "running", "--where", "cpus >= 2"],
          "no --where there, --where cpus >= 2 here",
        ],
        [["--status", "running", "--node", "n1"], "no --node there, --node n1 here"],
        [["--status", "running", "--min-cpus", "2"], "no --min-cpus there, --min-cpus 2 here"],
        [
          ["--status", "running", "--min-memory", "1Gi"],
          "no --min-memory there, --min-memory 1Gi here",
        ],
        [
          ["--status", "running", "--created-after", "2020-01-01"],
          "no --created-after there, --created-after 2020-01-01 here",
        ],
      ];
      for (const [flags, differs] of changes) {
        const d = sim.deps();
        assert.equal(await run(slice(state, ...flags), d), 2, flags.join(" "));
        assert.equal(d.stdout(), "");
        assert.equal(
          d.stderr(),
          `error: state file "${state}" was written for another query (${differs}): ` +
            `use one state file per query, or remove "${state}" to start afresh\n`,
        );
        assert.equal(await Deno.readTextFile(state), saved, "the file is left as it is");
      }

      // The same filters, however spelled, resume.
      const again = sim.deps();
      assert.equal(await run(slice(state, "--status", "RUNNING"), again), 0, again.stderr());
      assert.equal(again.stdout(), "");
    }));
});

Deno.test("a state file saved before filters were recorded resumes, and records them", async () => {
  await withSimDeps(seed, (sim) =>
    withState(async (state) => {
      const first = sim.deps();
      assert.equal(await run(slice(state, "--status", "running"), first), 0, first.stderr());
      const doc = JSON.parse(await Deno.readTextFile(state));
      delete doc.query.filters;
      await Deno.writeTextFile(state, JSON.stringify(doc));

      const old = sim.deps();
      assert.equal(await run(slice(state, "--status", "running"), old), 0, old.stderr());
      assert.equal(old.stdout(), "", "nothing changed since the old file's run");
      assert.deepEqual(JSON.parse(await Deno.readTextFile(state)).query.filters, {
        "--status": "Running",
      });

      const changed = sim.deps();
      assert.equal(await run(slice(state, "--status", "stopped"), changed), 2);
    }));
});

const names = (out: string) => out.trim().split("\n").filter(Boolean).sort();

/** The next slice from `state` exits 0 and prints both seeded VMs: nothing was lost. */
async function nextRunPrintsBoth(sim: SimDeps, state: string): Promise<void> {
  const next = sim.deps();
  assert.equal(await run(slice(state), next), 0, next.stderr());
  assert.deepEqual(names(next.stdout()), [
    "virtualmachine.hypersdk.io/down",
    "virtualmachine.hypersdk.io/up",
  ]);
}

Deno.test("a reader that closes after the first line: the file is not saved, the next run prints all", async () => {
  await withSimDeps(() => Promise.resolve(), (sim) =>
    withState(async (state) => {
      const first = sim.deps();
      assert.equal(await run(slice(state), first), 0, first.stderr());
      const saved = await Deno.readTextFile(state);
      await seed(await sim.deps().connect({} as never).then((c) => c.api as KubeClient));

      // `| head -1`: the first write goes out, the next finds the reader gone.
      const cut = sim.deps({ closeStdoutAfter: 1 });
      assert.equal(await run(slice(state), cut), 0, cut.stderr());
      assert.equal(cut.stdout().trim().split("\n").length, 1);
      assert.equal(await Deno.readTextFile(state), saved, "the checkpoint did not move");
      assert.equal(existsLock(state), false);

      await nextRunPrintsBoth(sim, state);
    }));
});

Deno.test("stdout that cannot be written: exit 7 naming stdout, the next run prints all", async () => {
  await withSimDeps(seed, (sim) =>
    withState(async (state) => {
      const d = sim.deps();
      const full = createSink(
        { write: () => Promise.reject(new Error("No space left on device (os error 28)")) },
        "stdout",
      );
      assert.equal(await run(slice(state), { ...d, io: { ...d.io, out: full } }), 7);
      assert.equal(
        d.stderr(),
        "error: cannot write to stdout: No space left on device (os error 28)\n",
      );
      assert.equal(existsLock(state), false);

      await nextRunPrintsBoth(sim, state);
    }));
});

Deno.test("a state file that cannot be saved: exit 7 naming it, and no lock left behind", async () => {
  await withSimDeps(seed, (sim) =>
    withState(async (state) => {
      const d = sim.deps();
      // While the run prints, something takes the file's name (a full disk fails the same step).
      const out = {
        write: (text: string) => {
          Deno.mkdirSync(`${state}/taken`, { recursive: true });
          return d.io.out.write(text);
        },
      };
      assert.equal(await run(slice(state), { ...d, io: { ...d.io, out } }), 7);
      assert.match(d.stderr(), new RegExp(`^error: cannot write state file "${state}": `));
      assert.equal(existsLock(state), false);
    }));
});

Deno.test("endingSlice(): a lost watch stays exit 5 when the save fails too; both are reported", async () => {
  let released = false;
  const state = {
    save: () => Promise.reject(new FileWriteError('cannot write state file "s": disk full')),
    release: () => Promise.resolve(void (released = true)),
  } as unknown as StateFile;
  const lines: string[] = [];
  await assert.rejects(
    () =>
      endingSlice(
        state,
        () =>
          Promise.reject(new WatchLostError("lost the watch", { cause: undefined, attempts: 12 })),
        {
          read: () => undefined,
          nowMs: () => 0,
          report: (line) => Promise.resolve(lines.push(line)),
        },
      ),
    (e) => exitCodeOf(e) === 5,
  );
  assert.deepEqual(lines, ['error: cannot write state file "s": disk full\n']);
  assert.equal(released, true);
});

function existsLock(state: string): boolean {
  try {
    Deno.statSync(`${state}.lock`);
    return true;
  } catch {
    return false;
  }
}

Deno.test("a sim restarted on the same port is another cluster: the next slice exits 6", async () => {
  const tokens = { admin: "a", viewer: "v", nobody: "n", namespaced: "s" };
  const crdDir = new URL("../../../deploy/crds", import.meta.url).pathname;
  let sim = await startSimServer({ crdDir, tokens });
  const port = sim.port;
  // Each start has a CA of its own: the kubeconfig is read afresh, as `sim --kubeconfig-out` rewrites it.
  const config = () =>
    resolveKubeConfig({
      env: {},
      kubeconfig: "k",
      readFile: () => sim.kubeconfigYaml("t", "ns1"),
    });
  const connect = (): Promise<Connection> => {
    const api = createKubeApi(config());
    return Promise.resolve({ api, namespace: "ns1", contextName: "t", close: () => api.close() });
  };
  const deps = () => fakeDeps({ now: Date.now(), connect });
  try {
    await withState(async (state) => {
      const api = createKubeApi(config());
      await seed(api).finally(() => api.close());
      const first = deps();
      assert.equal(await run(slice(state), first), 0, first.stderr());
      assert.notEqual(JSON.parse(await Deno.readTextFile(state)).clusterId, null);

      await sim.stop();
      sim = await startSimServer({ crdDir, tokens, port });
      // The new cluster's resourceVersions pass the saved one: only the CRD's uid tells them apart.
      const again = createKubeApi(config());
      await seed(again);
      for (let i = 0; i < 10; i++) {
        await again.patch(VM_REF, "up", { metadata: { labels: { round: `${i}` } } }, {
          type: "merge",
        });
      }
      again.close();
      const before = await Deno.readTextFile(state);
      const next = deps();
      assert.equal(await run(slice(state), next), 6, next.stderr());
      assert.equal(next.stdout(), "");
      assert.match(next.stderr(), /belongs to another cluster/);
      assert.equal(await Deno.readTextFile(state), before);
    });
  } finally {
    await sim.stop();
  }
});
