import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertThrowsWith } from "../testing/assert_throws.ts";
import { formatDuration, parseDuration } from "./duration.ts";

Deno.test("parseDuration() accepts Go forms and days", () => {
  const cases: [string, number][] = [
    ["0", 0],
    ["+0", 0],
    ["0s", 0],
    ["90s", 90_000],
    ["5m", 300_000],
    ["1h30m", 5_400_000],
    ["7d", 604_800_000],
    ["500ms", 500],
    ["1.5h", 5_400_000],
    [".5s", 500],
    ["1.s", 1000],
    ["2h45m30.5s", 9_930_500],
    ["1d12h", 129_600_000],
    ["1500us", 1.5],
    ["1500µs", 1.5],
    ["250ns", 0.00025],
    ["+5s", 5000],
    ["1h1h", 7_200_000],
    ["0.000000001s", 0.000001],
  ];
  for (const [input, want] of cases) assert.equal(parseDuration(input), want, input);
});

Deno.test("parseDuration() rejects garbage with hints", () => {
  const cases: [string, string][] = [
    ["5 min", `contains whitespace (did you mean "5m"?)`],
    ["1h 30m", `contains whitespace (did you mean "1h30m"?)`],
    ["5", `missing unit (did you mean "5s"?)`],
    ["-5m", "negative durations are not allowed"],
    ["", `empty (write a number and a unit, such as "30s" or "5m")`],
    ["5min", `unknown unit "min" (did you mean "5m"?)`],
    ["2hours", `unknown unit "hours" (did you mean "2h"?)`],
    ["5M", `unknown unit "M" (did you mean "5m"?)`],
    ["1w", `unknown unit "w" (did you mean "7d"?)`],
    ["5x", `unknown unit "x" (valid units: ms, s, m, h, d; also ns, us)`],
    ["m", `expected a number at "m"`],
    ["1h.m", `expected a number at ".m"`],
    ["+", "missing number"],
    ["1h30", `missing unit after "30" (units: ms, s, m, h, d)`],
    ["99999999999999999999d", "too large"],
  ];
  for (const [input, why] of cases) {
    assertThrowsWith(
      () => parseDuration(input),
      InputError,
      `cannot parse duration ${JSON.stringify(input)}: ${why}`,
    );
  }
});

Deno.test("formatDuration() prints Go style rounded to seconds", () => {
  const cases: [number, string][] = [
    [0, "0s"],
    [499, "0s"],
    [500, "1s"],
    [2000, "2s"],
    [64_400, "1m4s"],
    [60_000, "1m0s"],
    [3_600_000, "1h0m0s"],
    [3_723_000, "1h2m3s"],
    [90_000_000, "25h0m0s"],
    [-2000, "-2s"],
    [NaN, "0s"],
  ];
  for (const [ms, want] of cases) assert.equal(formatDuration(ms), want, String(ms));
});

Deno.test("parseDuration() throws only InputError and inverts formatDuration()", () => {
  fc.assert(fc.property(fc.string(), (s) => {
    try {
      parseDuration(s);
    } catch (e) {
      return e instanceof InputError;
    }
    return true;
  }));
  fc.assert(fc.property(fc.nat(10_000_000), (seconds) => {
    return parseDuration(formatDuration(seconds * 1000)) === seconds * 1000;
  }));
});
