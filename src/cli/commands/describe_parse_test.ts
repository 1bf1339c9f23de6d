/** `describe`'s parse on its own: typed options from a good line, every problem of a bad one. */
import assert from "node:assert/strict";
import { kindByNoun } from "../../core/kinds.ts";
import { parsedOptions, problemsOf } from "../../testing/parse_line.ts";
import { describeCommand } from "./describe.ts";

const describeVm = describeCommand(kindByNoun("vm"));

Deno.test("describe parse gives typed options for a good line", async () => {
  const byName = await parsedOptions(describeVm, ["a", "b", "-o", "json"]);
  assert.deepEqual([byName.targets, byName.output, byName.allNamespaces], [
    { names: ["a", "b"] },
    "json",
    false,
  ]);
  const everywhere = await parsedOptions(describeVm, ["-l", "env=prod", "-A"]);
  assert.deepEqual([everywhere.targets, everywhere.output, everywhere.allNamespaces], [
    { names: [], selector: "env=prod" },
    "table",
    true,
  ]);
});

Deno.test("describe parse names every problem of a line at once", async () => {
  const message = await problemsOf(describeVm, ["X_y", "-l", "a=b", "-A", "-o", "wide"]);
  const parts = message.split("; ");
  assert.equal(parts.length, 5, message);
  assert.equal(parts[0], "give virtualmachine names or -l, not both");
  assert.match(parts[1], /^invalid virtualmachine name "X_y"/);
  assert.equal(parts[4], 'unknown output format "wide": allowed formats are table, json, yaml');
});
