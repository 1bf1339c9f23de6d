import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { kindByNoun } from "../../core/kinds.ts";
import { parseLine, problems } from "../../testing/command_line.ts";
import { resumeWaitCommand } from "./resume_wait.ts";

Deno.test("op wait names every problem at once", async () => {
  const v = await parseLine(resumeWaitCommand("op"), ["X", "--timeout", "1", "--progress", "x"]);
  assert.deepEqual(problems(v).map((m) => m.split(":")[0]), [
    `cannot parse duration "1"`,
    problems(v)[1].split(":")[0], // --progress "x"
    `invalid vmoperation name "X"`,
  ]);
  assert.match(problems(v)[1], /progress/);
});

Deno.test("backup wait: a good line gives typed options; it always waits", async () => {
  const v = await parseLine(resumeWaitCommand("backup"), ["db-backup-x2k9q", "-o", "json"]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.equal(v.right.kind, kindByNoun("backup"));
  assert.deepEqual(v.right.names, ["db-backup-x2k9q"]);
  assert.equal(v.right.mutation.wait, true);
  assert.equal(v.right.mutation.timeoutMs, 300_000);
  assert.equal(v.right.mutation.output, "json");
});
