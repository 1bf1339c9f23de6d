/**
 * The one table from error to exit code, and the one-line message printed for it.
 *
 * Codes are a contract with scripts (README "Exit codes"): 0 ok, 1 cluster, 2 usage, 3 wait timeout,
 * 4 operation failed, 5 watch lost, 6 state file of another cluster, 7 a local write failed,
 * 130/143 interrupted.
 * @module
 */

import { CheckpointClusterError } from "../core/checkpoint.ts";
import { InputError } from "../core/input_error.ts";
import { QuerySyntaxError } from "../core/query_syntax_error.ts";
import { SortFieldError } from "../core/sort_field_error.ts";
import {
  ApiError,
  ExecCredentialError,
  KubeConfigError,
  TransportError,
  WatchLostError,
} from "../k8s/errors.ts";
import { escapeTerminal } from "../render/escape.ts";
import { OutputWriteError } from "../render/sink.ts";
import { FileWriteError } from "./atomic_file.ts";
import {
  InterruptedError,
  ObjectGoneError,
  OperationFailedError,
  WaitTimeoutError,
} from "./outcomes.ts";

/** Exit codes, named. */
export const ExitCode = {
  ok: 0,
  cluster: 1,
  usage: 2,
  timeout: 3,
  operationFailed: 4,
  watchLost: 5,
  otherCluster: 6,
  localWrite: 7,
  sigint: 130,
  sigterm: 143,
} as const;

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Which class means which exit code, decided by `instanceof`. Built-in errors (`SyntaxError`,
 * `RangeError`, `TypeError`) are deliberately absent: the runtime throws them for bugs and broken
 * answers after requests were sent, so they must not claim "bad input, nothing was sent" (2).
 * They, and anything else not listed, exit 1. The signal decides an interrupt's code.
 */
const TABLE: readonly (readonly [ErrorClass, number | ((err: Error) => number)])[] = [
  [InputError, ExitCode.usage],
  [WaitTimeoutError, ExitCode.timeout],
  [OperationFailedError, ExitCode.operationFailed],
  [WatchLostError, ExitCode.watchLost],
  [CheckpointClusterError, ExitCode.otherCluster],
  // stdout or a file could not be written (disk full): the machine's trouble, not the cluster's.
  [OutputWriteError, ExitCode.localWrite],
  [FileWriteError, ExitCode.localWrite],
  [
    InterruptedError,
    (err) => (err as InterruptedError).signal === "SIGTERM" ? ExitCode.sigterm : ExitCode.sigint,
  ],
  [ObjectGoneError, ExitCode.cluster],
  [ApiError, ExitCode.cluster],
  [TransportError, ExitCode.cluster],
  [KubeConfigError, ExitCode.cluster],
  [ExecCredentialError, ExitCode.cluster],
  // A --sort-by path no listed object has: the user's input, but known only after the list.
  [SortFieldError, ExitCode.cluster],
];

/**
 * Map any thrown value to an exit code.
 *
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * import { InputError } from "../core/input_error.ts";
 * import { exitCodeOf } from "./exit_code.ts";
 * assertEquals(exitCodeOf(new InputError("bad")), 2);
 * assertEquals(exitCodeOf(new SyntaxError("Unexpected token")), 1);
 * ```
 */
export function exitCodeOf(err: unknown): number {
  for (const [cls, code] of TABLE) {
    if (err instanceof cls) return typeof code === "number" ? code : code(err);
  }
  return ExitCode.cluster;
}

/**
 * The single stderr line for an error: `error: …`.
 *
 * Errors may provide `userMessage(program)` for a friendlier text than `message`; `program` is
 * how its suggested commands name hyperctl (`kubectl hyperctl` as a plugin).
 */
export function errorLine(err: unknown, program?: string): string {
  let text: string;
  if (err instanceof Error) {
    const friendly = (err as { userMessage?: (program?: string) => string }).userMessage;
    text = typeof friendly === "function" ? friendly.call(err, program) : err.message;
  } else {
    text = String(err);
  }
  text = text.replace(/^error:\s*/i, "");
  // A query error shows the expression with a caret under the column: keep its lines.
  if (!(err instanceof QuerySyntaxError)) {
    text = text.split("\n").filter((l) => l.trim()).join("; ");
  }
  // Errors quote the server (its Status message, the start of a broken answer): escape them.
  return `error: ${escapeTerminal(text)}`;
}
