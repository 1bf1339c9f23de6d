/**
 * bench/REPORT-scale.md from one `--scale` run: seeding, lists per cluster and size with the
 * issue's targets judged on the medians, how cost grows with the fleet, and the watch's RSS.
 * @module
 */

import type { MachineFacts } from "./machine.ts";
import { formatKb, formatMs, median, ratio } from "./stats.ts";

/** One measured list run. `format` is "any" for the raw client, which prints nothing. */
export interface ListRow {
  cluster: string;
  size: number;
  format: string;
  /** `one request` and `empty deno run` are the runtime's floor (scale.ts). */
  client: "hyperctl" | "kubectl" | "raw" | "lean" | "one request" | "empty deno run";
  ms: number;
  /** hyperctl/kubectl: spawn → first stdout byte; raw: process start → first page parsed. */
  ttfbMs: number;
  rssKb: number;
  bytes?: number;
}

/** How long a fleet took to be ready. */
export interface SeedRow {
  cluster: string;
  size: number;
  ms: number;
  note: string;
}

/** A watch over the whole fleet. */
export interface WatchRow {
  cluster: string;
  size: number;
  client: string;
  /** From spawn to the first line of the initial list (absent in runs before it was measured). */
  firstOutputMs?: number;
  /** From spawn to the last line of the initial list. */
  listPrintedMs?: number;
  afterListKb: number;
  afterUpdatesKb: number;
  peakKb: number;
  received: number;
  updates: number;
  issueMs: number;
}

/** Everything one run measured. */
export interface ScaleRun {
  rows: ListRow[];
  seeds: SeedRow[];
  watches: WatchRow[];
  /** 1-minute load averages sampled through the run. */
  loads: number[];
  /** What could not be measured, one line each (the run goes on without it). */
  errors: string[];
}

const MIB = 1024;

function pick(run: ScaleRun, cluster: string, size: number, format: string, client: string) {
  const own = run.rows.filter((r) =>
    r.cluster === cluster && r.size === size && r.client === client
  );
  // Rows of this very format where there are some (the raw client's metadata-only transfer for
  // -o name), else the rows that stand for every format.
  const exact = own.filter((r) => r.format === format);
  const rows = exact.length > 0 ? exact : own.filter((r) => r.format === "any");
  return {
    ms: median(rows.map((r) => r.ms)),
    ttfb: median(rows.map((r) => r.ttfbMs)),
    rss: median(rows.map((r) => r.rssKb)),
    n: rows.length,
  };
}

const yes = (ok: boolean | undefined) => ok === undefined ? "n/a" : ok ? "yes" : "**no**";

function listTable(run: ScaleRun, cluster: string, sizes: number[], formats: string[]): string {
  const head =
    "| VMs | output | hyperctl time | TTFB | peak RSS | kubectl time | TTFB | peak RSS | " +
    "raw time | raw 1st page | raw RSS | ÷ kubectl time | ÷ raw time | ÷ kubectl RSS | TTFB − raw 1st page |";
  const lines = [head, "|" + "---|".repeat(15)];
  for (const size of sizes) {
    for (const f of formats) {
      const h = pick(run, cluster, size, f, "hyperctl");
      const k = pick(run, cluster, size, f, "kubectl");
      const r = pick(run, cluster, size, f, "raw");
      lines.push(
        `| ${size} | ${f} | ${formatMs(h.ms)} | ${formatMs(h.ttfb)} | ${formatKb(h.rss)} | ` +
          `${formatMs(k.ms)} | ${formatMs(k.ttfb)} | ${formatKb(k.rss)} | ${formatMs(r.ms)} | ` +
          `${formatMs(r.ttfb)} | ${formatKb(r.rss)} | ${ratio(h.ms, k.ms)} | ${
            ratio(h.ms, r.ms)
          } | ` +
          `${ratio(h.rss, k.rss)} | ${formatMs(h.ttfb - r.ttfb)} |`,
      );
    }
  }
  return lines.join("\n");
}

function targetTable(run: ScaleRun, cluster: string, sizes: number[], formats: string[]): string {
  const lines = [
    "| output | time ≤ 0.3× kubectl | time ≤ 1.2× raw | RSS ≤ 0.5× kubectl | RSS flat (≤ 10 MiB, smallest → largest) | TTFB ≤ raw 1st page + 100 ms |",
    "|---|---|---|---|---|---|",
  ];
  for (const f of formats) {
    const at = sizes.map((size) => ({
      h: pick(run, cluster, size, f, "hyperctl"),
      k: pick(run, cluster, size, f, "kubectl"),
      r: pick(run, cluster, size, f, "raw"),
      floor: pick(run, cluster, size, f, "one request"),
      size,
    }));
    const all = (test: (x: typeof at[number]) => boolean) =>
      at.every((x) => Number.isFinite(x.h.ms)) ? at.every(test) : undefined;
    const sizesFailing = (test: (x: typeof at[number]) => boolean) =>
      at.map((x, i) => test(x) ? "" : String(sizes[i])).filter(Boolean).join(", ");
    const cell = (
      test: (x: typeof at[number]) => boolean,
      bound?: (x: typeof at[number]) => string,
    ) => {
      const ok = all(test);
      if (ok !== false) return yes(ok);
      const why = bound ? at.map((x) => test(x) ? "" : bound(x)).filter(Boolean) : [];
      return `**no** (at ${sizesFailing(test)})${why.length ? `; ${why.join("; ")}` : ""}`;
    };
    // A target under what one request costs a bare Deno process is out of reach for any Deno
    // client; one under what the raw client pays for the same pages, for any client that reads them.
    const outOfReach = (
      size: number,
      limit: number,
      floor: number,
      raw: number,
      show: (n: number) => string,
    ) =>
      limit < floor
        ? `${size}: target ${show(limit)} < floor ${show(floor)}`
        : limit < raw
        ? `${size}: target ${show(limit)} < raw ${show(raw)}`
        : "";
    const rss = at.map((x) => x.h.rss);
    const lean = sizes.map((size) => pick(run, cluster, size, f, "lean").rss);
    const leanGrowth = lean[lean.length - 1] - lean[0];
    // A client that only reads the pages and collects after every second one growing past the
    // target puts it under the runtime's floor, like a time under one request's.
    const leanFlat = lean.length > 1 && lean.every(Number.isFinite)
      ? `; lean client ${formatKb(lean[0])} → ${formatKb(lean[lean.length - 1])}${
        leanGrowth > 10 * MIB ? `, itself ${formatKb(leanGrowth)} more: target under the floor` : ""
      }`
      : "";
    // Judged only once every size has a number (the report is rewritten while a run goes on).
    const flat = rss.length > 1 && rss.every(Number.isFinite)
      ? Math.abs(rss[rss.length - 1] - rss[0]) <= 10 * MIB
      : undefined;
    lines.push(
      `| ${f} | ${
        cell(
          (x) => x.h.ms <= 0.3 * x.k.ms,
          (x) => outOfReach(x.size, 0.3 * x.k.ms, x.floor.ms, x.r.ms, formatMs),
        )
      } | ${cell((x) => x.h.ms <= 1.2 * x.r.ms)} | ` +
        `${
          cell(
            (x) => x.h.rss <= 0.5 * x.k.rss,
            (x) => outOfReach(x.size, 0.5 * x.k.rss, x.floor.rss, x.r.rss, formatKb),
          )
        } | ${yes(flat)} (${formatKb(rss[0])} → ` +
        `${formatKb(rss[rss.length - 1])}${leanFlat}) | ${
          cell((x) => x.h.ttfb <= x.r.ttfb + 100)
        } |`,
    );
  }
  return lines.join("\n");
}

/** What any Deno client pays before its first item: start-up, one HTTPS request, nothing kept. */
function floorLine(run: ScaleRun, cluster: string, sizes: number[]): string {
  const all = (client: string) => {
    const rows = run.rows.filter((r) => r.cluster === cluster && r.client === client);
    return {
      ms: median(rows.map((r) => r.ms)),
      rss: median(rows.map((r) => r.rssKb)),
      n: rows.length,
    };
  };
  const [one, bare] = [all("one request"), all("empty deno run")];
  if (one.n === 0) return "";
  return `**The runtime's floor** (medians of ${one.n} run${
    one.n === 1 ? "" : "s"
  } beside the sizes ${sizes.join(", ")}): ` +
    `the raw client listing an empty namespace, one request and no items, takes ${
      formatMs(one.ms)
    } ` +
    `and ${formatKb(one.rss)} of peak RSS; \`deno run\` of an empty file ${
      formatMs(bare.ms)
    } and ` +
    `${
      formatKb(bare.rss)
    }. No Deno client can go below these; a target under them, or under the raw transfer of the same pages, is marked so.`;
}

/** What the lean client's memory and time say about the flat-RSS target. */
function leanLine(run: ScaleRun, cluster: string, sizes: number[]): string {
  if (sizes.length < 2) return "";
  const [a, b] = [sizes[0], sizes[sizes.length - 1]];
  const [la, lb] = [pick(run, cluster, a, "any", "lean"), pick(run, cluster, b, "any", "lean")];
  const rb = pick(run, cluster, b, "any", "raw");
  if (la.n === 0 || lb.n === 0) return "";
  return `**The lean client** (scripts/bench/lean_pages.ts: the same pages over one TLS ` +
    "connection with HTTP/1.1 written by hand instead of `fetch`, one reused 64 KiB read buffer, " +
    "a full collection after every second page, printing nothing): peak RSS " +
    `${formatKb(la.rss)} at ${a} VMs and ${formatKb(lb.rss)} at ${b} ` +
    `(${formatKb(lb.rss - la.rss)} more; the raw client ${
      formatKb(rb.rss - pick(run, cluster, a, "any", "raw").rss)
    } more), ` +
    `in ${formatMs(lb.ms)} at ${b} VMs (raw client ${formatMs(rb.ms)}). ` +
    "What it still gains is the runtime's own; what a client gains beyond it comes from its " +
    "HTTP client's buffers and what it does with the pages.";
}

function growth(run: ScaleRun, cluster: string, sizes: number[], formats: string[]): string {
  if (sizes.length < 2) return "";
  const [a, b] = [sizes[sizes.length - 2], sizes[sizes.length - 1]];
  const lines = [
    `| output | client | time per 1 000 VMs (${a} → ${b}) | peak RSS per 1 000 VMs (${a} → ${b}) |`,
    "|---|---|---|---|",
  ];
  for (const f of [...formats, "any"]) {
    // The raw and lean clients where they fetched this output's own pages (rows, metadata).
    const own = (client: string) =>
      run.rows.some((r) => r.cluster === cluster && r.client === client && r.format === f);
    const clients = f === "any"
      ? ["raw", "lean"]
      : ["hyperctl", "kubectl", ...["raw", "lean"].filter(own)];
    for (const client of clients) {
      const x = pick(run, cluster, a, f, client), y = pick(run, cluster, b, f, client);
      const per = (d: number) => d / ((b - a) / 1000);
      lines.push(
        `| ${f === "any" ? "(pages only)" : f} | ${client} | ${formatMs(per(y.ms - x.ms))} | ` +
          `${formatKb(per(y.rss - x.rss))} |`,
      );
    }
  }
  return lines.join("\n");
}

/** A time that older runs did not measure, or that never came. */
function optionalMs(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? "—" : formatMs(ms);
}

function watchTable(run: ScaleRun, cluster: string): string {
  const rows = run.watches.filter((w) => w.cluster === cluster);
  if (rows.length === 0) return "";
  const perObject = ["hyperctl", "kubectl"].map((client) => {
    const own = rows.filter((w) => w.client === client).sort((a, b) => a.size - b.size);
    if (own.length < 2) return "";
    const [a, b] = [own[0], own[own.length - 1]];
    const kib = (b.afterListKb - a.afterListKb) / (b.size - a.size);
    return `${client}: ${
      kib.toFixed(2)
    } KiB per VM (RSS after the initial list, ${a.size} → ${b.size})`;
  }).filter(Boolean);
  return [
    "| VMs | client | first line | initial list printed | RSS after the initial list | RSS after the updates | peak RSS | updates received | issuing the updates took |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((w) =>
      `| ${w.size} | ${w.client} | ${optionalMs(w.firstOutputMs)} | ` +
      `${optionalMs(w.listPrintedMs)} | ${formatKb(w.afterListKb)} | ` +
      `${formatKb(w.afterUpdatesKb)} | ${formatKb(w.peakKb)} | ${w.received}/${w.updates} | ` +
      `${formatMs(w.issueMs)} |`
    ),
    ...(perObject.length ? ["", `Memory per watched VM: ${perObject.join("; ")}.`] : []),
  ].join("\n");
}

/** Render the report. */
export function renderScaleReport(
  run: ScaleRun,
  meta: {
    args: string[];
    options: {
      sizes: number[];
      realSizes: number[];
      reps: number;
      clusters: string[];
      updates: number;
    };
    facts: MachineFacts;
    totalS: number;
    /** False while the run is still going (the report is rewritten after every fleet size). */
    complete: boolean;
  },
): string {
  const { options, facts } = meta;
  const formats = ["-o json", "table", "-o name", "-o yaml", "table -n"];
  const loads = [...run.loads].sort((x, y) => x - y);
  const out: string[] = [
    "# hyperctl at scale: 1 000 to 100 000 VMs",
    "",
    `Generated by \`deno task bench ${meta.args.join(" ")}\` in ${Math.round(meta.totalS)} s ` +
    `on ${facts.date} (commit ${facts.gitCommit}).` +
    (meta.complete ? "" : " **The run did not finish: sizes without rows were not measured.**"),
    "",
    `Machine: ${facts.cpuModel}, ${facts.nproc} cores, ${facts.memTotal}; ${facts.os}, kernel ` +
    `${facts.kernel}; Deno ${facts.deno} (V8 ${facts.v8}); kubectl ${facts.kubectl}.`,
    "",
    `**Load during the run:** 1-minute load average ${loads[0]?.toFixed(1)} to ` +
    `${loads[loads.length - 1]?.toFixed(1)} (median ${median(loads).toFixed(1)}) on ` +
    `${facts.nproc} cores, sampled every 5 s. Above ${facts.nproc}, processes waited for a core ` +
    "and the times below include that wait.",
    "",
    "Clients: hyperctl as `deno task build` bundles it (`deno run` of the bundle with the binary's " +
    "permissions); kubectl 1.33 with its own discovery cache; the raw paged transfer " +
    "(scripts/bench/raw_pages.ts): a keep-alive HTTPS client fetching the same pages of 500 " +
    "and parsing each, printing nothing — the floor; for `-o name`, the same pages of metadata " +
    "only (`PartialObjectMetadataList`), which is what hyperctl's `-o name` fetches, while " +
    "kubectl's fetches whole objects; for the tables, the server's rows (`as=Table`), as both " +
    "hyperctl and kubectl fetch them: under `-A` each row with its object's metadata (for " +
    "NAMESPACE), in one namespace (`table -n`) hyperctl's and the raw client's rows with nothing " +
    "but their cells, kubectl's with metadata; the lean client (below each cluster's table), " +
    "for the memory floor. Each command lists with `-A` (`table -n`: the fleet's one namespace) and its " +
    "default page size (500); stdout goes to a pipe that is drained. Medians of " +
    `${options.reps} runs (kubectl: 1 at 100 000 VMs) after a warm-up on an empty namespace; ` +
    "`-o name` runs check that every VM was printed. Time to first byte (TTFB) counts from spawn; the raw client's is its first page " +
    "parsed, from its own start, so `TTFB − raw 1st page` is what hyperctl adds before its first " +
    "byte (start-up and rendering).",
    "",
    "## Seeding",
    "",
    "| cluster | VMs | ready after | note |",
    "|---|---|---|---|",
    ...run.seeds.map((s) => `| ${s.cluster} | ${s.size} | ${formatMs(s.ms)} | ${s.note} |`),
    "",
  ];
  if (run.errors.length > 0) {
    out.push("## Not measured", "", ...run.errors.map((e) => `- ${e}`), "");
  }
  for (const cluster of options.clusters) {
    const title = cluster === "sim" ? "Embedded cluster (`hyperctl sim`)" : "Real API server";
    const sizes = cluster === "sim" ? options.sizes : options.realSizes;
    out.push(
      `## ${title}`,
      "",
      listTable(run, cluster, sizes, formats),
      "",
      floorLine(run, cluster, sizes),
      "",
      leanLine(run, cluster, sizes),
      "",
      "### Targets",
      "",
      targetTable(run, cluster, sizes, formats),
      "",
      "### How cost grows with the fleet",
      "",
      growth(run, cluster, sizes, formats),
      "",
      "### A watch over the whole fleet",
      "",
      `\`vm list -A -w -o json\` and \`kubectl get -A -w --output-watch-events -o json\` run at ` +
        "once. From spawn: the first line of the initial list and its last (output then stayed " +
        `quiet for 3 s); RSS then, and after ${options.updates} status updates (16 in flight) ` +
        "have all arrived.",
      "",
      watchTable(run, cluster),
      "",
    );
  }
  return out.join("\n");
}
