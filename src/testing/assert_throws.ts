/**
 * Assertions shared by the core tests; node:assert has no "throws this class with this exact
 * message" helper that also reports the actual message on mismatch.
 * @module
 */
import assert from "node:assert/strict";

/** Assert that `fn` throws an instance of `cls` whose message equals (string) or matches (RegExp). */
export function assertThrowsWith(
  fn: () => unknown,
  cls: abstract new (...args: never[]) => Error,
  message?: string | RegExp,
): Error {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown !== undefined, `expected ${cls.name} to be thrown`);
  assert.ok(thrown instanceof cls, `expected ${cls.name}, got ${String(thrown)}`);
  if (typeof message === "string") assert.equal(thrown.message, message);
  else if (message) assert.match(thrown.message, message);
  return thrown;
}
