import { equal } from "node:assert/strict";
import { formatAge } from "../core/age.ts";
import type { Column } from "../core/kinds.ts";
import { formatColumnValue, formatServedValue, objectColumns } from "./columns.ts";
import { kindByNoun } from "../core/kinds.ts";
import { tableItems } from "../core/server_rows.ts";
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

Deno.test("formatServedValue() prints a served cell as kubectl prints a decoded table cell", () => {
  const cases: [unknown, string][] = [
    [null, ""],
    [undefined, ""],
    ["", ""],
    ["Running", "Running"],
    ["3m20s", "3m20s"],
    // A whole JSON number decodes as an integer, any other as a float64.
    [1500000, "1500000"],
    [0, "0"],
    [12.5, "12.5"],
    [1234567.5, "1.2345675e+06"],
    [1e21, "1e+21"],
    [true, "true"],
    [false, "false"],
  ];
  for (const [value, want] of cases) equal(formatServedValue(value), want, String(value));
});

Deno.test("objectColumns() prints a served row's cells, and its own for a column the server lacks", () => {
  const [item] = tableItems({
    kind: "Table",
    columnDefinitions: [
      { name: "Name", format: "name" },
      { name: "Status" },
      { name: "CPUs" },
      { name: "Age" },
    ],
    rows: [{
      cells: ["web-1", "Running\x1b[2J", 4, "9d"],
      object: { metadata: { name: "web-1", namespace: "prod", creationTimestamp: ago(60_000) } },
    }],
  })!;
  const set = objectColumns(kindByNoun("vm"), { showNamespace: true });
  const cells = set.cells({ object: item, atMs: NOW }).map((c) => c.text);
  // STATUS escaped as any cell; MEMORY, NODE and IPS absent from this server's table: read from
  // the row's metadata, which has none of them; AGE the server's.
  equal(cells.join("|"), "prod|web-1|Running^[[2J|4||||9d");
});

Deno.test("a served row with managedFields prints its cells through the table renderer", async () => {
  const { createRenderer } = await import("./create_renderer.ts");
  const [item] = tableItems({
    kind: "Table",
    columnDefinitions: [{ name: "Name", format: "name" }, { name: "Status" }],
    rows: [{
      cells: ["web-1", "Served"],
      object: { metadata: { name: "web-1", managedFields: [{ manager: "m" }] } },
    }],
  })!;
  const table = await createRenderer("table", { kind: kindByNoun("vm"), nowMs: () => NOW });
  equal(table.list([item]).split("\n")[1].split(/\s+/)[1], "Served");
});
