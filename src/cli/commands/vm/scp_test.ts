import assert from "node:assert/strict";
import { parseWith, problemsOf, validOf } from "../../../testing/command_parse.ts";
import { scpCommand } from "./scp.ts";

const scp = (...words: string[]) => parseWith(scpCommand, ["vm", "scp", ...words]);

Deno.test("vm scp: parse() finds the NAME:path operands among scp's options", async () => {
  const options = validOf(await scp("-P", "2222", "root@web-1:/etc/hosts", "./hosts"));
  assert.deepEqual(options.words.words, ["-P", "2222", "root@web-1:/etc/hosts", "./hosts"]);
  assert.deepEqual(options.words.remotes.map((r) => [r.index, r.user, r.vm, r.path]), [
    [2, "root", "web-1", "/etc/hosts"],
  ]);
  assert.equal(options.address, undefined);
});

Deno.test("vm scp: parse() names every problem of the command line at once", async () => {
  assert.deepEqual(problemsOf(await scp("--all-namespaces", "Web_1:/a", "DB:/b")), [
    "a VM is reached by name in one namespace: use -n NAMESPACE, not -A",
    'invalid VM name "Web_1": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", ' +
    'starting and ending with a letter or digit) (did you mean "web-1"?)',
    'invalid VM name "DB": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", ' +
    'starting and ending with a letter or digit) (did you mean "db"?)',
  ]);
  const problems = problemsOf(await scp("--all-namespaces", "./only-one"));
  assert.equal(problems.length, 2, problems.join("; "));
});
