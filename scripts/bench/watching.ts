/**
 * A long-running client process whose stdout is scanned as it arrives: how many times a marker
 * has been printed and when, plus its memory while it runs. Used by the watch throughput and the
 * memory-over-time cases.
 * @module
 */

import { terminate } from "../../tests/support/terminate.ts";
import { type ProcMemory, procMemory, type Tool } from "./process_run.ts";

/** A running client being watched. */
export interface Watched {
  pid: number;
  /** performance.now() when the process was spawned. */
  startedAt: number;
  /** performance.now() of the first stdout chunk (NaN before any). */
  firstOutputAt(): number;
  /** Occurrences of the marker printed so far. */
  count(): number;
  /** Bytes printed so far. */
  bytes(): number;
  /** performance.now() of the last stdout chunk (NaN before any). */
  lastOutputAt(): number;
  /** Resolves with performance.now() when the marker count reaches `n`. */
  reached(n: number): Promise<number>;
  /** Resolves once output began and then stayed quiet for `quietMs` (the initial list printed). */
  settled(quietMs: number, timeoutMs: number): Promise<void>;
  memory(): ProcMemory;
  /** SIGTERM (then SIGKILL after 5 s); resolves with stderr. */
  stop(): Promise<string>;
}

/** Spawn `tool args…` and count `marker` in its stdout. */
export function startWatched(tool: Tool, args: string[], marker: string): Watched {
  const startedAt = performance.now();
  const child = new Deno.Command(tool.cmd, {
    args: [...tool.baseArgs, ...args],
    env: tool.env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let count = 0;
  let bytes = 0;
  let firstAt = NaN;
  let lastAt = NaN;
  let stderr = "";
  const waiters: { n: number; resolve: (t: number) => void }[] = [];
  const notify = (now: number) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (count >= waiters[i].n) {
        waiters[i].resolve(now);
        waiters.splice(i, 1);
      }
    }
  };
  const reading = (async () => {
    const dec = new TextDecoder();
    let carry = "";
    for await (const chunk of child.stdout) {
      const now = performance.now();
      bytes += chunk.byteLength;
      if (Number.isNaN(firstAt)) firstAt = now;
      lastAt = now;
      const text = carry + dec.decode(chunk, { stream: true });
      let at = text.indexOf(marker);
      let end = 0;
      while (at >= 0) {
        count++;
        end = at + marker.length;
        at = text.indexOf(marker, end);
      }
      // Keep a tail that may hold the start of a marker split across chunks.
      carry = text.slice(Math.max(end, text.length - marker.length + 1));
      notify(now);
    }
  })();
  const stderrDone = (async () => {
    const dec = new TextDecoder();
    for await (const chunk of child.stderr) stderr += dec.decode(chunk, { stream: true });
  })();
  return {
    pid: child.pid,
    startedAt,
    firstOutputAt: () => firstAt,
    count: () => count,
    bytes: () => bytes,
    lastOutputAt: () => lastAt,
    reached(n) {
      if (count >= n) return Promise.resolve(performance.now());
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    async settled(quietMs, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        const now = performance.now();
        if (Number.isFinite(lastAt) && now - lastAt >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${tool.label} ${args.join(" ")}: no settled output within ${timeoutMs} ms`);
    },
    memory: () => procMemory(child.pid),
    async stop() {
      await terminate(child, 5000);
      await Promise.all([reading, stderrDone]);
      return stderr;
    },
  };
}
