import assert from "node:assert/strict";
import { parseWith, problemsOf, validOf } from "../../../testing/command_parse.ts";
import { sshCommand } from "./ssh.ts";

const ssh = (...words: string[]) => parseWith(sshCommand, ["vm", "ssh", ...words]);

Deno.test("vm ssh: parse() gives the user, VM, ssh options and remote command", async () => {
  const options = validOf(
    await ssh("root@web-1", "-p", "2222", "--address", "10.0.0.7", "--", "echo", "ok"),
  );
  assert.deepEqual(options.words, {
    user: "root",
    vm: "web-1",
    options: ["-p", "2222"],
    command: ["echo", "ok"],
  });
  assert.equal(options.address, "10.0.0.7");
});

Deno.test("vm ssh: parse() names every problem of the command line at once", async () => {
  assert.deepEqual(
    problemsOf(await ssh("--all-namespaces", "--request-timeout", "5", "root@Web_1")),
    [
      'cannot parse --request-timeout "5": add a unit, e.g. "5s"',
      "a VM is reached by name in one namespace: use -n NAMESPACE, not -A",
      'invalid VM name "Web_1": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", ' +
      'starting and ending with a letter or digit) (did you mean "web-1"?)',
    ],
  );
  assert.deepEqual(problemsOf(await ssh("--all-namespaces", "-p", "22")), [
    "a VM is reached by name in one namespace: use -n NAMESPACE, not -A",
    "vm ssh needs a VM: hyperctl vm ssh [USER@]NAME [ssh options] [-- CMD]",
  ]);
});
