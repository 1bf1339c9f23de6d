import { deepEqual, equal } from "node:assert/strict";
import { parseCustomColumns } from "../core/custom_columns.ts";
import { kindByNoun } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";
import { createCustomColumnsRenderer } from "./custom_columns.ts";

const VM = kindByNoun("vm");
const columns = parseCustomColumns(
  "NAME:.metadata.name,LABELS:.metadata.labels,IPS:.status.ips,C:.status.conds[*].type,X:.nope",
);
const a = {
  metadata: { name: "web-1", labels: { tier: "web", env: "prod" } },
  status: { ips: ["10.0.0.1"], conds: [{ type: "Ready" }, { type: "Synced" }] },
};
const b = { metadata: { name: "db" } };

Deno.test("custom-columns prints Go values, <none> for nothing, aligned like kubectl", async () => {
  const r = await createRenderer("custom-columns", {
    kind: VM,
    nowMs: () => 0,
    print: { customColumns: columns },
  });
  equal(
    r.list([a, b]),
    "NAME    LABELS                   IPS          C              X\n" +
      "web-1   map[env:prod tier:web]   [10.0.0.1]   Ready,Synced   <none>\n" +
      "db      <none>                   <none>       <none>         <none>\n",
  );
});

Deno.test("custom-columns prints the header for an empty list, once under watch, never with --no-headers", async () => {
  const r = await createRenderer("custom-columns", {
    kind: VM,
    nowMs: () => 0,
    watch: true,
    print: { customColumns: parseCustomColumns("NAME:.metadata.name") },
  });
  equal(r.list([]), "NAME\n");
  equal(r.event({ type: "ADDED", object: b }, 0), "db\n");
  const bare = await createRenderer("custom-columns", {
    kind: VM,
    nowMs: () => 0,
    noHeaders: true,
    print: { customColumns: parseCustomColumns("NAME:.metadata.name") },
  });
  equal(bare.list([b]), "db\n");
});

Deno.test("custom columns over pages print, at the end, exactly the list laid out whole", () => {
  const spec = parseCustomColumns("NAME:.metadata.name,CPUS:.spec.cpus,IPS:.status.ips[*]");
  const objects = [
    { metadata: { name: "a" }, spec: { cpus: 2 } },
    { metadata: { name: "a-much-longer-name" }, spec: { cpus: 16 }, status: { ips: ["10.0.0.1"] } },
    { metadata: { name: "c" } },
  ];
  for (const noHeaders of [false, true]) {
    const whole = createCustomColumnsRenderer(spec, { noHeaders }).list(objects);
    const stream = createCustomColumnsRenderer(spec, { noHeaders }).listStream();
    const pages = [
      stream.page(objects.slice(0, 1)),
      stream.page([]),
      stream.page(objects.slice(1)),
    ];
    deepEqual(pages, ["", "", ""], "nothing before the end: widths span every row");
    equal(stream.end(), whole);
  }
  const empty = createCustomColumnsRenderer(spec).listStream();
  equal(empty.end(), "NAME   CPUS   IPS\n");
});

Deno.test("custom columns escape only ESC and CR for a pipe, as kubectl does, every control on a terminal", () => {
  const columns = parseCustomColumns("NAME:.metadata.name,NOTE:.metadata.annotations.note");
  const obj = { metadata: { name: "a", annotations: { note: "x\x1b[1m\r\ny\tz" } } };
  equal(
    createCustomColumnsRenderer(columns).list([obj]),
    // The newline and the tab divide the row as kubectl's tabwriter divides it.
    "NAME   NOTE\na      x^[[1m\\r\ny      z\n",
  );
  equal(
    createCustomColumnsRenderer(columns, { terminal: true }).list([obj]),
    "NAME   NOTE\na      x^[[1m\\r\\ny\\tz\n",
  );
});
