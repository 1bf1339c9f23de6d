/**
 * `vm vnc NAME` (alias `vm console`): the VM's VNC console through a local port, handed to a
 * viewer, printed for a script (`--proxy-only`), or served as a page in the browser (`--web`).
 *
 * The command in one place: its flags, `parse` (pure, every problem at once) and `run`, which
 * loads the cluster and console code only when it runs.
 * @module
 */

import { ADDRESS_TYPES, type AddressType } from "../../../core/vm_endpoint.ts";
import {
  andThen,
  attempt,
  collect,
  invalid,
  mapValid,
  unless,
  valid,
  type Validation,
} from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { QUERY_GLOBALS } from "../../honoured_globals.ts";
import { parseOutputFormat } from "../../output.ts";
import { checkReachGlobals, checkVmName } from "./reach_flags.ts";
import type { VncOptions } from "./vnc_options.ts";

const FLAGS = [
  switchFlag("--proxy-only", "print the local address and forward until Ctrl+C"),
  switchFlag("--web", "serve a browser console (noVNC) on 127.0.0.1 and open it"),
  switchFlag("--no-browser", "with --web: print the URL, do not open a browser"),
  valueFlag("--port", "port", "local port (default: a free one)"),
  valueFlag("--viewer", "cmd", "VNC viewer to start (default: remote-viewer, vncviewer)"),
  valueFlag("--address-type", "type", "node address to use: InternalIP|ExternalIP|Hostname"),
  valueFlag("--node-address", "addr", "connect to this node address; Nodes are not read"),
  switchFlag("--serial", "serial console (not published by HyperSDK: exits 2)"),
] as const;

/** `--port`: 1 to 65535; absent = 0, a free one. */
function checkPort(port: string | undefined): Validation<number> {
  if (port === undefined) return valid(0);
  const n = Number(port);
  return /^\d+$/.test(port) && n >= 1 && n <= 65535
    ? valid(n)
    : invalid(`--port must be a port number from 1 to 65535, got "${port}"`);
}

function checkAddressType(type: string | undefined): Validation<AddressType | undefined> {
  return type === undefined || (ADDRESS_TYPES as readonly string[]).includes(type)
    ? valid(type as AddressType | undefined)
    : invalid(`--address-type must be one of ${ADDRESS_TYPES.join(", ")}, got "${type}"`);
}

/** `vm vnc`. */
export const vncCommand = defineCommand({
  spec: {
    name: "vnc",
    aliases: ["console"],
    description: "open the VM's VNC console: a viewer, a local proxy, or a page in the browser",
    args: [{ name: "name", required: true, variadic: false }],
    flags: FLAGS,
    globals: QUERY_GLOBALS,
    outputFormats: ["table", "json"],
  },
  parse: ({ flags, args: [name] }) => {
    const mode = flags.web ? "web" : flags.proxyOnly ? "proxy" : "viewer";
    return mapValid(
      collect({
        globals: checkReachGlobals(flags),
        serial: unless(
          flags.serial,
          "--serial: the VirtualMachine resource publishes no serial console (only " +
            "status.vnc); use vm vnc NAME, or vm ssh NAME",
        ),
        name: name === undefined
          ? invalid<string>("vm vnc needs a VM name: hyperctl vm vnc NAME")
          : checkVmName(name),
        modes: unless(flags.proxyOnly && flags.web, "--proxy-only and --web exclude each other"),
        viewer: flags.viewer !== undefined && (flags.proxyOnly || flags.web)
          ? invalid("--viewer cannot be combined with --proxy-only or --web")
          : unless(
            flags.viewer !== undefined && flags.viewer.trim() === "",
            "--viewer needs a program, e.g. --viewer vncviewer",
          ),
        port: checkPort(flags.port),
        addressType: checkAddressType(flags.addressType),
        nodeAddress: unless(
          flags.nodeAddress !== undefined && !/^[A-Za-z0-9.:_-]+$/.test(flags.nodeAddress),
          `--node-address "${flags.nodeAddress}" is not a host name or IP address`,
        ),
        json: andThen(
          attempt(() => parseOutputFormat(flags.output, ["table", "json"])),
          (output) =>
            output === "json" && mode === "viewer"
              ? invalid<boolean>(
                "-o json needs --proxy-only or --web (it prints the local endpoint)",
              )
              : valid(output === "json"),
        ),
      }),
      ({ globals, name, port, addressType, json }): VncOptions => ({
        name,
        mode,
        port,
        viewer: flags.viewer,
        addressType,
        nodeAddress: flags.nodeAddress,
        json,
        openBrowser: flags.browser,
        globals,
      }),
    );
  },
  async run(options, deps) {
    const { runVnc } = await import("./vnc_serve.ts");
    await runVnc(options, deps);
  },
});
