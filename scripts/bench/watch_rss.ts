/**
 * The watch's memory through one burst, on its own: `hyperctl sim --vms N`, one
 * `vm list -A -w -o FORMAT` watcher from source, then `--updates` status updates as fast as the
 * sim takes them. Prints the watcher's RSS after the initial list, its peak during the burst, its
 * RSS once the last event was printed and again after a quiet second, and its VmHWM.
 *
 * Why a separate script: the full benches run kubectl and every size beside it; finding what
 * holds memory needs one quick, repeatable run per change.
 *
 *   deno run -A scripts/bench/watch_rss.ts [--vms 1000] [--updates 10000] [--format json]
 *     [--root DIR] [--slow-reader MS] [--v8-flags FLAGS] [--smaps]
 *
 * `--slow-reader MS` reads the watcher's stdout only every MS milliseconds, so the pipe fills up
 * and the watcher must wait for it (a reader slower than the events). `--v8-flags` is passed to
 * the watcher's `deno run`; `--smaps` adds where the resident memory lies, after the list and
 * after the burst: the malloc heap, anonymous maps by size, and mapped files.
 * @module
 */

import { parseArgs } from "node:util";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { seedVm } from "../../src/sim/seed_fleet.ts";
import { terminate } from "../../tests/support/terminate.ts";
import { procMemory } from "./process_run.ts";
import { burstUpdates, UPDATE_MARKER } from "./seed.ts";
import { hyperctlTool } from "./tools.ts";
import { startSimFleet } from "./scale.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    vms: { type: "string", default: "1000" },
    updates: { type: "string", default: "10000" },
    format: { type: "string", default: "json" },
    root: { type: "string", default: new URL("../..", import.meta.url).pathname },
    "slow-reader": { type: "string", default: "0" },
    "v8-flags": { type: "string", default: "" },
    smaps: { type: "boolean", default: false },
  },
});
const vms = Number(values.vms);
const updates = Number(values.updates);
const slowMs = Number(values["slow-reader"]);
const root = values.root.replace(/\/$/, "");
const work = await Deno.makeTempDir({ prefix: "watch-rss-" });
const tool = hyperctlTool("", root);
const sim = await startSimFleet(tool, vms, work);
const kubeconfig = sim.kubeconfig;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (kb: number) => (kb / 1024).toFixed(1);

try {
  const watcher = new Deno.Command(tool.cmd, {
    args: [
      ...tool.baseArgs.slice(0, 1),
      ...(values["v8-flags"] ? [`--v8-flags=${values["v8-flags"]}`] : []),
      ...tool.baseArgs.slice(1),
      ...["vm", "list", "-A", "-w", "-o", values.format],
    ],
    env: { ...tool.env, KUBECONFIG: kubeconfig },
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const tag = `rss${Date.now()}`;
  const marker = `${UPDATE_MARKER}${tag}-`;
  let seen = 0;
  // `-o name` prints no status, so no marker: there, each printed line is one event.
  let lines = 0;
  let lastAt = NaN;
  let printed = 0;
  const reading = (async () => {
    const dec = new TextDecoder();
    let carry = "";
    for await (const chunk of watcher.stdout) {
      lastAt = performance.now();
      printed += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
      const text = carry + dec.decode(chunk, { stream: true });
      let end = 0;
      for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, end)) {
        seen++;
        end = at + marker.length;
      }
      // Keep a tail that may hold the start of a marker split across chunks.
      carry = text.slice(Math.max(end, text.length - marker.length + 1));
      if (slowMs > 0) await sleep(slowMs);
    }
  })();
  // The initial list is printed once output has been quiet for a second.
  while (!(performance.now() - lastAt >= 1000)) await sleep(50);
  const afterList = procMemory(watcher.pid);
  const cpuAfterList = cpuMs(watcher.pid);
  const listMaps = values.smaps ? residentMaps(watcher.pid) : "";
  const api = createKubeApi(loadKubeConfig({ kubeconfig }));
  let peak = afterList.rssKb;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, procMemory(watcher.pid).rssKb);
      await sleep(50);
    }
  })();
  const began = performance.now();
  const linesBefore = lines;
  const events = () => values.format === "name" ? lines - linesBefore : seen;
  const nameOf = (i: number) => seedVm(i + Math.floor(i / 4), "default").metadata!.name!;
  await burstUpdates(api, "default", Math.floor(vms * 4 / 5), updates, tag, 16, nameOf);
  const issuedS = (performance.now() - began) / 1000;
  const deadline = performance.now() + 180_000;
  while (events() < updates && performance.now() < deadline) await sleep(20);
  const doneS = (performance.now() - began) / 1000;
  const afterBurst = procMemory(watcher.pid);
  const burstCpuMs = cpuMs(watcher.pid) - cpuAfterList;
  await sleep(1000);
  const quiet = procMemory(watcher.pid);
  // V8 gives memory back only after a while without allocation (its memory reducer).
  await sleep(9000);
  const later = procMemory(watcher.pid);
  sampling = false;
  await sampler;
  api.close();
  console.log(
    [
      `format ${values.format}, ${vms} VMs, ${updates} updates (issued in ${issuedS.toFixed(1)} s,`,
      `printed in ${doneS.toFixed(1)} s, ${events()} seen, ${
        (printed / 2 ** 20).toFixed(1)
      } MiB out,`,
      `watcher CPU ${Math.round(cpuAfterList)} ms to start and list, ${
        Math.round(burstCpuMs)
      } ms for the burst)`,
    ].join(" "),
  );
  const after = [
    `after burst ${mib(afterBurst.rssKb)}`,
    `+1 s ${mib(quiet.rssKb)}`,
    `+10 s ${mib(later.rssKb)}`,
    `VmHWM ${mib(later.hwmKb)}`,
    `growth ${mib(quiet.rssKb - afterList.rssKb)}`,
  ];
  console.log(
    `RSS MiB: after list ${mib(afterList.rssKb)}, peak ${mib(peak)}, ${after.join(", ")}`,
  );
  if (values.smaps) {
    console.log(`after list:  ${listMaps}`);
    console.log(`after burst: ${residentMaps(watcher.pid)}`);
  }
  await terminate(watcher, 5000);
  await reading.catch(() => {});
} finally {
  await sim.stop();
  await Deno.remove(work, { recursive: true });
}

/** Resident MiB of a process by kind of mapping, from /proc/PID/smaps. */
function residentMaps(pid: number): string {
  const sums = new Map<string, number>();
  let kind = "";
  for (const line of Deno.readTextFileSync(`/proc/${pid}/smaps`).split("\n")) {
    const head = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/);
    if (head) {
      const [from, to] = line.split(" ")[0].split("-").map((h) => parseInt(h, 16));
      const name = head[1];
      const size = (to - from) / 2 ** 20;
      kind = name === "[heap]"
        ? "malloc heap"
        : name.startsWith("/")
        ? "files"
        : name !== ""
        ? name
        : size >= 32
        ? "anon >=32M"
        : size >= 1
        ? "anon 1-32M"
        : "anon <1M";
      continue;
    }
    const rss = line.match(/^Rss:\s+(\d+) kB/);
    if (rss) sums.set(kind, (sums.get(kind) ?? 0) + Number(rss[1]));
  }
  return [...sums].filter(([, kb]) => kb >= 1024).map(([k, kb]) => `${k} ${mib(kb)}`).join(", ");
}

/** User + system CPU time of a process so far, in ms (from /proc/PID/stat, in clock ticks). */
function cpuMs(pid: number): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}
