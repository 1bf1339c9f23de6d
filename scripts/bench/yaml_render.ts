/**
 * What `-o yaml` costs to render a page: 500 VMs as `hyperctl sim` serves them (seeded, settled
 * by the operator's reconcile, with the metadata the server adds), printed by `toYaml` (the
 * hand-written emitter), by the `yaml` package it replaced (whose bytes differ from kubectl's), and
 * by `JSON.stringify` for scale.
 * Runs interleaved in one process (first run cold, then warm) and prints medians.
 *
 * Usage: `flock /tmp/hyperctl-bench.lock deno run -A scripts/bench/yaml_render.ts [OBJECTS] [RUNS]`
 * @module
 */

import { stringify } from "yaml";
import { toYaml } from "../../src/render/yaml.ts";
import { seedVm, settledStatus } from "../../src/sim/seed_fleet.ts";
import { median } from "./stats.ts";

const NOW = Date.parse("2026-12-06T14:15:31Z");

/** The `i`-th VM as a list of the sim returns it (managedFields are dropped before printing). */
function servedVm(i: number) {
  const vm = seedVm(i, "default");
  const at = new Date(NOW).toISOString().replace(/\.\d+Z$/, "Z");
  return {
    ...vm,
    metadata: {
      creationTimestamp: at,
      generation: 1,
      ...vm.metadata,
      resourceVersion: String(100 + i),
      uid: crypto.randomUUID(),
    },
    status: settledStatus(vm, { nodes: ["node-1", "node-2", "node-3"], now: NOW }),
  };
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const count = Number(Deno.args[0] ?? 500);
const runs = Number(Deno.args[1] ?? 15);
const items = Array.from({ length: count }, (_, i) => servedVm(i));
const libraryYaml = (value: unknown) =>
  stringify(value, {
    version: "1.1",
    indentSeq: false,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });

const cold = { emitter: time(() => toYaml(items)), library: time(() => libraryYaml(items)) };
const warm = { emitter: [] as number[], library: [] as number[], json: [] as number[] };
for (let r = 0; r < runs; r++) {
  warm.library.push(time(() => libraryYaml(items)));
  warm.emitter.push(time(() => toYaml(items)));
  warm.json.push(time(() => JSON.stringify(items, null, 2)));
}
const [load] = await Deno.readTextFile("/proc/loadavg").then((s) => s.split(" "), () => ["n/a"]);
console.log(JSON.stringify({
  objects: count,
  bytes: toYaml(items).length,
  coldMs: cold,
  medianMs: {
    emitter: median(warm.emitter),
    library: median(warm.library),
    jsonStringify: median(warm.json),
  },
  load1: load,
}));
