/**
 * Deps bound to the real process: Deno's streams, clock, environment and signals.
 * @module
 */

import type { Connection, Deps, GlobalFlags } from "./deps.ts";
import { type Sink, stderrSink, stdoutSink } from "../render/sink.ts";
import { neutralizeTerminalText, terminalSink } from "../render/terminal_sink.ts";
import { warmTlsEntropy } from "../k8s/tls_warmup.ts";
import { INVOKED_AS_ENV, programName } from "./program_name.ts";

function listenForSignals(controller: AbortController): () => "SIGINT" | "SIGTERM" | undefined {
  let which: "SIGINT" | "SIGTERM" | undefined;
  const on = (sig: "SIGINT" | "SIGTERM") => () => {
    which ??= sig;
    controller.abort(new Error(sig));
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    try {
      Deno.addSignalListener(sig, on(sig));
    } catch {
      // SIGTERM cannot be listened to on Windows; Ctrl+C still works.
    }
  }
  return () => which;
}

/** Build the Deps of a real hyperctl process. */
export function realDeps(): Deps {
  // Off the main thread, while the command loads: saves ~30 ms on the first TLS handshake.
  void warmTlsEntropy();
  const controller = new AbortController();
  const interruptedBy = listenForSignals(controller);
  // On a terminal nothing from the cluster may carry C1 or bidi controls; pipes stay faithful.
  const onTerminal = (sink: Sink, isTerminal: boolean) => isTerminal ? terminalSink(sink) : sink;
  return {
    io: {
      out: onTerminal(stdoutSink(), Deno.stdout.isTerminal()),
      err: onTerminal(stderrSink(), Deno.stderr.isTerminal()),
      stdinIsTTY: Deno.stdin.isTerminal(),
      stdoutIsTTY: Deno.stdout.isTerminal(),
      stderrIsTTY: Deno.stderr.isTerminal(),
      columns: () => {
        // A pty may report 0 columns (e.g. under script(1)); fall back like most CLIs do.
        let columns = 0;
        try {
          columns = Deno.consoleSize().columns;
        } catch { /* not a terminal */ }
        return columns >= 20 ? columns : Number(Deno.env.get("COLUMNS")) || 80;
      },
    },
    clock: { now: () => Date.now() },
    env: (name) => Deno.env.get(name),
    connect: async (flags: GlobalFlags): Promise<Connection> => {
      const { connect } = await import("./connect.ts");
      // `-v` lines are written at once, not queued: requests in flight log as they end, nobody
      // awaits those writes, and a queued line was lost when the process exited after the output.
      const onScreen = Deno.stderr.isTerminal();
      return connect(flags, {
        log: (line) => writeStderrNow(onScreen ? neutralizeTerminalText(`${line}\n`) : `${line}\n`),
      });
    },
    contextNames: async (flags: GlobalFlags): Promise<string[]> => {
      const { loadContextNames } = await import("../k8s/kubeconfig.ts");
      return loadContextNames({ kubeconfig: flags.kubeconfig });
    },
    interrupt: controller.signal,
    interruptedBy,
    programName: programName(Deno.env.get(INVOKED_AS_ENV) || Deno.execPath()),
    async settleProgramName() {
      this.programName = programName(await invokedPath());
      this.settleProgramName = undefined;
    },
    exitCode: 0,
  };
}

/**
 * The path hyperctl was started as: a wrapper's HYPERCTL_INVOKED_AS, else argv[0]. On Linux
 * `Deno.execPath()` is the resolved file, so a `kubectl-hyperctl` symlink to the binary (how krew
 * and Homebrew install plugins) would read as `hyperctl`; argv[0] is the link kubectl ran. Under
 * `deno run`, argv[0] is deno.
 */
async function invokedPath(): Promise<string> {
  const wrapper = Deno.env.get(INVOKED_AS_ENV);
  if (wrapper) return wrapper;
  const { default: process } = await import("node:process");
  return process.argv0 || Deno.execPath();
}

const encoder = new TextEncoder();

/** Write `text` to stderr before returning; a stderr that cannot be written drops it. */
function writeStderrNow(text: string): void {
  const bytes = encoder.encode(text);
  try {
    for (let offset = 0; offset < bytes.length;) {
      offset += Deno.stderr.writeSync(bytes.subarray(offset));
    }
  } catch { /* a closed or full stderr: the verbose line is lost, the command goes on */ }
}
