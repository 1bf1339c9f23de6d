/**
 * What a command may touch, passed in rather than imported (gh's `Options{IO, HttpClient, Now}`).
 *
 * Tests build a fake with buffers and a TTY switch; `realDeps()` binds Deno's streams.
 * @module
 */

import type { SchedulerLike } from "../rx.ts";
import type { KubeApi } from "../k8s/api.ts";
import type { GlobalFlags } from "./global_flags.ts";

/** A text destination; `write` resolves false once the reader has gone (EPIPE). */
export interface TextOut {
  write(text: string): Promise<boolean>;
}

/** Terminal facts and the two output streams. */
export interface Io {
  out: TextOut;
  err: TextOut;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width, for progress bars and live tables. */
  columns(): number;
}

/** A cluster connection made from the global flags. */
export interface Connection {
  api: KubeApi;
  /** Namespace from -n, else the context's, else "default". */
  namespace: string;
  contextName: string;
  /** Release pooled connections (an open HTTP client keeps the process alive). */
  close(): void;
}

/** Global flags every command understands (see docs/architecture.md). */
export type { GlobalFlags };

/** Everything a command needs from the outside world. */
export interface Deps {
  io: Io;
  clock: { now(): number };
  /**
   * Runs every timer above the cluster layer (`--for`, wait timeouts, live redraws), so command
   * tests run them in virtual time. Unset in a real process: rxjs's timers then use real time,
   * and `--help` loads no rxjs to build a scheduler it would not use.
   * @default rxjs's asyncScheduler
   */
  scheduler?: SchedulerLike;
  env(name: string): string | undefined;
  /** Connect using the global flags; lazily imported so `--help` never loads the client. */
  connect(flags: GlobalFlags): Promise<Connection>;
  /** Context names in the kubeconfig (for --all-contexts); reads files, sends nothing. */
  contextNames(flags: GlobalFlags): Promise<string[]>;
  /** Aborted on SIGINT/SIGTERM; `interruptedBy` tells which. */
  interrupt: AbortSignal;
  interruptedBy(): "SIGINT" | "SIGTERM" | undefined;
  /** How help and usage name the program (`kubectl hyperctl` as a plugin). @default "hyperctl" */
  programName?: string;
  /**
   * Make `programName` exact before it is printed. The real process knows its argv[0] only by
   * loading Node's `process` (about 3 MiB and 10 ms), so it does that only on the way to help,
   * an error or a hint. Absent: `programName` is already exact.
   */
  settleProgramName?(): Promise<void>;
  /** Set by a command that finished but must exit non-zero (e.g. one of several clusters failed). */
  exitCode: number;
}
