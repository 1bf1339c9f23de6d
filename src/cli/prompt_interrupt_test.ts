import assert from "node:assert/strict";
import { errorLine, exitCodeOf } from "./exit_code.ts";
import { InterruptedError } from "./outcomes.ts";
import { asking } from "./prompt_interrupt.ts";

/** What @inquirer/prompts rejects with when Ctrl+C is pressed at a question. */
class ExitPromptError extends Error {
  override name = "ExitPromptError";
}

Deno.test("Ctrl+C at a question is a quiet interrupt: exit 130, not the library's text", async () => {
  const err = await asking(() =>
    Promise.reject(new ExitPromptError("User force closed the prompt with SIGINT"))
  ).catch((e: unknown) => e);
  assert.ok(err instanceof InterruptedError);
  assert.equal(err.signal, "SIGINT");
  assert.equal(err.message, "", "no message: main prints nothing for it");
  assert.equal(exitCodeOf(err), 130);
});

Deno.test("other prompt failures pass through unchanged", async () => {
  const broken = new TypeError("stdin closed");
  assert.equal(await asking(() => Promise.reject(broken)).catch((e: unknown) => e), broken);
  assert.equal(await asking(() => Promise.resolve(true)), true);
  assert.equal(errorLine(broken), "error: stdin closed");
});
