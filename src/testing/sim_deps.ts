/**
 * Command tests against the embedded API server: a fresh sim, an admin client to seed it, and
 * fake deps (TTY switch, buffers) whose connections go to namespace `ns1` of that sim.
 * @module
 */

import { equal, match } from "node:assert/strict";
import { createKubeApi, type KubeClient } from "../k8s/client.ts";
import { resolveKubeConfig } from "../k8s/kubeconfig.ts";
import { startSimServer } from "../sim/server/mod.ts";
import type { Connection } from "../cli/deps.ts";
import { type FakeDeps, fakeDeps, type FakeDepsOptions } from "./fake_deps.ts";
import { run } from "../cli/main.ts";

/** What a test body gets. */
export interface SimDeps {
  /** Fresh fake deps for one run; virtual time starts at the real clock unless `now` is given. */
  deps(options?: FakeDepsOptions): FakeDeps;
  /** How many connections the commands opened (0 proves "nothing was sent"). */
  connects(): number;
}

/** Run `fn` against a fresh sim (CRDs from deploy/crds) after `seed` has written through `api`. */
export async function withSimDeps(
  seed: (api: KubeClient) => Promise<void>,
  fn: (sim: SimDeps) => Promise<void>,
): Promise<void> {
  const sim = await startSimServer({
    crdDir: new URL("../../deploy/crds", import.meta.url).pathname,
  });
  const config = resolveKubeConfig({
    env: {},
    kubeconfig: "k",
    readFile: () => sim.kubeconfigYaml("t", "ns1"),
  });
  let count = 0;
  const connect = (): Promise<Connection> => {
    count++;
    const api = createKubeApi(config);
    return Promise.resolve({ api, namespace: "ns1", contextName: "t", close: () => api.close() });
  };
  const api = createKubeApi(config);
  try {
    await seed(api);
    await fn({
      deps: (o = {}) => fakeDeps({ now: Date.now(), ...o, connect }),
      connects: () => count,
    });
  } finally {
    api.close();
    await sim.stop();
  }
}

/** Each command line exits 2 with one `error:` line, prints nothing, and never connects. */
export async function assertRefusedUnsent(sim: SimDeps, argvs: readonly string[][]): Promise<void> {
  for (const argv of argvs) {
    const d = sim.deps();
    equal(await run(argv, d), 2, argv.join(" "));
    equal(d.stdout(), "");
    equal(d.stderr().split("\n").filter(Boolean).length, 1, d.stderr());
    match(d.stderr(), /^error: /);
  }
  equal(sim.connects(), 0);
}
