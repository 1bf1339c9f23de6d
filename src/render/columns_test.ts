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

Deno.test("formatColumnValue() formats each column type as kubectl does", () => {
  const cases: [Column["type"], unknown, string][] = [
    ["string", "Running", "Running"],
    ["string", undefined, "<none>"],
    ["string", null, "<none>"],
    ["string", "", ""],
    ["integer", 4, "4"],
    ["number", 0.5, "0.5"],
    ["integer", NaN, "<none>"],
    ["boolean", true, "true"],
    ["boolean", false, "false"],
    ["list", ["a", "b"], "a,b"],
    ["list", [], "<none>"],
    ["list", undefined, "<none>"],
    ["date", ago(150_000), "2m30s"],
    ["date", ago(3 * 86_400_000 + 4 * 3_600_000), "3d4h"],
    ["date", undefined, "<unknown>"],
    ["date", "not a date", "<unknown>"],
    ["string", { nested: true }, "<none>"],
  ];
  for (const [type, raw, expected] of cases) {
    equal(formatColumnValue(col(type, raw), {}, NOW), expected, `${type} ${JSON.stringify(raw)}`);
  }
});

Deno.test("formatColumnValue() gives a date the same AGE however often and among however many others it is seen", () => {
  const date = (raw: string) => formatColumnValue(col("date", raw), {}, NOW);
  const first = ago(90_000);
  equal(date(first), "90s");
  equal(date("2024-02-30T00:00:00Z"), "<unknown>");
  // More distinct timestamps than the parser remembers at once.
  for (let i = 0; i < 5000; i++) equal(date(ago(i * 1000)), formatAge(i * 1000));
  equal(date(first), "90s");
  equal(date("2024-02-30T00:00:00Z"), "<unknown>");
  equal(formatColumnValue(col("date", first), {}, NOW + 60_000), "2m30s");
});
