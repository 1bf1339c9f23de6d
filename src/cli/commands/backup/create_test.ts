import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { backupCreateCommand } from "./create.ts";

Deno.test("backup create names every problem at once", async () => {
  const v = await parseLine(backupCreateCommand, [
    "db",
    "--dest-type",
    "gcs",
    "--endpoint",
    "minio:9000",
    "--name",
    "DB",
  ]);
  assert.deepEqual(problems(v), [
    "backup create --dest-type gcs needs --bucket",
    `--endpoint "minio:9000" must be an http:// or https:// URL (did you mean "https://minio:9000"?)`,
    problems(v)[2],
  ]);
  assert.match(problems(v)[2], /^invalid --name backup name "DB"/);
});

Deno.test("backup create: a good line gives typed options (s3 and kubevirt by default)", async () => {
  const v = await parseLine(backupCreateCommand, ["db", "--bucket", "b", "--compress"]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.deepEqual(v.right.object, {
    vm: "db",
    provider: "kubevirt",
    destination: { type: "s3", bucket: "b" },
    format: { type: "ovf", compression: true },
    carbonAware: false,
  });
});
