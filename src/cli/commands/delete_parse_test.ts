import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { kindByNoun } from "../../core/kinds.ts";
import { parseLine, problems } from "../../testing/command_line.ts";
import { deleteCommand } from "./delete.ts";

Deno.test("delete names every problem at once", async () => {
  const v = await parseLine(deleteCommand("snapshot"), ["A", "-l", "a=b", "--dry-run=x", "--wait"]);
  assert.deepEqual(problems(v).map((m) => m.split(":")[0]), [
    `--dry-run must be "client" or "server", got "x"`,
    "--wait cannot be used with --dry-run",
    "give vmsnapshot names or -l, not both",
    `invalid vmsnapshot name "A"`,
  ]);
});

Deno.test("delete: a good line gives typed options", async () => {
  const v = await parseLine(deleteCommand("vm"), ["-l", "tier=web", "--yes", "--wait"]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.equal(v.right.kind, kindByNoun("vm"));
  assert.deepEqual(v.right.targets, { names: [], selector: "tier=web" });
  assert.equal(v.right.yes, true);
  assert.equal(v.right.mutation.wait, true);
  assert.equal(v.right.mutation.dryRun, "none");
});
