import assert from "node:assert/strict";
import fc from "fast-check";
import { ageOf, formatAge, parseTimestamp } from "./age.ts";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

Deno.test("formatAge() matches HumanDuration on both sides of every boundary", () => {
  const cases: [number, string][] = [
    [-100 * Y, "<invalid>"],
    [-2 * S - 1, "<invalid>"],
    [-2 * S, "<invalid>"],
    [-2 * S + 1, "0s"],
    [-S - 1, "0s"],
    [-S, "0s"],
    [-1, "0s"],
    [0, "0s"],
    [999, "0s"],
    [S, "1s"],
    [5 * S, "5s"],
    [119 * S, "119s"],
    [120 * S - 1, "119s"],
    [120 * S, "2m"],
    [150 * S, "2m30s"],
    [5 * M, "5m"],
    [10 * M - 1, "9m59s"],
    [10 * M, "10m"],
    [10 * M + 59 * S, "10m"],
    [179 * M, "179m"],
    [3 * H - 1, "179m"],
    [3 * H, "3h"],
    [3 * H + 12 * M, "3h12m"],
    [5 * H, "5h"],
    [8 * H - 1, "7h59m"],
    [8 * H, "8h"],
    [47 * H, "47h"],
    [48 * H - 1, "47h"],
    [48 * H, "2d"],
    [3 * D + 4 * H, "3d4h"],
    [8 * D - 1, "7d23h"],
    [8 * D, "8d"],
    [400 * D, "400d"],
    [2 * Y - 1, "729d"],
    [2 * Y, "2y"],
    [2 * Y + 30 * D, "2y30d"],
    [8 * Y - 1, "7y364d"],
    [8 * Y, "8y"],
    [100 * Y + 200 * D, "100y"],
  ];
  for (const [ms, want] of cases) assert.equal(formatAge(ms), want, `${ms}ms`);
  assert.equal(formatAge(NaN), "<invalid>");
});

Deno.test("ageOf() reads RFC 3339 timestamps and prints <unknown> otherwise", () => {
  const now = Date.parse("2024-03-10T12:00:00Z");
  const cases: [string | undefined, string][] = [
    ["2024-03-10T11:59:30Z", "30s"],
    ["2024-03-10T13:59:30+02:00", "30s"],
    ["2024-03-10T11:59:29.5Z", "30s"],
    ["2024-03-03T12:00:00Z", "7d"],
    ["2024-03-10T12:00:10Z", "<invalid>"],
    [undefined, "<unknown>"],
    ["", "<unknown>"],
    ["yesterday", "<unknown>"],
    ["2024-03-10", "<unknown>"],
    ["2024-13-45T00:00:00Z", "<unknown>"],
  ];
  for (const [ts, want] of cases) assert.equal(ageOf(ts, now), want, String(ts));
  assert.equal(parseTimestamp(42), undefined);
});

Deno.test("parseTimestamp() rejects dates that do not exist instead of rolling them over", () => {
  const bad = [
    "2024-02-30T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "2024-01-01T00:60:00Z",
    "2024-01-01T00:00:00+24:00",
  ];
  for (const ts of bad) assert.equal(parseTimestamp(ts), undefined, ts);
  assert.equal(parseTimestamp("2024-02-29T00:00:00Z"), Date.UTC(2024, 1, 29));
  assert.equal(parseTimestamp("2024-12-31T23:59:59+01:00"), Date.UTC(2024, 11, 31, 22, 59, 59));
});

Deno.test("formatAge() never decreases as time passes", () => {
  const units: Record<string, number> = { s: S, m: M, h: H, d: D, y: Y };
  const value = (text: string) =>
    [...text.matchAll(/(\d+)([smhdy])/g)].reduce((t, [, n, u]) => t + Number(n) * units[u], 0);
  fc.assert(fc.property(fc.nat(20 * Y), fc.nat(20 * Y), (a, b) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return value(formatAge(lo)) <= value(formatAge(hi));
  }));
});
