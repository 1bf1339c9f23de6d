/**
 * Ctrl+C at a question: @inquirer/prompts puts the terminal in raw mode, reads the key itself and
 * rejects with its `ExitPromptError`, so no SIGINT arrives. hyperctl makes it the interrupt every
 * other Ctrl+C is (exit 130, no message) instead of a failure with the library's text.
 * @module
 */

import { InterruptedError } from "./outcomes.ts";

/**
 * The prompt library's Ctrl+C as hyperctl's interrupt; any other error unchanged. Matched by
 * name: the class lives in @inquirer/core, which @inquirer/prompts does not re-export.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InterruptedError } from "./outcomes.ts";
 * const ctrlC = Object.assign(new Error("User force closed the prompt with SIGINT"), {
 *   name: "ExitPromptError",
 * });
 * assert.ok(fromPromptError(ctrlC) instanceof InterruptedError);
 * ```
 */
export function fromPromptError(err: unknown): unknown {
  return err instanceof Error && err.name === "ExitPromptError"
    ? new InterruptedError("SIGINT")
    : err;
}

/** Ask with `ask`; Ctrl+C during the question throws a quiet SIGINT `InterruptedError`. */
export async function asking<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (err) {
    throw fromPromptError(err);
  }
}
