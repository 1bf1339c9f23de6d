import assert from "node:assert/strict";
import { growthAfterWarmup, type RssSeries } from "./memory_watch.ts";

const series: RssSeries = {
  label: "w",
  atS: [0, 60, 120, 180, 240],
  rssKb: [1000, 5000, 5100, 5200, 5300],
  anonKb: [600, 4000, 4000, 4000, 4000],
  fileKb: [400, 1000, 1100, 1200, 1300],
  peakKb: 5300,
  received: 0,
};

Deno.test("growth after warm-up skips the warm-up and measures the chosen part of RSS", () => {
  assert.deepEqual(growthAfterWarmup(series, 60), {
    fromKb: 5000,
    toKb: 5300,
    slopeKbPerMin: 100,
  });
  assert.equal(growthAfterWarmup(series, 60, "anonKb").slopeKbPerMin, 0);
  assert.deepEqual(growthAfterWarmup(series, 100, "fileKb"), {
    fromKb: 1100,
    toKb: 1300,
    slopeKbPerMin: 100,
  });
});
