import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { formatInZone, nextRuns, validateCron, validateTimezone } from "./cron.ts";

Deno.test("validateCron() accepts standard 5-field cron: ranges, lists, steps, names, nicknames", () => {
  const ok: [string, string][] = [
    ["0 2 * * *", "0 2 * * *"],
    ["*/15 9-17 * * MON-FRI", "*/15 9-17 * * MON-FRI"],
    ["0 0,12 1,15 * *", "0 0,12 1,15 * *"],
    ["1-59/2 * * jan-mar sun", "1-59/2 * * jan-mar sun"],
    ["0 0 * * WED", "0 0 * * WED"],
    ["0 0 29 2 *", "0 0 29 2 *"],
    ["  0   2 * *  * ", "0 2 * * *"],
    ["@daily", "@daily"],
    ["@Weekly", "@weekly"],
  ];
  for (const [input, expected] of ok) assert.equal(validateCron(input), expected);
});

Deno.test("validateCron() rejects invalid expressions with croner's reason or a hint", () => {
  const bad: [string, string][] = [
    [
      "61 * * * *",
      `--cron "61 * * * *" is not a valid cron schedule: Invalid value for minute: 61`,
    ],
    ["0 24 * * *", `--cron "0 24 * * *" is not a valid cron schedule: Invalid value for hour: 24`],
    [
      "*/0 * * * *",
      `--cron "*/0 * * * *" is not a valid cron schedule: Syntax error, illegal stepping: 0`,
    ],
    [
      "a b c d e",
      `--cron "a b c d e" is not a valid cron schedule: configuration entry 1 (a) contains illegal characters.`,
    ],
    [
      "* * * * * *",
      `--cron "* * * * * *" must have 5 fields (minute hour day-of-month month day-of-week), got 6`,
    ],
    [
      "0 2 * *",
      `--cron "0 2 * *" must have 5 fields (minute hour day-of-month month day-of-week), got 4`,
    ],
    [
      "0 0 L * *",
      `--cron "0 0 L * *" uses "L", a non-standard extension (use numbers, names, *, ranges, lists and steps)`,
    ],
    [
      "0 0 ? * *",
      `--cron "0 0 ? * *" uses "?", a non-standard extension (use numbers, names, *, ranges, lists and steps)`,
    ],
    [
      "0 0 * * 1#2",
      `--cron "0 0 * * 1#2" uses "#", a non-standard extension (use numbers, names, *, ranges, lists and steps)`,
    ],
    ["0 0 31 2 *", `--cron "0 0 31 2 *" never runs (no date matches its day and month fields)`],
    [
      "@daly",
      `--cron "@daly" is not a known nickname (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly) (did you mean "@daily"?)`,
    ],
    ["", `--cron must not be empty (as in "0 2 * * *")`],
  ];
  for (const [input, message] of bad) {
    assertThrowsWith(() => validateCron(input), InputError, message);
  }
});

Deno.test("validateTimezone() accepts IANA names and aliases, refuses offsets, bad case and typos", () => {
  for (
    const ok of [
      "UTC",
      "Europe/Berlin",
      "America/Argentina/Buenos_Aires",
      "US/Pacific",
      "Etc/GMT+1",
    ]
  ) {
    assert.equal(validateTimezone(ok), ok);
  }
  const bad: [string, string][] = [
    [
      "europe/berlin",
      `--timezone "europe/berlin" has the wrong case: time zone names are case-sensitive (did you mean "Europe/Berlin"?)`,
    ],
    [
      "utc",
      `--timezone "utc" has the wrong case: time zone names are case-sensitive (did you mean "UTC"?)`,
    ],
    [
      "Europe/Berln",
      `--timezone "Europe/Berln" is not a known IANA time zone (such as "UTC" or "Europe/Berlin") (did you mean "Europe/Berlin"?)`,
    ],
    [
      "+01:00",
      `--timezone "+01:00" is not a known IANA time zone (such as "UTC" or "Europe/Berlin")`,
    ],
    [
      "Mars/Base",
      `--timezone "Mars/Base" is not a known IANA time zone (such as "UTC" or "Europe/Berlin")`,
    ],
    ["", `--timezone "" is not a known IANA time zone (such as "UTC" or "Europe/Berlin")`],
  ];
  for (const [input, message] of bad) {
    assertThrowsWith(() => validateTimezone(input), InputError, message);
  }
});

Deno.test("nextRuns() lists the next runs after fromMs in the schedule's time zone", () => {
  const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
  assert.deepEqual(iso(nextRuns("0 2 * * *", "UTC", Date.UTC(2026, 0, 1, 2, 0, 0))), [
    "2026-01-02T02:00:00.000Z",
    "2026-01-03T02:00:00.000Z",
    "2026-01-04T02:00:00.000Z",
  ]);
  // 2026-01-02 is a Friday; 02:00 in Berlin is 01:00 UTC in winter.
  assert.deepEqual(iso(nextRuns("0 2 * * MON-FRI", "Europe/Berlin", Date.UTC(2026, 0, 2), 2)), [
    "2026-01-02T01:00:00.000Z",
    "2026-01-05T01:00:00.000Z",
  ]);
  // 2026-03-29 02:00 does not exist in Berlin (clocks jump to 03:00): the run moves to 03:00 CEST.
  assert.deepEqual(iso(nextRuns("0 2 * * *", "Europe/Berlin", Date.UTC(2026, 2, 28), 3)), [
    "2026-03-28T01:00:00.000Z",
    "2026-03-29T01:00:00.000Z",
    "2026-03-30T00:00:00.000Z",
  ]);
  assert.deepEqual(iso(nextRuns("@hourly", "UTC", Date.UTC(2026, 0, 1, 0, 30), 1)), [
    "2026-01-01T01:00:00.000Z",
  ]);
  assertThrowsWith(() => nextRuns("0 2 * *", "UTC", 0), InputError, /must have 5 fields/);
  assertThrowsWith(
    () => nextRuns("0 2 * * *", "Nowhere", 0),
    InputError,
    /not a known IANA time zone/,
  );
});

Deno.test("formatInZone() prints a run at the zone's wall-clock time with its offset", () => {
  const run = nextRuns("0 2 * * *", "Europe/Berlin", Date.UTC(2026, 11, 6, 12), 1)[0];
  assert.equal(formatInZone(run, "Europe/Berlin"), "2026-12-07T02:00:00+01:00");
  // Summer time, a half-hour zone and a negative offset.
  assert.equal(
    formatInZone(new Date(Date.UTC(2026, 6, 1, 0)), "Europe/Berlin"),
    "2026-07-01T02:00:00+02:00",
  );
  assert.equal(
    formatInZone(new Date(Date.UTC(2026, 0, 1, 0)), "Asia/Kolkata"),
    "2026-01-01T05:30:00+05:30",
  );
  assert.equal(
    formatInZone(new Date(Date.UTC(2026, 0, 1, 3)), "America/New_York"),
    "2025-12-31T22:00:00-05:00",
  );
  assert.equal(formatInZone(new Date(Date.UTC(2026, 0, 1, 3)), "UTC"), "2026-01-01T03:00:00Z");
});
