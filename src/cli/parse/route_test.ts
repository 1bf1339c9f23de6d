import assert from "node:assert/strict";
import type { CommandSpec } from "../command_spec.ts";
import { routeArgv } from "./route.ts";

const leaf = (name: string, extra: Partial<CommandSpec> = {}): CommandSpec => ({
  name,
  description: "",
  run: () => Promise.resolve(),
  ...extra,
});

const ROOT: CommandSpec = {
  name: "x",
  description: "",
  flags: [
    { long: "--namespace", short: "-n", value: "required", description: "" },
    { long: "--all-namespaces", short: "-A", value: "none", description: "" },
  ],
  commands: [{
    name: "vm",
    aliases: ["vms"],
    description: "",
    commands: [
      leaf("list", {
        aliases: ["ls"],
        flags: [
          { long: "--label", value: "required", repeatable: true, description: "" },
          { long: "--dry-run", value: "optional", description: "" },
        ],
      }),
    ],
  }],
};

Deno.test("routeArgv() moves global flags met before the leaf behind the command words", () => {
  const r = routeArgv(ROOT, ["-n", "prod", "-A", "vms", "ls", "a"]);
  assert.deepEqual(r.argv, ["vms", "ls", "-n", "prod", "-A", "a"]);
  assert.equal(r.leaf?.name, "list");
  assert.deepEqual(r.path, ["vms", "ls"]);
  assert.equal(r.atGroup, false);
});

Deno.test("routeArgv(): the last value of a one-value flag wins; repeatable flags all stay", () => {
  const r = routeArgv(ROOT, [
    "-n",
    "a",
    "vm",
    "list",
    "--namespace=b",
    "--label",
    "p",
    "--label",
    "q",
  ]);
  assert.deepEqual(r.argv, ["vm", "list", "--namespace=b", "--label", "p", "--label", "q"]);
  const dry = routeArgv(ROOT, ["vm", "list", "--dry-run", "--dry-run", "server"]);
  assert.deepEqual(dry.argv, ["vm", "list", "--dry-run", "server"]);
});

Deno.test("routeArgv() splits -nprod and -n=prod as pflag does, and stops at --", () => {
  assert.deepEqual(routeArgv(ROOT, ["-nprod", "vm", "list"]).argv, ["vm", "list", "-n", "prod"]);
  assert.deepEqual(routeArgv(ROOT, ["vm", "list", "-n=prod"]).argv, ["vm", "list", "-n", "prod"]);
  assert.deepEqual(routeArgv(ROOT, ["vm", "list", "--", "-nprod", "-n", "a"]).argv, [
    "vm",
    "list",
    "--",
    "-nprod",
    "-n",
    "a",
  ]);
});

Deno.test("routeArgv(): `help` asks for help, a bare group is marked, unknown words go first", () => {
  assert.deepEqual(routeArgv(ROOT, ["help", "vm", "list"]).argv, ["vm", "list", "--help"]);
  assert.deepEqual(routeArgv(ROOT, ["vm", "help"]).argv, ["vm", "--help"]);
  const bare = routeArgv(ROOT, ["-n", "a", "vm"]);
  assert.equal(bare.atGroup, true);
  assert.equal(bare.leaf, undefined);
  const unknown = routeArgv(ROOT, ["-n", "a", "vm", "lst"]);
  assert.deepEqual(unknown.argv, ["vm", "lst", "-n", "a"]);
  assert.equal(unknown.atGroup, false);
});

Deno.test("routeArgv() hands a pass-through leaf's short options on, keeping long flags", () => {
  const root: CommandSpec = {
    ...ROOT,
    commands: [{
      name: "vm",
      description: "",
      commands: [
        leaf("ssh", {
          passThrough: true,
          flags: [{ long: "--address", value: "required", description: "" }],
        }),
      ],
    }],
  };
  const route = (argv: string[]) => routeArgv(root, argv).argv;
  assert.deepEqual(
    route(["-n", "a", "vm", "ssh", "u@web", "-n", "-p", "22", "--address", "10.0.0.1"]),
    ["vm", "ssh", "-n", "a", "--address", "10.0.0.1", "--", "u@web", "-n", "-p", "22"],
  );
  assert.deepEqual(
    route(["vm", "ssh", "web", "--", "ls", "--namespace", "-A"]),
    ["vm", "ssh", "--", "web", "--", "ls", "--namespace", "-A"],
  );
});
