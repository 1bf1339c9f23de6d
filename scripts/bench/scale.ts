/**
 * `deno task bench --scale`: how hyperctl's cost grows with the fleet, on the real API server and
 * on the embedded cluster, at 1 000 / 10 000 / 100 000 VMs, against kubectl 1.33 and against the
 * raw paged transfer (raw_pages.ts: the floor). Writes bench/REPORT-scale.md.
 *
 * Per size and cluster: `vm list -A` as `-o json`, table, `-o name` and `-o yaml` — wall time, time to first
 * byte and peak RSS; the sim's seeding time; a watch over the whole fleet — RSS after the initial
 * list and after the updates. The real server's fleet grows in one namespace (seeded with 32
 * requests in flight), so `-A` lists exactly the fleet; the sim is a fresh `hyperctl sim --vms N`.
 * @module
 */

import { kubectlBinary, startApiServer } from "../../tests/support/apiserver.ts";
import { terminate } from "../../tests/support/terminate.ts";
import { bundle } from "../build.ts";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { seedVm } from "../../src/sim/seed_fleet.ts";
import type { KubeApi } from "../../src/k8s/api.ts";
import { runMeasured, type Tool } from "./process_run.ts";
import { bundledTool, kubectlTool } from "./tools.ts";
import { burstUpdates, seedVms, UPDATE_MARKER, vmName } from "./seed.ts";
import { startWatched } from "./watching.ts";
import { endpoint } from "./raw_pages.ts";
import { renderScaleReport, type ScaleRun } from "./scale_report.ts";
import { machineFacts } from "./machine.ts";

/** Requests in flight while seeding the real API server. */
const SEED_WORKERS = 64;

/** Options of `--scale`. */
export interface ScaleOptions {
  /** Fleet sizes on the sim. */
  sizes: number[];
  /**
   * Fleet sizes on the real API server (default: the sim's). Its seeding goes through etcd one
   * object at a time, 50–200 VMs/s with create + status patch on a shared 2-core machine: 100 000
   * take 8 to 30 minutes.
   */
  realSizes: number[];
  /** Repetitions per case (kubectl: one at 100 000 VMs and above). */
  reps: number;
  clusters: ("real" | "sim")[];
  /** Status updates during the watch. */
  updates: number;
  watch: boolean;
  out: string;
}

/** Parse `--scale` and its options; throws RangeError on bad input. */
export function parseScaleArgs(args: readonly string[]): ScaleOptions {
  const o: ScaleOptions = {
    sizes: [1000, 10_000, 100_000],
    realSizes: [1000, 10_000, 100_000],
    reps: 3,
    clusters: ["sim", "real"],
    updates: 10_000,
    watch: true,
    out: "bench/REPORT-scale.md",
  };
  const ints = (v: string | undefined) =>
    (v ?? "").split(",").map((x) => {
      if (!/^\d+$/.test(x) || Number(x) === 0) throw new RangeError(`expected numbers, got "${v}"`);
      return Number(x);
    });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = () => args[++i];
    if (a === "--scale") continue;
    else if (a === "--sizes") o.sizes = ints(v());
    else if (a === "--real-sizes") o.realSizes = ints(v());
    else if (a === "--reps") o.reps = ints(v())[0];
    else if (a === "--updates") o.updates = ints(v())[0];
    else if (a === "--no-watch") o.watch = false;
    else if (a === "--out") o.out = v() ?? "";
    else if (a === "--clusters") {
      const names = (v() ?? "").split(",");
      if (!names.every((n) => n === "real" || n === "sim")) {
        throw new RangeError(`--clusters takes real,sim, got "${names.join(",")}"`);
      }
      o.clusters = names as ("real" | "sim")[];
    } else throw new RangeError(`unknown argument for --scale: "${a}"`);
  }
  return o;
}

const VM = "virtualmachines.hypersdk.io";
/** The API path of the VirtualMachine kind, for the raw client. */
const VM_PATH = "/apis/hypersdk.io/v1alpha1";
/**
 * The outputs listed, and the pages the raw client fetches for each (raw_pages.ts's WHAT; none:
 * whole objects). Every list is `-A` but the last, which lists the fleet's one namespace.
 */
const FORMATS = [
  { name: "-o json", hyperctl: ["-o", "json"], kubectl: ["-o", "json"] },
  // hyperctl's table, like kubectl's, fetches the server's rows (as=Table); under -A each row
  // carries its object's metadata for NAMESPACE, and so do the raw client's.
  { name: "table", hyperctl: [], kubectl: [], raw: "rows-metadata" },
  // hyperctl's -o name fetches metadata only (PartialObjectMetadataList), and so does the raw
  // client it is compared with; kubectl fetches whole objects.
  { name: "-o name", hyperctl: ["-o", "name"], kubectl: ["-o", "name"], raw: "metadata" },
  { name: "-o yaml", hyperctl: ["-o", "yaml"], kubectl: ["-o", "yaml"] },
  // In one namespace hyperctl's rows carry nothing beside their cells; kubectl's carry metadata.
  { name: "table -n", hyperctl: [], kubectl: [], raw: "rows", oneNamespace: true },
] as const;

/** One cluster holding `size` VMs, ready to be listed. */
interface Fleet {
  kubeconfig: string;
  namespace: string;
  /** The name of the i-th VM the watch updates, for i below `updatable`. */
  nameOf: (i: number) => string;
  updatable: number;
  api: KubeApi;
}

/**
 * The raw client for the cluster of `kubeconfig` (raw_pages.ts), or the lean one (lean_pages.ts,
 * with `gc` exposed), its CA written to a file in `dir`.
 */
async function rawTool(
  root: string,
  kubeconfig: string,
  dir: string,
  lean = false,
): Promise<Tool> {
  const { server, ca, token } = await endpoint(kubeconfig);
  const caFile = await Deno.makeTempFile({ dir, suffix: ".pem" });
  await Deno.writeTextFile(caFile, ca);
  return {
    label: lean ? "lean paged transfer" : "raw paged transfer",
    cmd: Deno.execPath(),
    baseArgs: lean
      ? ["run", "--quiet", "-A", "--v8-flags=--expose-gc", `${root}/scripts/bench/lean_pages.ts`]
      : ["run", "--quiet", "-A", `${root}/scripts/bench/raw_pages.ts`],
    env: {
      PATH: Deno.env.get("PATH") ?? "",
      HOME: Deno.env.get("HOME") ?? "",
      RAW_SERVER: server,
      RAW_TOKEN: token,
      RAW_CA_FILE: caFile,
    },
  };
}

/** List the fleet with every client and format; one warm-up each when `warm`. */
async function measureLists(
  run: ScaleRun,
  cluster: string,
  size: number,
  namespace: string,
  tools: { hyperctl: Tool; kubectl: Tool; raw: Tool; lean: Tool },
  reps: number,
  log: (s: string) => void,
  attempt: (what: string, fn: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const raw = async (tool: Tool, what?: string, oneNamespace?: boolean) => {
    const path = oneNamespace
      ? `${VM_PATH}/namespaces/${namespace}/virtualmachines`
      : `${VM_PATH}/virtualmachines`;
    const m = await runMeasured(tool, [path, "500", ...(what ? [what] : [])], { capture: true });
    if (m.code !== 0) throw new Error(`${tool.label} failed: ${m.stderr}`);
    const r = JSON.parse(m.stdout ?? "{}");
    if (r.items !== size) throw new Error(`${tool.label} saw ${r.items} of ${size} VMs`);
    return { wallMs: m.wallMs, rssKb: m.peakRssKb, firstMs: r.firstPageMs as number };
  };
  await raw(tools.raw);
  await raw(tools.lean);
  // Whole objects (the floor of every format that fetches them), then each other kind of page
  // (metadata only for -o name, rows for the tables); the lean client beside the raw one for
  // whole objects and metadata, for the memory floor.
  const pages = [
    { format: "any", what: undefined, oneNamespace: false, clients: ["raw", "lean"] },
    ...FORMATS.filter((f) => "raw" in f).map((f) => ({
      format: f.name,
      what: f.raw,
      oneNamespace: "oneNamespace" in f,
      clients: f.raw === "metadata" ? ["raw", "lean"] : ["raw"],
    })),
  ] as const;
  for (let r = 0; r < reps; r++) {
    for (const client of ["raw", "lean"] as const) {
      for (const { format, what, oneNamespace, clients } of pages) {
        if (!(clients as readonly string[]).includes(client)) continue;
        const m = await raw(tools[client], what, oneNamespace);
        run.rows.push({
          cluster,
          size,
          format,
          client,
          ms: m.wallMs,
          ttfbMs: m.firstMs,
          rssKb: m.rssKb,
        });
      }
    }
  }
  // The runtime's floor: the raw client listing an empty namespace (one request, no items), and
  // a `deno run` of an empty file. A target below these cannot be met by any Deno program.
  const empty = await Deno.makeTempFile({ suffix: ".js" });
  const bare: Tool = { label: "empty deno run", cmd: Deno.execPath(), baseArgs: [], env: {} };
  for (let r = 0; r < reps; r++) {
    const one = await runMeasured(tools.raw, [
      `${VM_PATH}/namespaces/scale-warm-up/virtualmachines`,
      "500",
    ]);
    if (one.code !== 0) throw new Error(`raw client failed: ${one.stderr}`);
    const start = await runMeasured(bare, ["run", "--quiet", empty]);
    for (const [client, m] of [["one request", one], ["empty deno run", start]] as const) {
      run.rows.push({
        cluster,
        size,
        format: "any",
        client,
        ms: m.wallMs,
        ttfbMs: NaN,
        rssKb: m.peakRssKb,
      });
    }
  }
  await Deno.remove(empty);
  const clients = [
    { client: "hyperctl" as const, tool: tools.hyperctl, list: ["vm", "list", "-A"] },
    { client: "kubectl" as const, tool: tools.kubectl, list: ["get", VM, "-A"] },
  ];
  // Warm-up: discovery cache, code cache, connection set-up, with a list of an empty namespace.
  for (const c of clients) {
    await runMeasured(c.tool, [...c.list.filter((a) => a !== "-A"), "-n", "scale-warm-up"]);
  }
  for (const f of FORMATS) {
    for (const c of clients) {
      const list = "oneNamespace" in f
        ? [...c.list.filter((a) => a !== "-A"), "-n", namespace]
        : c.list;
      const args = [...list, ...(c.client === "hyperctl" ? f.hyperctl : f.kubectl)];
      log(`  ${cluster} ${size}: ${c.client} ${f.name}`);
      await attempt(`${cluster}, ${size} VMs, ${c.client} ${f.name}`, async () => {
        // kubectl takes 40-60 s a run at 100 000 VMs: one run there, far from its target anyway.
        const runs = c.client === "kubectl" && size >= 100_000 ? 1 : reps;
        for (let i = 0; i < runs; i++) {
          // -o name output is kept and counted: every VM must have been printed.
          const m = await runMeasured(c.tool, args, { capture: f.name === "-o name" });
          if (m.code !== 0) throw new Error(`exit ${m.code}: ${m.stderr.slice(0, 300)}`);
          const lines = (m.stdout ?? "").split("\n").filter(Boolean).length;
          if (m.stdout !== undefined && lines !== size) {
            throw new Error(`printed ${lines} of ${size} names`);
          }
          run.rows.push({
            cluster,
            size,
            format: f.name,
            client: c.client,
            ms: m.wallMs,
            ttfbMs: m.firstByteMs,
            rssKb: m.peakRssKb,
            bytes: m.stdoutBytes,
          });
        }
      });
    }
  }
}

/** Watch the whole fleet with both clients: RSS after the initial list and after the updates. */
async function measureWatch(
  run: ScaleRun,
  cluster: string,
  size: number,
  fleet: Fleet,
  tools: { hyperctl: Tool; kubectl: Tool },
  updates: number,
  log: (s: string) => void,
): Promise<void> {
  const tag = `w${cluster}${size}`;
  const marker = `${UPDATE_MARKER}${tag}-`;
  const watchers = [
    {
      client: "hyperctl",
      w: startWatched(tools.hyperctl, ["vm", "list", "-A", "-w", "-o", "json"], marker),
    },
    {
      client: "kubectl",
      w: startWatched(
        tools.kubectl,
        ["get", VM, "-A", "-w", "--output-watch-events", "-o", "json"],
        marker,
      ),
    },
  ];
  try {
    log(`  ${cluster} ${size}: watch, initial list`);
    await Promise.all(watchers.map((x) => x.w.settled(3000, 600_000)));
    const afterList = watchers.map((x) => x.w.memory().rssKb);
    // From spawn: the first line of the initial list, and its last (output then stayed quiet).
    const firstOutput = watchers.map((x) => x.w.firstOutputAt() - x.w.startedAt);
    const listPrinted = watchers.map((x) => x.w.lastOutputAt() - x.w.startedAt);
    log(`  ${cluster} ${size}: watch, ${updates} updates`);
    const began = performance.now();
    await burstUpdates(fleet.api, fleet.namespace, fleet.updatable, updates, tag, 16, fleet.nameOf);
    const issueMs = performance.now() - began;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(watchers.map((x) => x.w.reached(updates))),
      new Promise((r) => timer = setTimeout(r, 180_000)),
    ]);
    clearTimeout(timer);
    watchers.forEach((x, k) => {
      const m = x.w.memory();
      run.watches.push({
        cluster,
        size,
        client: x.client,
        firstOutputMs: firstOutput[k],
        listPrintedMs: listPrinted[k],
        afterListKb: afterList[k],
        afterUpdatesKb: m.rssKb,
        peakKb: m.hwmKb,
        received: x.w.count(),
        updates,
        issueMs,
      });
    });
  } finally {
    await Promise.all(watchers.map((x) => x.w.stop()));
  }
}

/** A fresh `hyperctl sim --vms N`; resolves once its ready file appears. */
export async function startSimFleet(
  hyperctl: Tool,
  size: number,
  dir: string,
): Promise<{ kubeconfig: string; readyMs: number; seededS: number; stop: () => Promise<void> }> {
  const kubeconfig = `${dir}/sim-${size}.yaml`;
  const ready = `${dir}/sim-${size}.ready`;
  const began = performance.now();
  const child = new Deno.Command(hyperctl.cmd, {
    args: [...hyperctl.baseArgs, "sim", "--vms", String(size), "--pace", "fast"]
      .concat(["--kubeconfig-out", kubeconfig, "--ready-file", ready]),
    env: hyperctl.env,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const stderr: string[] = [];
  const reading = (async () => {
    const dec = new TextDecoder();
    for await (const c of child.stderr) stderr.push(dec.decode(c, { stream: true }));
  })();
  for (;;) {
    if (await Deno.stat(ready).catch(() => undefined)) break;
    if (performance.now() - began > 300_000) throw new Error(`sim not ready: ${stderr.join("")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - began;
  await new Promise((r) => setTimeout(r, 200));
  const m = stderr.join("").match(/\(ready in ([\d.]+) s\)/);
  return {
    kubeconfig,
    readyMs,
    seededS: m ? Number(m[1]) : NaN,
    stop: async () => {
      await terminate(child, 10_000);
      await reading;
    },
  };
}

/** Run the scale bench; returns the exit code. */
export async function runScale(args: string[], root: string): Promise<number> {
  const opts = parseScaleArgs(args);
  const log = (line: string) =>
    console.error(`[scale ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const work = await Deno.makeTempDir({ prefix: "hyperctl-scale-" });
  const run: ScaleRun = { rows: [], seeds: [], watches: [], loads: [], errors: [] };
  // The 1-minute load average through the run: the CPU is shared, so times carry its noise.
  const loadTimer = setInterval(() => run.loads.push(Deno.loadavg()[0]), 5000);
  run.loads.push(Deno.loadavg()[0]);
  const began = performance.now();
  try {
    const out = opts.out.startsWith("/") ? opts.out : `${root}/${opts.out}`;
    // Written after every fleet size too: a run stopped at its largest size keeps the rest.
    const writeReport = async (complete: boolean) => {
      // The hand-written analysis of a run, kept beside the generated tables.
      const findings = await Deno.readTextFile(`${root}/bench/FINDINGS-scale.md`).catch(() => "");
      const report = renderScaleReport(run, {
        args,
        options: opts,
        facts: machineFacts(kubectlBinary(), "", root),
        totalS: (performance.now() - began) / 1000,
        complete,
      }) + (findings ? `\n${findings}` : "");
      await Deno.writeTextFile(out, report);
    };
    log("bundling hyperctl");
    const entry = await bundle(`${work}/bundle`, root);
    // A case that fails is reported and skipped: one client's trouble at 100 000 VMs must not
    // cost the whole run.
    const attempt = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        const line = `${what}: ${(err as Error).message.split("\n")[0].slice(0, 300)}`;
        log(`FAILED ${line}`);
        run.errors.push(line);
      }
    };
    const measure = async (cluster: string, size: number, fleet: Fleet) => {
      await measureFleet(cluster, size, fleet);
      await writeReport(false);
    };
    const measureFleet = async (cluster: string, size: number, fleet: Fleet) => {
      const tools = {
        hyperctl: bundledTool(entry, fleet.kubeconfig),
        kubectl: kubectlTool(fleet.kubeconfig, `${work}/kube-cache-${cluster}-${size}`),
        raw: await rawTool(root, fleet.kubeconfig, work),
        lean: await rawTool(root, fleet.kubeconfig, work, true),
      };
      // The real server serves 100 000 VMs several times slower than the sim: one run each there.
      const reps = cluster === "real" && size >= 100_000 ? 1 : opts.reps;
      await attempt(
        `${cluster}, ${size} VMs, lists`,
        () => measureLists(run, cluster, size, fleet.namespace, tools, reps, log, attempt),
      );
      if (opts.watch) {
        await attempt(
          `${cluster}, ${size} VMs, watch`,
          () => measureWatch(run, cluster, size, fleet, tools, opts.updates, log),
        );
      }
    };
    for (const cluster of opts.clusters) {
      if (cluster === "sim") {
        for (const size of opts.sizes) {
          log(`sim: starting with ${size} VMs`);
          const sim = await startSimFleet(bundledTool(entry, ""), size, work);
          run.seeds.push({ cluster, size, ms: sim.readyMs, note: `ready line: ${sim.seededS} s` });
          const api = createKubeApi(loadKubeConfig({ kubeconfig: sim.kubeconfig }));
          try {
            await measure(cluster, size, {
              kubeconfig: sim.kubeconfig,
              namespace: "default",
              api,
              // Only the running VMs (every fifth is stopped): an update to a stopped VM would
              // make the operator stop it again, one more event per update.
              nameOf: (i: number) => seedVm(i + Math.floor(i / 4), "default").metadata!.name!,
              updatable: Math.floor(size * 4 / 5),
            });
          } finally {
            api.close();
            await sim.stop();
          }
        }
        continue;
      }
      log("real API server: starting");
      const server = await startApiServer();
      const api = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
      try {
        let seeded = 0;
        for (const size of opts.realSizes) {
          log(`real: seeding ${seeded} → ${size} VMs (${SEED_WORKERS} in flight)`);
          const ms = await seedVms(api, "fleet", size, SEED_WORKERS, seeded);
          const added = size - seeded;
          run.seeds.push({
            cluster,
            size,
            ms,
            note: `${added} VMs added (create + status patch): ${Math.round(added / ms * 1000)}/s`,
          });
          seeded = size;
          await measure(cluster, size, {
            kubeconfig: server.kubeconfigPath,
            namespace: "fleet",
            api,
            nameOf: vmName,
            updatable: size,
          });
        }
      } finally {
        api.close();
        await server.stop();
      }
    }
    clearInterval(loadTimer);
    await writeReport(true);
    log(`wrote ${out} after ${Math.round((performance.now() - began) / 1000)} s`);
    return 0;
  } finally {
    clearInterval(loadTimer);
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
}
