import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { vmCreateCommand } from "./create.ts";

Deno.test("vm create Bad_Name --cpus 0 --memory 4G names all three problems", async () => {
  const v = await parseLine(vmCreateCommand, ["Bad_Name", "--cpus", "0", "--memory", "4G"]);
  assert.deepEqual(problems(v).map((m) => m.split(":")[0]), [
    `invalid VM name "Bad_Name"`,
    `--cpus must be an integer from 1 to 128, got "0"`,
    `--memory "4G" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or Ei)`,
  ]);
});

Deno.test("vm create: the shared flags' problems come with the VM's", async () => {
  const v = await parseLine(vmCreateCommand, ["web", "--wait", "--dry-run", "--image", "x"]);
  assert.deepEqual(problems(v).map((m) => m.split(" ")[0]), [
    "--wait", // with --dry-run
    "vm", // needs --cpus
    "vm", // needs --memory
    "--image",
  ]);
});

Deno.test("vm create: a good line gives typed options", async () => {
  const v = await parseLine(vmCreateCommand, [
    "web-1",
    "--cpus=4",
    "--memory",
    "8Gi",
    "--label",
    "tier=web",
    "--label",
    "app=shop",
    "--disk-size",
    "20Gi",
    "--running=false",
    "--wait",
    "--timeout",
    "2m",
    "-n",
    "prod",
    "-o",
    "yaml",
  ]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.deepEqual(v.right.object, {
    name: "web-1",
    cpus: 4,
    memory: "8Gi",
    disk: { size: "20Gi", storageClass: "standard" },
    running: false,
    labels: { tier: "web", app: "shop" },
  });
  assert.deepEqual(v.right.mutation, {
    dryRun: "none",
    wait: true,
    timeoutMs: 120_000,
    progress: "lines",
    notify: false,
    output: "yaml",
  });
  assert.equal(v.right.globals.namespace, "prod");
});
