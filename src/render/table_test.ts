import assert, { equal } from "node:assert/strict";
import { kindByNoun } from "../core/kinds.ts";
import { objectColumns } from "./columns.ts";
import { stripAnsi } from "./color.ts";
import { createRenderer } from "./create_renderer.ts";
import { createTableRenderer } from "./table.ts";
import { withWatchColumns } from "./watch_columns.ts";
import { fleet, NOW, vm } from "./testdata/fixtures.ts";
import { assertGolden } from "./testdata/golden.ts";

const VM = kindByNoun("vm");
const clock = () => NOW;
const fixedTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

Deno.test("table pads every column but the last to max(6, widest + 3), like kubectl's tabwriter", () => {
  const set = {
    headers: ["NAME", "VM", "STATUS"],
    cells: () => [{ text: "a" }, { text: "x" }, { text: "Running" }],
  };
  const out = createTableRenderer(set, { nowMs: clock }).list([{}]);
  // NAME: 4+3 = 7; VM: max(6, 2+3) = 6; STATUS is last and not padded.
  equal(out, "NAME   VM    STATUS\na      x     Running\n");
});

Deno.test("table renders VM rows as kubectl prints the CRD's table: empty cells, the first IP", async () => {
  const r = await createRenderer("table", { kind: VM, nowMs: clock });
  const out = r.list([
    vm("web-1", {
      phase: "Running",
      cpus: 2,
      memory: "4Gi",
      node: "n1",
      ips: ["10.0.0.1", "fd00::1"],
      ageMs: 150_000,
    }),
    vm("db", { ageMs: 5_000 }),
  ]);
  equal(
    out,
    [
      "NAME    STATUS    CPUS   MEMORY   NODE   IPS        AGE",
      "web-1   Running   2      4Gi      n1     10.0.0.1   2m30s",
      "db                                                  5s",
      "",
    ].join("\n"),
  );
});

Deno.test("table leaves a missing date empty, and pads before it as kubectl's tabwriter does", async () => {
  const r = await createRenderer("table", { kind: VM, nowMs: clock, noHeaders: true });
  const bad = vm("x", { phase: "Running", cpus: 1, memory: "1Gi", node: "n", ips: ["1.1.1.1"] });
  // Short cells still take kubectl's minimum width of 6.
  equal(r.list([bad]), "x     Running   1     1Gi   n     1.1.1.1   \n");
});

Deno.test("table with wide adds priority-1 columns in declaration order", async () => {
  const r = await createRenderer("wide", { kind: VM, nowMs: clock });
  const header = r.list([vm("a", { running: true, image: "img" })]).split("\n")[0];
  equal(header, "NAME   STATUS   CPUS   MEMORY   NODE   IPS   AGE   RUNNING   IMAGE");
});

Deno.test("table puts CONTEXT then NAMESPACE before NAME", async () => {
  const r = await createRenderer("table", {
    kind: kindByNoun("op"),
    nowMs: clock,
    showNamespace: true,
    showContext: true,
  });
  const out = r.list([{ metadata: { name: "op-1", namespace: "prod" } }], ["east"]);
  equal(
    out,
    "CONTEXT   NAMESPACE   NAME   VM    OPERATION   STATUS   PROGRESS   AGE\n" +
      "east      prod        op-1                                         \n",
  );
});

Deno.test("table prints nothing for an empty list and honours --no-headers", async () => {
  equal((await createRenderer("table", { kind: VM, nowMs: clock })).list([]), "");
  const out = (await createRenderer("table", { kind: VM, nowMs: clock, noHeaders: true }))
    .list([vm("a", { ageMs: 1000 })]);
  equal(out.includes("NAME"), false);
  equal(out.split("\n").length, 2);
});

Deno.test("table escapes control characters in cells so a row stays one line", async () => {
  const r = await createRenderer("table", {
    kind: kindByNoun("op"),
    nowMs: clock,
    noHeaders: true,
  });
  const out = r.list([{
    metadata: { name: "op" },
    spec: { vmRef: { name: "v\x1b[31m" }, operation: "start\nstop" },
  }]);
  equal(out, "op    v^[[31m   start\\nstop               \n");
});

Deno.test("watch table prints the header once, TIME and EVENT first, and keeps widths", async () => {
  const r = await createRenderer("table", {
    kind: kindByNoun("op"),
    nowMs: clock,
    watch: true,
    formatTime: fixedTime,
  });
  const op = (name: string, phase?: string, progress?: number) => ({
    metadata: { name, creationTimestamp: new Date(NOW - 10_000).toISOString() },
    spec: { vmRef: { name: "web-1" }, operation: "migrate" },
    status: { phase, progress },
  });
  let out = r.list([op("mig-1", "Pending")]);
  out += r.event({ type: "MODIFIED", object: op("mig-1", "Running", 60) }, NOW + 2000);
  out += r.event({ type: "DELETED", object: op("mig-1", "Succeeded", 100) }, NOW + 4000);
  equal(
    out,
    [
      "TIME       EVENT      NAME    VM      OPERATION   STATUS    PROGRESS   AGE",
      "03:04:05   ADDED      mig-1   web-1   migrate     Pending              10s",
      "03:04:07   MODIFIED   mig-1   web-1   migrate     Running   60         12s",
      "03:04:09   DELETED    mig-1   web-1   migrate     Succeeded   100        14s",
      "",
    ].join("\n"),
  );
});

Deno.test("watch table without event columns matches kubectl get -w rows", async () => {
  const r = await createRenderer("table", {
    kind: VM,
    nowMs: clock,
    watch: true,
    showEvents: false,
  });
  const first = r.event({ type: "ADDED", object: vm("a", { ageMs: 1000 }) }, NOW);
  const second = r.event({ type: "MODIFIED", object: vm("a", { ageMs: 1000 }) }, NOW);
  equal(first.split("\n").length, 3);
  equal(second.split("\n").length, 2);
  equal(second.startsWith("a    "), true);
});

Deno.test("colour marks only the STATUS cell and keeps the alignment of plain output", async () => {
  const items = fleet().slice(0, 8);
  const plain = (await createRenderer("table", { kind: VM, nowMs: clock })).list(items);
  const colored = (await createRenderer("table", { kind: VM, nowMs: clock, color: true })).list(
    items,
  );
  equal(plain.includes("\x1b"), false);
  equal(stripAnsi(colored), plain);
  const row = colored.split("\n").find((l) => l.startsWith("vm-00"))!;
  equal(row.includes("\x1b[32mRunning\x1b[39m"), true);
  // Exactly one coloured span per row: only the STATUS cell.
  // deno-lint-ignore no-control-regex
  equal(row.match(/\x1b\[3[0-7]m/g)?.length, 1);
  const stopped = colored.split("\n").find((l) => l.startsWith("vm-01"))!;
  equal(stopped.includes("\x1b"), false);
});

Deno.test("fleet table matches its golden file (checked against Go text/tabwriter 6,4,3)", async () => {
  const r = await createRenderer("table", { kind: VM, nowMs: clock, showNamespace: true });
  await assertGolden("fleet_table.txt", r.list(fleet()));
});

Deno.test("fleet wide table matches its golden file", async () => {
  const r = await createRenderer("wide", { kind: VM, nowMs: clock });
  await assertGolden("fleet_wide.txt", r.list(fleet()));
});

Deno.test("fleet watch stream matches its golden file", async () => {
  const set = withWatchColumns(objectColumns(VM, { showNamespace: true }), {
    formatTime: fixedTime,
  });
  const r = createTableRenderer(set, { nowMs: clock });
  const items = fleet();
  let out = r.list(items.slice(0, 3));
  items.slice(3, 12).forEach((object, i) => {
    out += r.event({ type: i % 3 === 2 ? "DELETED" : "MODIFIED", object }, NOW + i * 1000);
  });
  await assertGolden("fleet_watch.txt", out);
});

Deno.test("watch table lays out events that arrive together as one block, as kubectl its first list", async () => {
  const r = await createRenderer("table", {
    kind: kindByNoun("op"),
    nowMs: clock,
    watch: true,
    formatTime: fixedTime,
  });
  const op = (name: string) => ({ type: "ADDED" as const, object: { metadata: { name } } });
  const out = r.events!([op("a"), op("a-much-longer-name"), op("bb")], NOW);
  // Every row's NAME cell is as wide as the longest name, the header's too.
  const vmColumn = out.indexOf("VM");
  const rows = out.split("\n").slice(1, -1);
  for (const line of rows) assert.equal(line.slice(vmColumn - 3, vmColumn), "   ", out);
  assert.equal(new Set(rows.map((line) => line.length)).size, 1, out);
});
