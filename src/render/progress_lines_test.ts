import { equal } from "node:assert/strict";
import { createProgressLines, formatProgressLine } from "./progress_lines.ts";

Deno.test("formatProgressLine() prints `[elapsed] Phase: …` with Go-style elapsed time", () => {
  const row = {
    title: "t",
    phase: "Running",
    percent: 60,
    message: "Migrating VM...",
    elapsedMs: 64_000,
  };
  equal(
    formatProgressLine(row),
    "[1m4s] Phase: Running, Progress: 60%, Message: Migrating VM...\n",
  );
  equal(formatProgressLine({ ...row, elapsedMs: 3_723_000 }).slice(0, 8), "[1h2m3s]");
});

Deno.test("formatProgressLine() leaves out what the cluster did not report", () => {
  equal(
    formatProgressLine({ title: "t", phase: "Pending", elapsedMs: 0 }),
    "[0s] Phase: Pending\n",
  );
  equal(formatProgressLine({ title: "t", elapsedMs: 0 }), "[0s] Waiting for status\n");
  equal(
    formatProgressLine({ title: "t", percent: 33.333, elapsedMs: 0 }),
    "[0s] Progress: 33.3%\n",
  );
});

Deno.test("formatProgressLine() escapes control characters in the message", () => {
  const line = formatProgressLine({ title: "t", message: "a\x1b[2Jb\nc", elapsedMs: 0 });
  equal(line, "[0s] Message: a^[[2Jb\\nc\n");
});

Deno.test("createProgressLines() prints a line only when something changed", () => {
  const p = createProgressLines();
  const at = (
    elapsedMs: number,
    phase: string,
    percent?: number,
  ) => [{ title: "a", phase, percent, elapsedMs }];
  equal(p.update(at(0, "Pending")), "[0s] Phase: Pending\n");
  equal(p.update(at(1000, "Pending")), "");
  equal(p.update(at(2000, "Running", 10)), "[2s] Phase: Running, Progress: 10%\n");
  equal(p.update(at(3000, "Running", 10)), "");
  equal(p.update(at(4000, "Running", 60)), "[4s] Phase: Running, Progress: 60%\n");
});

Deno.test("createProgressLines() names each operation when several are followed", () => {
  const p = createProgressLines();
  const out = p.update([
    { title: "web-1 start", phase: "Running", elapsedMs: 1000 },
    { title: "web-2 start", phase: "Pending", elapsedMs: 1000 },
  ]);
  equal(out, "[1s] web-1 start: Phase: Running\n[1s] web-2 start: Phase: Pending\n");
});

Deno.test("createProgressLines() prints nothing for an absent row, and the state read after it", () => {
  const p = createProgressLines();
  equal(p.update([{ title: "a", elapsedMs: 0, absent: true }]), "");
  equal(p.update([{ title: "a", elapsedMs: 1000 }]), "[1s] Waiting for status\n");
  equal(p.update([{ title: "a", elapsedMs: 2000, absent: true }]), "", "deleted: no line");
});
