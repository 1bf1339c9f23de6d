import assert from "node:assert/strict";
import { procMemory } from "./process_run.ts";

Deno.test("procMemory splits a live process's RSS into anonymous and file-backed pages", () => {
  const m = procMemory(Deno.pid);
  assert.ok(m.anonKb > 0 && m.fileKb > 0, JSON.stringify(m));
  // RssShmem is the third part of VmRSS; the first two cannot exceed the whole.
  assert.ok(m.anonKb + m.fileKb <= m.rssKb, JSON.stringify(m));
  assert.ok(m.hwmKb >= m.rssKb, JSON.stringify(m));
  assert.ok(Number.isNaN(procMemory(-1).rssKb));
});
