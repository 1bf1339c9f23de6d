import assert from "node:assert/strict";
import { measurementArgs, parseBenchArgs } from "./options.ts";

Deno.test("defaults are the full committed run, --quick shrinks every size", () => {
  const full = parseBenchArgs([], "/repo");
  assert.equal(full.mode, "full");
  assert.equal(full.bigList, 10_000);
  assert.equal(full.updates, 10_000);
  assert.equal(full.rssMinutes, 10);
  assert.equal(full.root, "/repo");
  const quick = parseBenchArgs(["--quick"], "/repo");
  assert.equal(quick.mode, "quick");
  assert.ok(quick.bigList < full.bigList && quick.rssMinutes < full.rssMinutes);
});

Deno.test("explicit flags override the mode's defaults", () => {
  const o = parseBenchArgs(
    ["--quick", "--rss-minutes", "0.5", "--reps", "7", "--skip", "memory,wait", "--root", "/x/"],
    "/repo",
  );
  assert.equal(o.rssMinutes, 0.5);
  assert.equal(o.reps, 7);
  assert.deepEqual(o.scenarios, ["startup", "list", "watch", "breakdown", "parse"]);
  assert.equal(o.root, "/x");
  assert.deepEqual(parseBenchArgs(["--only", "wait"], "/r").scenarios, ["wait"]);
});

Deno.test("bad values name the flag", () => {
  assert.throws(() => parseBenchArgs(["--reps", "0"], "/r"), /--reps needs a whole number/);
  assert.throws(() => parseBenchArgs(["--reps", "1.5"], "/r"), /--reps/);
  assert.throws(() => parseBenchArgs(["--rss-minutes"], "/r"), /--rss-minutes needs a number/);
  assert.throws(() => parseBenchArgs(["--only", "nope"], "/r"), /unknown scenario "nope"/);
  assert.throws(() => parseBenchArgs(["--fast"], "/r"), /unknown argument "--fast"/);
});

Deno.test("the report names the flags that shaped the run, not where it was written", () => {
  assert.deepEqual(
    measurementArgs(["--only", "memory", "--out", "/tmp/r.md", "--rss-minutes", "50"]),
    ["--only", "memory", "--rss-minutes", "50"],
  );
  assert.deepEqual(measurementArgs([]), []);
});
