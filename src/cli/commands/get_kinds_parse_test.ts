/** The parse of `get` for several kinds: typed options from a good line, every problem at once. */
import assert from "node:assert/strict";
import { parsedOptions, problemsOf } from "../../testing/parse_line.ts";
import { getKindsCommand, ONE_KIND_TO_WATCH } from "./get_kinds.ts";

Deno.test("get-kinds parse gives the request and kubectl's printing flags", async () => {
  const listed = await parsedOptions(getKindsCommand, ["vm,vmop", "-A", "-o", "wide", "-l", "a=b"]);
  assert.equal(listed.request.form, "collections");
  assert.deepEqual(
    [listed.allNamespaces, listed.output, listed.labelSelector, listed.chunkSize],
    [true, "wide", "a=b", 500],
  );
  const named = await parsedOptions(getKindsCommand, ["vm/a", "bj/b", "--no-headers", "-L", "x"]);
  assert.deepEqual(
    named.request.form === "objects" && named.request.refs.map((r) => r.kind.noun),
    ["vm", "backup"],
  );
  assert.deepEqual([named.noHeaders, named.print.labelColumns], [true, ["x"]]);
  const sorted = await parsedOptions(getKindsCommand, ["vm,bj", "--sort-by", ".spec.cpus"]);
  assert.equal(sorted.sortKey?.field, "{.spec.cpus}");
});

Deno.test("get-kinds parse refuses a watch of several kinds as kubectl does", async () => {
  for (const watch of ["-w", "--watch", "--watch-only"]) {
    assert.equal(await problemsOf(getKindsCommand, ["vm,vmop", watch]), ONE_KIND_TO_WATCH);
    assert.equal(await problemsOf(getKindsCommand, ["vm/a", "bj/b", watch]), ONE_KIND_TO_WATCH);
  }
});

Deno.test("get-kinds parse names every problem of a line at once", async () => {
  const message = await problemsOf(getKindsCommand, [
    "vm/Bad_Name",
    "bj/b",
    "-A",
    "-l",
    "a=b",
    "-w",
    "--chunk-size",
    "x",
  ]);
  assert.deepEqual(message.split("; ").map((p) => p.replace(/[:"].*/, "").trim()), [
    "invalid virtualmachine name",
    "a resource cannot be retrieved by name across all namespaces",
    "use -n NAMESPACE",
    "selectors cannot be used when passing resource/name arguments",
    ONE_KIND_TO_WATCH,
    "--chunk-size must be a whole number >= 0, got",
  ]);
  assert.match(await problemsOf(getKindsCommand, ["vm,pods"]), /^unknown resource type "pods"/);
  assert.match(await problemsOf(getKindsCommand, ["vm,bj", "-l", "a in ("]), /./);
});

Deno.test("get-kinds parse names list's own filters as taking one kind, not as unknown flags", async () => {
  assert.equal(
    await problemsOf(getKindsCommand, ["vm,vmop", "--status", "Running"]),
    "--status takes one kind: run hyperctl get KIND --status … for each kind",
  );
  assert.equal(
    await problemsOf(getKindsCommand, [
      "vm,vmop",
      "--where",
      "cpus > 2",
      "--live",
      "--state-file=s",
    ]),
    "--where, --state-file, --live take one kind: run hyperctl get KIND --where … for each kind",
  );
});

Deno.test("every flag of vm list is known to get of several kinds: taken, or refused by name", async () => {
  const { listCommand } = await import("./list.ts");
  const { kindByNoun } = await import("../../core/kinds.ts");
  for (const flag of listCommand(kindByNoun("vm")).spec.flags ?? []) {
    const words = flag.value === "none" ? [flag.long] : [flag.long, "1"];
    const problems = await problemsOf(getKindsCommand, ["vm,vmop", ...words]).catch(() => "");
    assert.doesNotMatch(problems, /unknown flag|invalid .* name "1"/, flag.long);
  }
});
