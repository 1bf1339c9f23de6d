import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import { parseScpWords, parseSshWords, scpArgs, sshArgs } from "./remote_shell_args.ts";

Deno.test("parseSshWords() finds the VM among ssh options and splits off the command", () => {
  const cases: [string[], ReturnType<typeof parseSshWords>][] = [
    [["web-1"], { vm: "web-1", options: [], command: [] }],
    [["root@web-1", "-p", "2222", "-i", "k", "--", "echo", "ok"], {
      user: "root",
      vm: "web-1",
      options: ["-p", "2222", "-i", "k"],
      command: ["echo", "ok"],
    }],
    [["-p", "22", "-vA", "-oStrictHostKeyChecking=no", "web-1", "uptime"], {
      vm: "web-1",
      options: ["-p", "22", "-vA", "-oStrictHostKeyChecking=no"],
      command: ["uptime"],
    }],
    [["-l", "admin", "web-1", "-t", "--", "ls", "-h"], {
      vm: "web-1",
      options: ["-l", "admin", "-t"],
      command: ["ls", "-h"],
    }],
    [["a@b@web-1"], { user: "a@b", vm: "web-1", options: [], command: [] }],
  ];
  for (const [words, expected] of cases) assert.deepEqual(parseSshWords(words), expected);
  assert.throws(() => parseSshWords(["-p", "22"]), InputError);
  assert.throws(() => parseSshWords(["--", "echo"]), InputError);
});

Deno.test("sshArgs() puts -- before the destination so no word reads as an option", () => {
  assert.deepEqual(
    sshArgs({ user: "u", vm: "web-1", options: ["-p", "2"], command: ["echo", "ok"] }, "10.0.0.2"),
    ["-p", "2", "--", "u@10.0.0.2", "echo", "ok"],
  );
  assert.deepEqual(sshArgs({ vm: "w", options: [], command: [] }, "fd00::1"), ["--", "fd00::1"]);
});

Deno.test("parseScpWords() finds NAME:path on either side; scpArgs() rewrites them", () => {
  const up = parseScpWords(["-P", "2222", "-i", "key", "./a.txt", "root@web-1:/tmp/a.txt"]);
  assert.deepEqual(up.remotes, [{ index: 5, user: "root", vm: "web-1", path: "/tmp/a.txt" }]);
  assert.deepEqual(scpArgs(up, new Map([["web-1", "127.0.0.1"]])), [
    "-P",
    "2222",
    "-i",
    "key",
    "./a.txt",
    "root@127.0.0.1:/tmp/a.txt",
  ]);
  const down = parseScpWords(["-r", "web-1:logs", "./dir/x:y"]);
  assert.deepEqual(down.remotes, [{ index: 1, vm: "web-1", path: "logs" }]);
  assert.deepEqual(scpArgs(down, new Map([["web-1", "fd00::1"]])), [
    "-r",
    "[fd00::1]:logs",
    "./dir/x:y",
  ]);
  // Switches take no value: -O (the old protocol) leaves the source an operand.
  const legacy = parseScpWords(["-O", "file", "web-1:/tmp/"]);
  assert.deepEqual(legacy.remotes, [{ index: 2, vm: "web-1", path: "/tmp/" }]);
  assert.throws(() => parseScpWords(["a", "b"]), /NAME:path/);
  assert.throws(() => parseScpWords(["web-1:a"]), /source and a destination/);
});
