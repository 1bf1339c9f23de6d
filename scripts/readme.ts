/**
 * `deno task readme`: write the real output of every `$ hyperctl …` sample into README.md.
 *
 * Starts the embedded cluster with the README's own `hyperctl sim` flags, runs the samples in
 * order and replaces each sample's output with what it printed. Exits 1, changing nothing, when
 * a sample's exit code differs from the one it states (`# exit N`, else 0).
 * The README test (tests/e2e/readme_test.ts) runs the same samples and compares.
 * @module
 */

import { readmeSamples, readmeSimFlags, withOutputs } from "./readme/samples.ts";
import { runSamples } from "./readme/run_samples.ts";

const ROOT = new URL("../", import.meta.url).pathname;

if (import.meta.main) {
  const path = `${ROOT}README.md`;
  const markdown = await Deno.readTextFile(path);
  const samples = readmeSamples(markdown);
  const runs = await runSamples(samples, readmeSimFlags(markdown), { program: `${ROOT}main.ts` });
  const wrong = samples.filter((s, i) => runs[i].code !== s.exitCode);
  for (const s of wrong) {
    const run = runs[samples.indexOf(s)];
    console.error(`error: "${s.line}" exited ${run.code}, not ${s.exitCode}:\n${run.output}`);
  }
  if (wrong.length > 0) Deno.exit(1);
  const updated = withOutputs(markdown, samples, runs.map((r) => r.output));
  if (updated === markdown) console.error(`README.md: ${samples.length} samples, all current`);
  else {
    await Deno.writeTextFile(path, updated);
    console.error(`README.md: ${samples.length} samples written from real output`);
  }
}
