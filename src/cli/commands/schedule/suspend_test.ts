import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { suspendCommand } from "./suspend.ts";

Deno.test("schedule suspend names every bad name and a bad -n at once", async () => {
  const v = await parseLine(suspendCommand(true), ["A", "b_", "-n", "Prod"]);
  assert.deepEqual(problems(v).map((m) => m.split(":")[0]), [
    `invalid namespace "Prod"`,
    `invalid backupschedule name "A"`,
    `invalid backupschedule name "b_"`,
  ]);
});

Deno.test("schedule resume: a good line gives typed options", async () => {
  const v = await parseLine(suspendCommand(false), ["nightly", "weekly", "-n", "prod"]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.deepEqual(v.right, {
    suspend: false,
    names: ["nightly", "weekly"],
    globals: v.right.globals,
  });
  assert.equal(v.right.globals.namespace, "prod");
});
