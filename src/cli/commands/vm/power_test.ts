import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { powerCommand } from "./power.ts";

Deno.test("vm stop: bad names, names with -l and a bad --timeout are named together", async () => {
  const v = await parseLine(powerCommand("stop"), ["A", "-l", "x in (", "--timeout", "5"]);
  assert.deepEqual(problems(v).map((m) => m.split(":")[0]), [
    `cannot parse duration "5"`,
    "--timeout needs --wait",
    "give virtualmachine names or -l, not both",
    `invalid virtualmachine name "A"`,
    problems(v)[4].split(":")[0], // the selector's own message
  ]);
  assert.equal(problems(v).length, 5);
});

Deno.test("vm restart: a good line gives typed options", async () => {
  const v = await parseLine(powerCommand("restart"), ["web-1", "web-2", "--force", "--wait"]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.equal(v.right.operation, "restart");
  assert.deepEqual(v.right.targets, { names: ["web-1", "web-2"] });
  assert.equal(v.right.force, true);
  assert.equal(v.right.mutation.wait, true);
  const bySelector = await parseLine(powerCommand("start"), ["-l", "tier=web"]);
  assert.ok(isRight(bySelector));
  assert.deepEqual(bySelector.right.targets, { names: [], selector: "tier=web" });
  assert.equal(bySelector.right.force, false);
});
