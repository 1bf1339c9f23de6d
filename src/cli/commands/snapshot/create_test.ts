import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { snapshotCreateCommand } from "./create.ts";

Deno.test("snapshot create names every problem at once", async () => {
  const v = await parseLine(snapshotCreateCommand, [
    "Web",
    "--name",
    "X",
    "--keep-days",
    "0",
    "--description",
    " ",
  ]);
  assert.deepEqual(problems(v).map((m) => m.split(":")[0]), [
    `invalid VM name "Web"`,
    `invalid --name snapshot name "X"`,
    `--keep-days must be an integer from 1 to 36500, got "0"`,
    "--description must not be empty",
  ]);
});

Deno.test("snapshot create: a good line gives typed options (--no-quiesce turns quiesce off)", async () => {
  const v = await parseLine(snapshotCreateCommand, [
    "web-1",
    "--no-quiesce",
    "--keep-days",
    "7",
    "--dry-run=server",
  ]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.deepEqual(v.right.object, {
    vm: "web-1",
    includeMemory: false,
    quiesce: false,
    keepDays: 7,
  });
  assert.equal(v.right.mutation.dryRun, "server");
  const quiet = await parseLine(snapshotCreateCommand, ["web-1"]);
  assert.ok(isRight(quiet));
  assert.equal(quiet.right.object.quiesce, true);
});
