/**
 * The one table from error to exit code, and the one-line message printed for it.
 *
 * Codes are a contract with scripts (README "Exit codes"): 0 ok, 1 cluster, 2 usage, 3 wait timeout,
 * 4 operation failed, 5 watch lost, 6 state file of another cluster, 130/143 interrupted.
 * @module
 */

/** Exit codes, named. */
export const ExitCode = {
  ok: 0,
  cluster: 1,
  usage: 2,
  timeout: 3,
  operationFailed: 4,
  watchLost: 5,
  otherCluster: 6,
  sigint: 130,
  sigterm: 143,
} as const;

const byName: Record<string, number> = {
  UsageError: ExitCode.usage,
  SyntaxError: ExitCode.usage,
  RangeError: ExitCode.usage,
  QuerySyntaxError: ExitCode.usage,
  WaitTimeoutError: ExitCode.timeout,
  OperationFailedError: ExitCode.operationFailed,
  ObjectGoneError: ExitCode.cluster,
  WatchLostError: ExitCode.watchLost,
  CheckpointClusterError: ExitCode.otherCluster,
  ApiError: ExitCode.cluster,
  TransportError: ExitCode.cluster,
  KubeConfigError: ExitCode.cluster,
  CompatHelpRequest: ExitCode.ok,
};

/**
 * Map any thrown value to an exit code.
 *
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * import { exitCodeOf } from "./exit_code.ts";
 * assertEquals(exitCodeOf(new SyntaxError("bad")), 2);
 * ```
 */
export function exitCodeOf(err: unknown): number {
  if (err instanceof Error) {
    if (err.name === "InterruptedError") {
      return (err as Error & { signal?: string }).signal === "SIGTERM"
        ? ExitCode.sigterm
        : ExitCode.sigint;
    }
    const mapped = byName[err.name];
    if (mapped !== undefined) return mapped;
  }
  return ExitCode.cluster;
}

/**
 * The single stderr line for an error: `error: …`.
 *
 * Errors may provide `userMessage()` for a friendlier text than `message`.
 */
export function errorLine(err: unknown): string {
  let text: string;
  if (err instanceof Error) {
    const friendly = (err as { userMessage?: () => string }).userMessage;
    text = typeof friendly === "function" ? friendly.call(err) : err.message;
  } else {
    text = String(err);
  }
  text = text.replace(/^error:\s*/i, "");
  // A query error shows the expression with a caret under the column: keep its lines.
  if (!(err instanceof Error && err.name === "QuerySyntaxError")) {
    text = text.split("\n").filter((l) => l.trim()).join("; ");
  }
  return `error: ${text}`;
}
