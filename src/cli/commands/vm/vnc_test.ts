import assert from "node:assert/strict";
import { parseWith, problemsOf, validOf } from "../../../testing/command_parse.ts";
import { vncCommand } from "./vnc.ts";

const vnc = (...words: string[]) => parseWith(vncCommand, ["vm", "vnc", ...words]);

Deno.test("vm vnc: parse() gives typed options and picks the mode", async () => {
  assert.deepEqual(validOf(await vnc("web-1", "-n", "prod")), {
    name: "web-1",
    mode: "viewer",
    port: 0,
    viewer: undefined,
    addressType: undefined,
    nodeAddress: undefined,
    json: false,
    openBrowser: true,
    globals: { namespace: "prod", allNamespaces: false, requestTimeout: "30s", verbose: false },
  });
  const proxy = validOf(await vnc("web-1", "--proxy-only", "--port", "5901", "-o", "json"));
  assert.deepEqual([proxy.mode, proxy.port, proxy.json], ["proxy", 5901, true]);
  const web = validOf(await vnc("web-1", "--web", "--no-browser", "--address-type", "Hostname"));
  assert.deepEqual([web.mode, web.openBrowser, web.addressType], ["web", false, "Hostname"]);
});

Deno.test("vm vnc: parse() names every problem of the command line at once", async () => {
  assert.deepEqual(problemsOf(await vnc("Web_1", "-A", "--serial", "--port", "0")), [
    "a VM is reached by name in one namespace: use -n NAMESPACE, not -A",
    "--serial: the VirtualMachine resource publishes no serial console (only status.vnc); " +
    "use vm vnc NAME, or vm ssh NAME",
    'invalid VM name "Web_1": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", ' +
    'starting and ending with a letter or digit) (did you mean "web-1"?)',
    '--port must be a port number from 1 to 65535, got "0"',
  ]);
  assert.deepEqual(
    problemsOf(await vnc("web-1", "--web", "--proxy-only", "--viewer", "x", "-o", "yaml")),
    [
      "--proxy-only and --web exclude each other",
      "--viewer cannot be combined with --proxy-only or --web",
      'unknown output format "yaml": allowed formats are table, json',
    ],
  );
  const one: [string[], RegExp][] = [
    [["--address-type", "internalip"], /one of InternalIP, ExternalIP, Hostname/],
    [["--node-address", "a b"], /not a host name or IP address/],
    [["-o", "json"], /-o json needs --proxy-only or --web/],
    [["--request-timeout", "5"], /add a unit/],
    [["--viewer", "  "], /--viewer needs a program/],
    [["--viewer="], /--viewer needs a program/],
  ];
  for (const [flags, message] of one) {
    const problems = problemsOf(await vnc("web-1", ...flags));
    assert.equal(problems.length, 1, problems.join("; "));
    assert.match(problems[0], message);
  }
});
