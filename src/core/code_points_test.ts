import assert from "node:assert/strict";
import fc from "fast-check";
import { compareCodePoints, utf8Length } from "./code_points.ts";

const sign = (n: number) => Math.sign(n);

/** The reference: the strings' UTF-8 bytes (lone surrogates as U+FFFD, as TextEncoder has it). */
function compareUtf8(a: string, b: string): number {
  const [x, y] = [new TextEncoder().encode(a), new TextEncoder().encode(b)];
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

const text = fc.string({
  unit: fc.constantFrom("a", "é", "\uFF61", "\u{1F600}", "\u{1F601}", "\uD83D", "\uDE00", "z"),
});

Deno.test("compareCodePoints() orders well-formed strings as their UTF-8 bytes", () => {
  fc.assert(
    fc.property(text, text, (a, b) => {
      if (!a.isWellFormed() || !b.isWellFormed()) return true;
      return sign(compareCodePoints(a, b)) === sign(compareUtf8(a, b));
    }),
    { numRuns: 2000 },
  );
});

Deno.test("compareCodePoints() is 0 only for equal strings, lone surrogates included", () => {
  fc.assert(fc.property(text, text, (a, b) => (compareCodePoints(a, b) === 0) === (a === b)), {
    numRuns: 2000,
  });
  assert.notEqual(compareCodePoints("\uD800x", "\uD800y"), 0);
});

Deno.test("utf8Length() counts what TextEncoder writes", () => {
  fc.assert(fc.property(text, (s) => utf8Length(s) === new TextEncoder().encode(s).length), {
    numRuns: 2000,
  });
});
