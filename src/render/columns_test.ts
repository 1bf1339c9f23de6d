import { equal } from "node:assert/strict";
import { formatAge } from "../core/age.ts";
import type { Column } from "../core/kinds.ts";
import { formatColumnValue } from "./columns.ts";
import { ago, NOW } from "./testdata/fixtures.ts";

const col = (type: Column["type"], raw: unknown): Column => ({
  header: "X",
  type,
  priority: 0,
  value: () => raw,
});

Deno.test("formatColumnValue() formats each column type as kubectl prints a CRD's table", () => {
  const cases: [Column["type"], unknown, string][] = [
    ["string", "Running", "Running"],
    ["string", undefined, ""],
    ["string", null, ""],
    ["string", "", ""],
    // A string column prints whatever its path holds, as JSONPath prints it.
    ["string", 4294967296, "4294967296"],
    ["string", { nested: true }, '{"nested":true}'],
    ["string", ["a", "b"], '["a","b"]'],
    ["string", 2.5e-7, "2.5e-07"],
    ["integer", 4, "4"],
    ["integer", 99.6, "99"],
    ["integer", "4", ""],
    ["integer", NaN, ""],
    ["number", 0.5, "0.5"],
    ["number", 100, "100"],
    ["number", 1234567.5, "1.2345675e+06"],
    ["number", "12", ""],
    ["boolean", true, "true"],
    ["boolean", false, "false"],
    ["boolean", "true", ""],
    ["date", ago(150_000), "2m30s"],
    ["date", ago(3 * 86_400_000 + 4 * 3_600_000), "3d4h"],
    ["date", undefined, ""],
    ["date", "not a date", "<invalid>"],
  ];
  for (const [type, raw, expected] of cases) {
    equal(formatColumnValue(col(type, raw), {}, NOW), expected, `${type} ${JSON.stringify(raw)}`);
  }
});

Deno.test("formatColumnValue() gives a date the same AGE however often and among however many others it is seen", () => {
  const date = (raw: string) => formatColumnValue(col("date", raw), {}, NOW);
  const first = ago(90_000);
  equal(date(first), "90s");
  equal(date("2024-02-30T00:00:00Z"), "<invalid>");
  // More distinct timestamps than the parser remembers at once.
  for (let i = 0; i < 5000; i++) equal(date(ago(i * 1000)), formatAge(i * 1000));
  equal(date(first), "90s");
  equal(date("2024-02-30T00:00:00Z"), "<invalid>");
  equal(formatColumnValue(col("date", first), {}, NOW + 60_000), "2m30s");
});
