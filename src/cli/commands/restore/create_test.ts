import assert from "node:assert/strict";
import { isRight } from "fp-ts/Either";
import { parseLine, problems } from "../../../testing/command_line.ts";
import { restoreCreateCommand } from "./create.ts";

Deno.test("restore create names every problem at once", async () => {
  const v = await parseLine(restoreCreateCommand, ["--provider", "kvm", "--wait", "--notify"]);
  assert.deepEqual(problems(v).map((m) => m.split(" (")[0]), [
    "restore create needs --backup",
    "restore create needs --vm",
    `--provider "kvm" is not one of kubevirt, vsphere, aws, azure, gcp, hyperv, proxmox`,
  ]);
});

Deno.test("restore create: a good line gives typed options", async () => {
  const v = await parseLine(restoreCreateCommand, [
    "--backup",
    "db-backup-x2k9q",
    "--vm",
    "db",
    "--power-on",
  ]);
  assert.ok(isRight(v), problems(v).join("; "));
  assert.deepEqual(v.right.object, {
    backup: "db-backup-x2k9q",
    vm: "db",
    provider: "kubevirt",
    powerOn: true,
    overwrite: false,
  });
});
