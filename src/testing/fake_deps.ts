/**
 * Deps for command tests: buffered stdout/stderr, a TTY switch and a fixed clock
 * (gh's `iostreams.Test()`).
 * @module
 */

import type { Connection, Deps, GlobalFlags } from "../cli/deps.ts";

/** Deps plus what the test reads back. */
export interface FakeDeps extends Deps {
  stdout(): string;
  stderr(): string;
  /** Simulate Ctrl+C / SIGTERM. */
  interruptWith(signal: "SIGINT" | "SIGTERM"): void;
}

/** Options of fakeDeps. */
export interface FakeDepsOptions {
  /** @default false */
  tty?: boolean;
  /** @default 1_800_000_000_000 (a fixed instant) */
  now?: number;
  env?: Record<string, string>;
  connect?: (flags: GlobalFlags) => Promise<Connection>;
  contextNames?: string[];
  /** Make stdout behave like a closed pipe after this many writes. */
  closeStdoutAfter?: number;
}

/** Build fake Deps for a command test. */
export function fakeDeps(options: FakeDepsOptions = {}): FakeDeps {
  let out = "";
  let err = "";
  let writes = 0;
  let which: "SIGINT" | "SIGTERM" | undefined;
  const controller = new AbortController();
  const now = options.now ?? 1_800_000_000_000;
  return {
    io: {
      out: {
        write: (text) => {
          if (options.closeStdoutAfter !== undefined && writes >= options.closeStdoutAfter) {
            return Promise.resolve(false);
          }
          writes++;
          out += text;
          return Promise.resolve(true);
        },
      },
      err: {
        write: (text) => {
          err += text;
          return Promise.resolve(true);
        },
      },
      stdinIsTTY: options.tty ?? false,
      stdoutIsTTY: options.tty ?? false,
      stderrIsTTY: options.tty ?? false,
      columns: () => 100,
    },
    clock: { now: () => now },
    env: (name) => options.env?.[name],
    connect: options.connect ??
      (() => Promise.reject(new Error("this test does not connect to a cluster"))),
    contextNames: () => Promise.resolve(options.contextNames ?? []),
    interrupt: controller.signal,
    interruptedBy: () => which,
    exitCode: 0,
    stdout: () => out,
    stderr: () => err,
    interruptWith(signal) {
      which ??= signal;
      controller.abort(new Error(signal));
    },
  };
}
