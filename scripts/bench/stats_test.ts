import assert from "node:assert/strict";
import { formatKb, formatMs, median, ratio, slope } from "./stats.ts";

Deno.test("median takes the middle value, averages the two middles, ignores NaN", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([NaN, 7]), 7);
  assert.ok(Number.isNaN(median([])));
});

Deno.test("ratio and formatters say n/a for missing values", () => {
  assert.equal(ratio(150, 100), "1.50");
  assert.equal(ratio(1, 0), "n/a");
  assert.equal(ratio(NaN, 3), "n/a");
  assert.equal(formatMs(12.4), "12 ms");
  assert.equal(formatMs(4.56), "4.6 ms");
  assert.equal(formatMs(12_345), "12.35 s");
  assert.equal(formatKb(2048), "2.0 MiB");
  assert.equal(formatKb(NaN), "n/a");
});

Deno.test("slope fits a line and is NaN for too few points", () => {
  assert.equal(slope([0, 1, 2, 3], [10, 12, 14, 16]), 2);
  assert.equal(slope([0, 1, 2], [5, 5, 5]), 0);
  assert.ok(Number.isNaN(slope([1], [1])));
  assert.ok(Number.isNaN(slope([2, 2], [1, 3])));
});
