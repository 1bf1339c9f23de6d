import assert from "node:assert/strict";
import { parseVncOptions } from "./vnc_options.ts";

Deno.test("parseVncOptions() picks the mode and checks every flag before anything is sent", () => {
  assert.deepEqual(parseVncOptions("web-1", {}, {}), {
    name: "web-1",
    mode: "viewer",
    port: 0,
    viewer: undefined,
    addressType: undefined,
    nodeAddress: undefined,
    json: false,
    openBrowser: true,
  });
  const proxy = parseVncOptions("web-1", { proxyOnly: true, port: "5901" }, { output: "json" });
  assert.deepEqual([proxy.mode, proxy.port, proxy.json], ["proxy", 5901, true]);
  const web = parseVncOptions("web-1", { web: true, browser: false, addressType: "Hostname" }, {});
  assert.deepEqual([web.mode, web.openBrowser, web.addressType], ["web", false, "Hostname"]);
  const bad: [string | undefined, Parameters<typeof parseVncOptions>[1], object, RegExp][] = [
    ["web-1", { serial: true }, {}, /--serial: the VirtualMachine resource publishes no serial/],
    [undefined, {}, {}, /needs a VM name/],
    ["Web_1", {}, {}, /VM name/],
    ["web-1", {}, { allNamespaces: true }, /use -n NAMESPACE, not -A/],
    ["web-1", { web: true, proxyOnly: true }, {}, /exclude each other/],
    ["web-1", { web: true, viewer: "x" }, {}, /--viewer cannot be combined/],
    ["web-1", { port: "0" }, {}, /from 1 to 65535/],
    ["web-1", { addressType: "internalip" }, {}, /one of InternalIP, ExternalIP, Hostname/],
    ["web-1", { nodeAddress: "a b" }, {}, /not a host name or IP address/],
    ["web-1", {}, { output: "yaml" }, /allowed formats are table, json/],
    ["web-1", {}, { output: "json" }, /-o json needs --proxy-only or --web/],
  ];
  for (const [name, flags, globals, message] of bad) {
    assert.throws(() => parseVncOptions(name, flags, globals), message);
  }
});
