/**
 * The README's `$ hyperctl …` samples, run in order against `hyperctl sim` started with the
 * README's own flags: each must exit as it says (0 unless `# exit N`) and print what the README
 * shows, beyond ages, elapsed times, IP addresses and generated name suffixes
 * (scripts/readme/samples.ts). `deno task readme` rewrites the samples from real output.
 */
import assert from "node:assert/strict";
import { normalizeOutput, readmeSamples, readmeSimFlags } from "../../scripts/readme/samples.ts";
import { runSamples } from "../../scripts/readme/run_samples.ts";
import { PROGRAM } from "../support/cli.ts";

const README = new URL("../../README.md", import.meta.url).pathname;

Deno.test({
  name: "every README sample prints what the README shows, with the exit code it states",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const markdown = await Deno.readTextFile(README);
    const samples = readmeSamples(markdown);
    assert.ok(samples.length >= 5, `only ${samples.length} samples found`);
    assert.deepEqual(readmeSimFlags(markdown), ["--vms", "12"]);
    const runs = await runSamples(samples, readmeSimFlags(markdown), { program: PROGRAM });
    const hint = "(deno task readme writes the samples from real output)";
    for (const [i, s] of samples.entries()) {
      assert.equal(runs[i].code, s.exitCode, `"${s.line}" exit code ${hint}:\n${runs[i].output}`);
      assert.equal(
        normalizeOutput(runs[i].output.trimEnd()),
        normalizeOutput(s.output),
        `"${s.line}" output ${hint}`,
      );
    }
  },
});
