import { equal } from "node:assert/strict";
import { paint, phaseColor, shouldColor, stripAnsi } from "./color.ts";

Deno.test("shouldColor() follows the flag, the TTY and NO_COLOR", () => {
  const cases: [Parameters<typeof shouldColor>[0], boolean][] = [
    [{ isTTY: true }, true],
    [{ isTTY: false }, false],
    [{ flag: "auto", isTTY: true, noColorEnv: "1" }, false],
    [{ flag: "auto", isTTY: true, noColorEnv: "" }, true],
    [{ flag: "always", isTTY: false }, true],
    [{ flag: "always", isTTY: false, noColorEnv: "1" }, true],
    [{ flag: "never", isTTY: true }, false],
  ];
  for (const [input, expected] of cases) equal(shouldColor(input), expected, JSON.stringify(input));
});

Deno.test("phaseColor() groups every kind's phases into green, red and yellow", () => {
  for (const p of ["Running", "Succeeded", "Completed", "Ready"]) equal(phaseColor(p), "green", p);
  for (const p of ["Failed", "Expired", "Unknown"]) equal(phaseColor(p), "red", p);
  for (const p of ["Pending", "Creating", "Migrating", "Deleting", "Cancelled", "Paused"]) {
    equal(phaseColor(p), "yellow", p);
  }
  equal(phaseColor("Stopped"), undefined);
  equal(phaseColor("running"), undefined);
});

Deno.test("paint() resets only the foreground, and stripAnsi() undoes it", () => {
  equal(paint("x", "red"), "\x1b[31mx\x1b[39m");
  equal(stripAnsi("\x1b[7m" + paint("x", "yellow") + "\x1b[27m"), "x");
});
