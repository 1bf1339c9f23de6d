/**
 * `deno task bench`: hyperctl side by side with kubectl 1.33 on the real API server, written to
 * bench/REPORT.md (see options.ts for flags; `--quick` for a short try).
 *
 * Starts a private server (tests/support/apiserver.ts), seeds it with the project's client, runs
 * the scenarios and renders the report, appending bench/FINDINGS.md (the hand-written analysis).
 * @module
 */

import { kubectlBinary, startApiServer } from "../../tests/support/apiserver.ts";
import { createKubeApi } from "../../src/k8s/client.ts";
import { loadKubeConfig } from "../../src/k8s/kubeconfig.ts";
import { machineFacts } from "./machine.ts";
import { measurementArgs, parseBenchArgs, SCENARIOS, USAGE } from "./options.ts";
import { gnuTimeAvailable, type Tool } from "./process_run.ts";
import { renderReport } from "./report.ts";
import type { Section } from "./results.ts";
import {
  breakdownSection,
  type Ctx,
  listSection,
  memorySection,
  startupSection,
  waitSection,
  watchSection,
} from "./scenarios.ts";
import { quantityParseSection } from "./quantity_parse.ts";
import { seedVms } from "./seed.ts";
import {
  type BuildAttempt,
  bundledTool,
  compiledTool,
  hyperctlTool,
  kubectlTool,
  tryBuild,
} from "./tools.ts";

const REPO = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

function log(line: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(args: string[]): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  if (args.includes("--scale")) {
    const { runScale } = await import("./scale.ts");
    try {
      return await runScale(args, REPO);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      console.error(`error: ${err.message}`);
      return 2;
    }
  }
  let opts;
  try {
    opts = parseBenchArgs(args, REPO);
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 2;
  }
  const began = performance.now();
  const has = (s: string) => opts.scenarios.includes(s as never);
  const work = await Deno.makeTempDir({ prefix: "hyperctl-bench-" });
  log(`mode ${opts.mode}; scenarios ${opts.scenarios.join(", ")}; hyperctl from ${opts.root}`);
  log(gnuTimeAvailable() ? "peak RSS via /usr/bin/time -v" : "peak RSS via /proc VmHWM polling");

  let compiledNote = "not tried (--no-compile)";
  let built: BuildAttempt = {};
  if (opts.compile) {
    log("building: deno bundle, then deno compile");
    built = await tryBuild(work, opts.root);
    compiledNote = built.binary
      ? "built with `deno compile` from the bundle; measured as `hyperctl (compiled)`."
      : `not available here — ${built.note}`;
    log(built.binary ? "compiled binary built" : `no compiled binary: ${built.note}`);
  }

  log("starting the API server");
  const server = await startApiServer();
  const api = createKubeApi(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
  try {
    const hyperctls: Tool[] = [hyperctlTool(server.kubeconfigPath, opts.root)];
    if (built.bundle) hyperctls.push(bundledTool(built.bundle, server.kubeconfigPath));
    if (built.binary) hyperctls.push(compiledTool(built.binary, server.kubeconfigPath));
    const kubectl = kubectlTool(server.kubeconfigPath, `${work}/kube-cache`);
    const ctx: Ctx = {
      api,
      hyperctls,
      kubectl,
      reps: opts.reps,
      root: opts.root,
      kubeconfig: server.kubeconfigPath,
      log,
    };
    const small = { namespace: "bench-small", count: 100 };
    const big = { namespace: "bench-big", count: opts.bigList };
    const watchNs = { namespace: "bench-watch", count: 100 };
    const settings = [
      `repetitions: ${opts.reps} per one-shot case (startup ${opts.reps * 2}), ` +
      `${opts.watchReps} watch bursts per client, 1 unmeasured warm-up per client and case`,
      `lists: ${small.count} and ${big.count} VMs; watch: ${watchNs.count} VMs, ` +
      `${opts.updates} updates per burst`,
      `memory watch: ${opts.rssMinutes} min at ${opts.updatesPerS} updates/s`,
      `hyperctl: \`${hyperctls[0].cmd} ${hyperctls[0].baseArgs.join(" ")}\``,
      `kubectl: \`${kubectlBinary()}\` with its own discovery cache dir`,
    ];

    log("seeding");
    const seeded: string[] = [];
    if (has("list") || has("breakdown")) {
      seeded.push(
        `${small.count} VMs in ${Math.round(await seedVms(api, small.namespace, small.count))} ms`,
      );
      seeded.push(
        `${big.count} VMs in ${Math.round(await seedVms(api, big.namespace, big.count))} ms`,
      );
    }
    if (has("watch") || has("memory") || has("wait")) {
      seeded.push(
        `${watchNs.count} VMs in ${
          Math.round(await seedVms(api, watchNs.namespace, watchNs.count))
        } ms`,
      );
    }
    if (seeded.length) {
      settings.push(`seeding (create + status patch, 8 in flight): ${seeded.join("; ")}`);
    }
    seeded.forEach((s) => log(`seeded ${s}`));

    const sections: Section[] = [];
    if (has("startup")) sections.push(await startupSection(ctx));
    if (has("list")) sections.push(await listSection(ctx, small, big));
    if (has("watch")) {
      sections.push(
        await watchSection(ctx, watchNs.namespace, watchNs.count, opts.updates, opts.watchReps),
      );
    }
    if (has("wait")) sections.push(await waitSection(ctx, "bench-wait"));
    if (has("memory")) {
      sections.push(
        await memorySection(
          ctx,
          watchNs.namespace,
          watchNs.count,
          opts.rssMinutes,
          opts.updatesPerS,
        ),
      );
    }
    if (has("breakdown")) sections.push(await breakdownSection(ctx, big.namespace));
    if (has("parse")) sections.push(quantityParseSection(opts.reps));

    // The analysis is written about a full run; a run of some scenarios only points to it.
    const findings = SCENARIOS.every(has)
      ? await Deno.readTextFile(`${REPO}/bench/FINDINGS.md`).catch(() => undefined)
      : undefined;
    const report = renderReport({
      mode: opts.mode,
      args: measurementArgs(args),
      facts: machineFacts(kubectlBinary(), server.k8sVersion, opts.root),
      settings,
      compiledNote,
      sections,
      findings,
      totalS: (performance.now() - began) / 1000,
    });
    const out = opts.out.startsWith("/") ? opts.out : `${REPO}/${opts.out}`;
    await Deno.writeTextFile(out, report);
    log(`wrote ${out} after ${Math.round((performance.now() - began) / 1000)} s`);
    return 0;
  } finally {
    api.close();
    await server.stop();
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
