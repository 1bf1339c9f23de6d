import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { resizeCommand } from "./resize.ts";

Deno.test("vm resize names every problem at once", async () => {
  const v = await parseLine(resizeCommand, [
    "web-1",
    "--cpus",
    "0",
    "--memory",
    "1G",
    "-o",
    "wide",
  ]);
  assert.equal(problems(v).length, 3, problems(v).join("\n"));
  assert.match(problems(v)[0], /^unknown output format "wide"/);
  assert.match(problems(v)[1], /^--cpus must be an integer from 1 to 128, got "0"$/);
  assert.match(problems(v)[2], /^--memory "1G" /);
});

Deno.test("vm resize: a good line gives typed options; only what is given changes", async () => {
  const v = await parseLine(resizeCommand, ["web-1", "--memory", "16Gi", "--hotplug"]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.deepEqual({ vm: v.right.vm, resize: v.right.settings.resize }, {
    vm: "web-1",
    resize: { memory: "16Gi", hotplug: true },
  });
});
