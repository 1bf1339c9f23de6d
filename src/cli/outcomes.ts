/**
 * Errors that are not failures of the program but outcomes a script branches on.
 *
 * src/cli/exit_code.ts maps each class to its exit code.
 * @module
 */

/** Bad usage or bad input; nothing was sent to the cluster. Exit 2. Core's parsers throw it too. */
export { InputError } from "../core/input_error.ts";

/** `--wait`/`op wait` ran out of time; the operation may still finish. Exit 3. */
export class WaitTimeoutError extends Error {
  override name = "WaitTimeoutError";
}

/** The awaited operation ended Failed or Cancelled. Exit 4. */
export class OperationFailedError extends Error {
  override name = "OperationFailedError";
}

/** The awaited object was deleted while waiting. Exit 1. */
export class ObjectGoneError extends Error {
  override name = "ObjectGoneError";
}

/** The user interrupted (SIGINT → 130, SIGTERM → 143) after a clean shutdown. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
  constructor(readonly signal: "SIGINT" | "SIGTERM", message = "") {
    super(message);
  }
}
