import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { migrateCommand } from "./migrate.ts";

Deno.test("vm migrate names every problem at once", async () => {
  const v = await parseLine(migrateCommand, [
    "Web",
    "--offline",
    "--post-copy",
    "--bandwidth",
    "1G",
  ]);
  assert.deepEqual(problems(v).map((m) => m.split(":")[0]), [
    `invalid VM name "Web"`,
    "vm migrate needs --target-node",
    `--bandwidth "1G" is not a valid bandwidth`,
    "--post-copy applies to live migration only (drop --offline)",
  ]);
});

Deno.test("vm migrate: a good line gives typed options", async () => {
  const v = await parseLine(migrateCommand, [
    "web-1",
    "--target-node",
    "node-2",
    "--bandwidth",
    "100Mbps",
    "--auto-converge",
  ]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.equal(v.right.vm, "web-1");
  assert.deepEqual(v.right.settings.migrate, {
    targetNode: "node-2",
    live: true,
    bandwidth: "100Mbps",
    autoConverge: true,
  });
});
