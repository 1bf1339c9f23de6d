/**
 * Render the benchmark results as Markdown (bench/REPORT.md): machine facts, a summary of the
 * targets, one table per section with medians, ratios to kubectl and peak RSS, and raw samples.
 * @module
 */

import type { MachineFacts } from "./machine.ts";
import type { CaseResult, Section } from "./results.ts";
import { formatKb, formatMs, median, ratio } from "./stats.ts";

/** Everything the report shows. */
export interface ReportInput {
  mode: string;
  /** The flags `deno task bench` was given, so a partial or longer run says so. */
  args: readonly string[];
  facts: MachineFacts;
  /** How the runs were configured (reps, counts, durations), one line each. */
  settings: string[];
  compiledNote: string;
  sections: Section[];
  /** Hand-written analysis appended verbatim (bench/FINDINGS.md); only a full run gets it. */
  findings?: string;
  totalS: number;
}

const isReference = (label: string) => label.startsWith("kubectl");

function labelsOf(section: Section): string[] {
  const seen: string[] = [];
  for (const c of section.cases) {
    for (const s of c.samples) if (!seen.includes(s.label)) seen.push(s.label);
  }
  return seen;
}

function cell(v: string | undefined): string {
  return (v ?? "").replaceAll("|", "\\|");
}

function met(c: CaseResult): string {
  if (!c.target) return "";
  const mark = c.target.met === undefined ? "?" : c.target.met ? "yes" : "**no**";
  return `${c.target.text}: ${mark}`;
}

/** One section's table: per tool median time and peak RSS, ratios to the kubectl sample. */
export function renderSection(section: Section): string {
  if (section.cases.length === 0) {
    return [`## ${section.title}`, section.intro ?? "", section.after ?? ""].filter(Boolean)
      .join("\n\n");
  }
  const labels = labelsOf(section);
  const hasTimes = section.cases.some((c) => c.samples.some((s) => s.times.length > 0));
  const timed = hasTimes ? labels : [];
  // An in-process figure is not a client; a ratio to kubectl's process would mislead.
  const others = timed.filter((l) => !isReference(l) && !l.includes("in-process"));
  const hasRss = section.cases.some((c) => c.samples.some((s) => s.rss.some(Number.isFinite)));
  const hasDetail = section.cases.some((c) => c.samples.some((s) => s.detail));
  const head = [
    "case",
    ...timed.map((l) => `${l} (median)`),
    ...others.map((l) => `${l} / kubectl`),
    ...(hasRss ? labels.map((l) => `${l} peak RSS`) : []),
    ...(hasDetail ? ["details"] : []),
    "target",
  ];
  const rows = section.cases.map((c) => {
    const by = (l: string) => c.samples.find((s) => s.label === l);
    const ref = c.samples.find((s) => isReference(s.label));
    const refMedian = ref ? median(ref.times) : NaN;
    return [
      c.name,
      ...timed.map((l) => by(l) ? formatMs(median(by(l)!.times)) : ""),
      ...others.map((l) => by(l) && ref ? ratio(median(by(l)!.times), refMedian) : ""),
      ...(hasRss ? labels.map((l) => by(l) ? formatKb(median(by(l)!.rss)) : "") : []),
      ...(hasDetail
        ? [c.samples.filter((s) => s.detail).map((s) => `${s.label}: ${s.detail}`).join("; ")]
        : []),
      met(c),
    ];
  });
  const table = [
    `| ${head.map(cell).join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
  const raw = section.cases.map((c) =>
    c.samples.filter((s) => s.times.length > 0).map((s) =>
      `- ${c.name} — ${s.label}: ${s.times.map((t) => Math.round(t)).join(", ")} ms` +
      (s.rss.some(Number.isFinite)
        ? `; peak RSS ${s.rss.map((k) => Math.round(k / 1024)).join(", ")} MiB`
        : "")
    ).join("\n")
  ).join("\n");
  const notes = section.cases.filter((c) => c.note).map((c) => `- ${c.name}: ${c.note}`);
  return [
    `## ${section.title}`,
    section.intro ?? "",
    table,
    notes.length ? notes.join("\n") : "",
    section.after ?? "",
    raw.trim() ? `<details><summary>raw samples</summary>\n\n${raw}\n\n</details>` : "",
  ].filter(Boolean).join("\n\n");
}

/** The summary: every case with a target, in one list. */
function renderTargets(sections: Section[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    for (const c of s.cases) {
      if (!c.target) continue;
      const mark = c.target.met === undefined ? "not measured" : c.target.met ? "met" : "NOT met";
      lines.push(`| ${cell(c.name)} | ${cell(c.target.text)} | ${mark} |`);
    }
  }
  return ["| case | target | result |", "|---|---|---|", ...lines].join("\n");
}

/** The whole report. */
export function renderReport(input: ReportInput): string {
  const f = input.facts;
  const facts = [
    ["date", f.date],
    ["CPU", `${f.cpuModel}, ${f.nproc} cores (nproc)`],
    ["RAM", f.memTotal],
    ["OS / kernel", `${f.os} / ${f.kernel}`],
    ["Deno / V8", `${f.deno} / ${f.v8}`],
    ["kubectl", f.kubectl],
    ["API server", `${f.server} (tests/apiserver: apiextensions-apiserver + embedded etcd)`],
    ["hyperctl commit", f.gitCommit],
  ];
  return [
    "# hyperctl vs kubectl: benchmark report",
    `Generated by \`${["deno task bench", ...input.args].join(" ")}\` ` +
    `(mode: ${input.mode}, total ${Math.round(input.totalS)} s). Both clients run as separate ` +
    "processes against the same local API server in the same run; medians of the repetitions, " +
    "ratio = hyperctl / kubectl (below 1 = hyperctl faster). Regenerate rather than edit; the " +
    (input.findings
      ? "analysis at the end comes from bench/FINDINGS.md."
      : "analysis is in bench/FINDINGS.md."),
    "## Machine",
    ["| | |", "|---|---|", ...facts.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join("\n"),
    `Compiled binary: ${input.compiledNote}`,
    "## Settings",
    input.settings.map((s) => `- ${s}`).join("\n"),
    "## Targets",
    renderTargets(input.sections),
    ...input.sections.map(renderSection),
    input.findings ? input.findings.trim() : "",
  ].filter(Boolean).join("\n\n") + "\n";
}
