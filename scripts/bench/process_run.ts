/**
 * Run one client process the way a user does and measure it: wall time from spawn to exit, peak
 * RSS, bytes written to stdout (drained, not kept, so 10 000-object outputs cost the bench nothing).
 *
 * Peak RSS comes from `/usr/bin/time -v` (the kernel's maxrss at exit) when present; otherwise the
 * process is polled via /proc/PID/status VmHWM, the same kernel high-water mark, read as late as
 * possible.
 * @module
 */

/** A client under test: the program and the arguments that precede every command line. */
export interface Tool {
  /** Label in the report, e.g. `hyperctl`, `kubectl 1.33`. */
  label: string;
  cmd: string;
  baseArgs: string[];
  env: Record<string, string>;
}

/** What one measured run produced. */
export interface Measured {
  code: number;
  wallMs: number;
  /** Peak resident set size in KiB; NaN when it could not be read. */
  peakRssKb: number;
  stdoutBytes: number;
  /** Spawn → first stdout byte in ms (time to first byte); NaN when nothing was printed. */
  firstByteMs: number;
  /** Full stdout, only when asked for (`capture: true`). */
  stdout?: string;
  stderr: string;
}

const TIME_BIN = "/usr/bin/time";
let timeUsable: boolean | undefined;

/** Whether `/usr/bin/time -v` works here (GNU time). */
export function gnuTimeAvailable(): boolean {
  if (timeUsable === undefined) {
    try {
      const out = new Deno.Command(TIME_BIN, { args: ["-v", "true"], stderr: "piped" })
        .outputSync();
      timeUsable = out.success &&
        new TextDecoder().decode(out.stderr).includes("Maximum resident set size");
    } catch {
      timeUsable = false;
    }
  }
  return timeUsable;
}

/** A live process's memory from /proc/PID/status, in KiB. */
export interface ProcMemory {
  /** VmHWM: peak RSS. */
  hwmKb: number;
  /** VmRSS: resident now. */
  rssKb: number;
  /** RssAnon: the process's own allocations (JS heap, malloc, buffers). */
  anonKb: number;
  /** RssFile: pages of mapped files, mostly the executable's code as it is first run. */
  fileKb: number;
}

/** VmHWM, VmRSS, RssAnon and RssFile of a live process in KiB; NaN once it has gone. */
export function procMemory(pid: number): ProcMemory {
  try {
    const text = Deno.readTextFileSync(`/proc/${pid}/status`);
    const field = (name: string) => {
      const m = text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"));
      return m ? Number(m[1]) : NaN;
    };
    return {
      hwmKb: field("VmHWM"),
      rssKb: field("VmRSS"),
      anonKb: field("RssAnon"),
      fileKb: field("RssFile"),
    };
  } catch {
    return { hwmKb: NaN, rssKb: NaN, anonKb: NaN, fileKb: NaN };
  }
}

/** Drain a byte stream, counting bytes and keeping the text only when asked. */
export async function drain(
  stream: ReadableStream<Uint8Array>,
  keep: boolean,
): Promise<{ bytes: number; text?: string; firstAt: number }> {
  let bytes = 0;
  let firstAt = NaN;
  const parts: string[] = [];
  const dec = new TextDecoder();
  for await (const chunk of stream) {
    if (bytes === 0) firstAt = performance.now();
    bytes += chunk.byteLength;
    if (keep) parts.push(dec.decode(chunk, { stream: true }));
  }
  return keep ? { bytes, text: parts.join("") + dec.decode(), firstAt } : { bytes, firstAt };
}

/** Run `tool args…` to completion and measure it. */
export async function runMeasured(
  tool: Tool,
  args: string[],
  options: { capture?: boolean } = {},
): Promise<Measured> {
  const useTime = gnuTimeAvailable();
  const statsFile = useTime ? await Deno.makeTempFile({ prefix: "bench-time-" }) : "";
  const argv = useTime
    ? ["-v", "-o", statsFile, tool.cmd, ...tool.baseArgs, ...args]
    : [...tool.baseArgs, ...args];
  const started = performance.now();
  const child = new Deno.Command(useTime ? TIME_BIN : tool.cmd, {
    args: argv,
    env: tool.env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let hwm = NaN;
  const poll = useTime ? undefined : setInterval(() => {
    const m = procMemory(child.pid).hwmKb;
    if (Number.isFinite(m)) hwm = Math.max(Number.isFinite(hwm) ? hwm : 0, m);
  }, 5);
  const [out, err, status] = await Promise.all([
    drain(child.stdout, options.capture === true),
    drain(child.stderr, true),
    child.status,
  ]);
  const wallMs = performance.now() - started;
  if (poll !== undefined) clearInterval(poll);
  let peakRssKb = hwm;
  if (useTime) {
    const stats = await Deno.readTextFile(statsFile);
    await Deno.remove(statsFile).catch(() => {});
    const m = stats.match(/Maximum resident set size \(kbytes\): (\d+)/);
    peakRssKb = m ? Number(m[1]) : NaN;
  }
  return {
    code: status.code,
    wallMs,
    peakRssKb,
    stdoutBytes: out.bytes,
    firstByteMs: out.firstAt - started,
    stdout: out.text,
    stderr: err.text ?? "",
  };
}
