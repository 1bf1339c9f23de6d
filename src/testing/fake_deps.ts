/**
 * Deps for command tests: buffered stdout/stderr, a TTY switch, and a clock and scheduler in
 * virtual time (gh's `iostreams.Test()`, rxjs's `VirtualTimeScheduler`): time moves only when the
 * test calls `advance`, so `--for 1h` ends the moment the test says so.
 * @module
 */

import { VirtualTimeScheduler } from "rxjs";
import type { Connection, Deps, GlobalFlags } from "../cli/deps.ts";

/** Deps plus what the test reads back. */
export interface FakeDeps extends Deps {
  stdout(): string;
  stderr(): string;
  /** Simulate Ctrl+C / SIGTERM. */
  interruptWith(signal: "SIGINT" | "SIGTERM"): void;
  /** Move virtual time on by `ms`, firing the timers that fall due (the clock moves too). */
  advance(ms: number): void;
  /** Resolves once a timer is waiting in virtual time (a command has set its time limit). */
  timerSet(): Promise<void>;
  /** Resolves once stdout or stderr (as chosen) matches `pattern`; written text is awaited, not polled. */
  written(pattern: RegExp, stream?: "stdout" | "stderr"): Promise<void>;
}

/** Options of fakeDeps. */
export interface FakeDepsOptions {
  /** @default false */
  tty?: boolean;
  /** The clock at virtual time 0. @default 1_800_000_000_000 (a fixed instant) */
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
  const start = options.now ?? 1_800_000_000_000;
  const scheduler = new VirtualTimeScheduler();
  const waiting: { pattern: RegExp; stream: "stdout" | "stderr"; resolve(): void }[] = [];
  const wake = () => {
    for (const w of [...waiting]) {
      if (w.pattern.test(w.stream === "stdout" ? out : err)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  return {
    io: {
      out: {
        write: (text) => {
          if (options.closeStdoutAfter !== undefined && writes >= options.closeStdoutAfter) {
            return Promise.resolve(false);
          }
          writes++;
          out += text;
          wake();
          return Promise.resolve(true);
        },
      },
      err: {
        write: (text) => {
          err += text;
          wake();
          return Promise.resolve(true);
        },
      },
      stdinIsTTY: options.tty ?? false,
      stdoutIsTTY: options.tty ?? false,
      stderrIsTTY: options.tty ?? false,
      columns: () => 100,
    },
    clock: { now: () => start + scheduler.now() },
    scheduler,
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
    advance(ms) {
      const until = scheduler.frame + ms;
      scheduler.maxFrames = until;
      scheduler.flush();
      scheduler.frame = until;
    },
    async timerSet() {
      // Timers are set synchronously when a command subscribes, a few promise turns after its
      // last write; no I/O is awaited, so turning the microtask queue is enough.
      for (let turn = 0; scheduler.actions.length === 0; turn++) {
        if (turn > 1000) throw new Error("no timer was set");
        await Promise.resolve();
      }
    },
    written(pattern, stream = "stdout") {
      return new Promise((resolve) => {
        waiting.push({ pattern, stream, resolve });
        wake();
      });
    },
  };
}
