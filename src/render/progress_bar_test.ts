import { equal } from "node:assert/strict";
import { stripAnsi } from "./color.ts";
import { createProgressBar, progressFrame, redrawPrefix } from "./progress_bar.ts";

Deno.test("progressFrame() draws one aligned row per operation", () => {
  const frame = progressFrame([
    {
      title: "web-1 migrate",
      phase: "Running",
      percent: 60,
      message: "Migrating VM...",
      elapsedMs: 64_000,
    },
    { title: "db start", phase: "Succeeded", elapsedMs: 3_000, done: "succeeded" },
    {
      title: "x stop",
      phase: "Failed",
      percent: 20,
      message: "boom",
      elapsedMs: 1000,
      done: "failed",
    },
  ], { width: 100 });
  equal(
    frame,
    [
      "web-1 migrate   [████████████░░░░░░░░]      60%   Running     1m4s   Migrating VM...",
      "db start        [████████████████████]     100%   Succeeded   3s",
      "x stop          [████░░░░░░░░░░░░░░░░]      20%   Failed      1s     boom",
      "",
    ].join("\n"),
  );
});

Deno.test("progressFrame() shows an unknown percentage as - and an unknown phase as Pending", () => {
  const frame = progressFrame([{ title: "a", elapsedMs: 0 }], { width: 60 });
  equal(frame, "a     [░░░░░░░░░░]        -   Pending   0s\n");
});

Deno.test("progressFrame() never exceeds the terminal width", () => {
  const long = {
    title: "web-1 migrate",
    phase: "Running",
    percent: 5,
    message: "m".repeat(300),
    elapsedMs: 0,
  };
  for (const width of [20, 40, 80, 120]) {
    for (const line of progressFrame([long], { width, color: true }).split("\n").filter(Boolean)) {
      equal([...stripAnsi(line)].length <= width - 1, true, `width ${width}: ${line}`);
    }
  }
});

Deno.test("progressFrame() colours only the phase and keeps the plain layout", () => {
  const rows = [{ title: "a", phase: "Failed", percent: 5, elapsedMs: 0 }];
  const colored = progressFrame(rows, { width: 80, color: true });
  equal(colored.includes("\x1b[31mFailed\x1b[39m"), true);
  equal(stripAnsi(colored), progressFrame(rows, { width: 80 }));
});

Deno.test("createProgressBar() redraws over the previous frame and keeps the last", () => {
  const bar = createProgressBar({ width: 80 });
  const first = bar.update([{ title: "a", phase: "Running", percent: 10, elapsedMs: 0 }]);
  equal(first.startsWith("\x1b"), false);
  const second = bar.update([
    { title: "a", phase: "Running", percent: 50, elapsedMs: 1000 },
    { title: "b", phase: "Pending", elapsedMs: 1000 },
  ]);
  equal(second.startsWith(redrawPrefix(1)), true);
  const third = bar.update([{
    title: "a",
    phase: "Succeeded",
    elapsedMs: 2000,
    done: "succeeded",
  }]);
  equal(third.startsWith("\x1b[2A\r\x1b[J"), true);
  equal(third.endsWith("\n"), true);
});

Deno.test("progressFrame() shows no phase for an absent row", () => {
  const frame = progressFrame([{ title: "a", elapsedMs: 0, absent: true }], { width: 60 });
  equal(frame.includes("Pending"), false, frame);
});
