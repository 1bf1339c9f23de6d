/**
 * Where hyperctl's time goes, measured rather than guessed: the `deno run` floor (an empty
 * script), the cost of importing each heavy module on its own (fresh process each), and the
 * in-process CPU cost of parsing and rendering a large list.
 * @module
 */

import { kindByNoun } from "../../src/core/kinds.ts";
import type { KubeApi } from "../../src/k8s/api.ts";
import { createRenderer } from "../../src/render/create_renderer.ts";
import { compareOneShot } from "./oneshot.ts";
import { runMeasured, type Tool } from "./process_run.ts";
import type { Sample } from "./results.ts";
import { median } from "./stats.ts";
import { vmRef } from "./seed.ts";

/** What each import probe loads; bare names resolve through root/deno.json's import map. */
export function importProbes(root: string): { name: string; specifier: string }[] {
  return [
    { name: "empty script (deno run floor)", specifier: "" },
    { name: "rxjs", specifier: "rxjs" },
    { name: "yaml", specifier: "yaml" },
    { name: "js-yaml (kubeconfig)", specifier: "js-yaml" },
    { name: "src/cli/program.ts (command tree)", specifier: `${root}/src/cli/program.ts` },
    { name: "src/cli/real_deps.ts", specifier: `${root}/src/cli/real_deps.ts` },
    { name: "src/k8s/client.ts", specifier: `${root}/src/k8s/client.ts` },
    { name: "src/render/create_renderer.ts", specifier: `${root}/src/render/create_renderer.ts` },
    {
      name: "src/cli/commands/_run_list.ts (all of vm list)",
      specifier: `${root}/src/cli/commands/_run_list.ts`,
    },
    { name: "src/cli/operation_wait.ts", specifier: `${root}/src/cli/operation_wait.ts` },
  ];
}

/** A fresh `deno run -A` of a script, with root's import map and a minimal environment. */
function denoScriptTool(root: string, label: string): Tool {
  return {
    label,
    cmd: Deno.execPath(),
    baseArgs: ["run", "--quiet", "-A", `--config=${root}/deno.json`],
    env: { HOME: Deno.env.get("HOME") ?? "/root", PATH: Deno.env.get("PATH") ?? "" },
  };
}

/** Time a fresh `deno run` that only imports each probe; one Sample per probe. */
export async function importCosts(root: string, reps: number): Promise<Sample[]> {
  const dir = await Deno.makeTempDir({ prefix: "bench-probe-" });
  try {
    const out: Sample[] = [];
    for (const [i, p] of importProbes(root).entries()) {
      const file = `${dir}/probe_${i}.ts`;
      await Deno.writeTextFile(file, p.specifier ? `import ${JSON.stringify(p.specifier)};\n` : "");
      const tool = denoScriptTool(root, p.name);
      const [s] = await compareOneShot([{ tool, args: [file] }], reps);
      out.push(s);
    }
    return out;
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/** Medians of the first and a second request of fresh processes, per mode of tls_probe.ts. */
export interface FirstRequestCosts {
  mode: "cold" | "warm";
  firstMs: number;
  secondMs: number;
}

/** Main-thread work each probe does before its first request, as a command's loading would. */
export const PROBE_BUSY_MS = 40;

/** Run tls_probe.ts `reps` times per mode (alternating, fresh process each) against the server. */
export async function firstRequestCosts(
  root: string,
  kubeconfig: string,
  reps: number,
): Promise<FirstRequestCosts[]> {
  const runs: Record<"cold" | "warm", { first: number[]; second: number[] }> = {
    cold: { first: [], second: [] },
    warm: { first: [], second: [] },
  };
  const probe = denoScriptTool(root, "tls_probe");
  for (let r = 0; r < reps; r++) {
    for (const mode of ["cold", "warm"] as const) {
      const out = await runMeasured(
        probe,
        [`${root}/scripts/bench/tls_probe.ts`, kubeconfig, mode, String(PROBE_BUSY_MS)],
        { capture: true },
      );
      if (out.code !== 0) throw new Error(`tls_probe ${mode}: ${out.stderr.trim()}`);
      const { firstMs, secondMs } = JSON.parse(out.stdout ?? "") as {
        firstMs: number;
        secondMs: number;
      };
      runs[mode].first.push(firstMs);
      runs[mode].second.push(secondMs);
    }
  }
  return (["cold", "warm"] as const).map((mode) => ({
    mode,
    firstMs: median(runs[mode].first),
    secondMs: median(runs[mode].second),
  }));
}

/** In-process CPU time of the steps of `vm list` on a large list, median of `reps`. */
export interface RenderCosts {
  items: number;
  bodyBytes: number;
  parseMs: number;
  jsonRenderMs: number;
  jsonBytes: number;
  tableRenderMs: number;
  tableBytes: number;
}

/** Measure JSON.parse of the list body and rendering it as JSON and as a table. */
export async function renderCosts(
  api: KubeApi,
  namespace: string,
  reps: number,
): Promise<RenderCosts> {
  const list = await api.list(vmRef(namespace));
  const body = JSON.stringify(list);
  const kind = kindByNoun("vm");
  const now = Date.now();
  const json = await createRenderer("json", { kind, nowMs: () => now });
  const table = await createRenderer("table", { kind, nowMs: () => now });
  const time = (f: () => unknown) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const parse: number[] = [], jr: number[] = [], tr: number[] = [];
  let jsonBytes = 0, tableBytes = 0;
  for (let r = 0; r < reps; r++) {
    parse.push(time(() => JSON.parse(body)));
    jr.push(time(() => jsonBytes = json.list(list.items).length));
    tr.push(time(() => tableBytes = table.list(list.items).length));
  }
  return {
    items: list.items.length,
    bodyBytes: body.length,
    parseMs: median(parse),
    jsonRenderMs: median(jr),
    jsonBytes,
    tableRenderMs: median(tr),
    tableBytes,
  };
}
