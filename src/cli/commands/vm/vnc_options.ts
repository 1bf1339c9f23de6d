/**
 * The options of `vm vnc`, checked before anything is sent (exit 2), and what its three ways of
 * serving share.
 * @module
 */

import { validateDns1123Name } from "../../../core/names.ts";
import { ADDRESS_TYPES, type AddressType } from "../../../core/vm_endpoint.ts";
import type { GlobalFlags } from "../../deps.ts";
import { validateGlobalFlags } from "../../global_flags.ts";
import { parseOutputFormat } from "../../output.ts";
import { InputError } from "../../outcomes.ts";
import { rejectAllNamespaces } from "./_reach.ts";

/** Raw flags of `vm vnc`. */
export interface VncFlags {
  proxyOnly?: boolean;
  web?: boolean;
  serial?: boolean;
  port?: string;
  viewer?: string;
  addressType?: string;
  nodeAddress?: string;
  /** `--no-browser` sets this false. */
  browser?: boolean;
}

/** Typed options of `vm vnc`. */
export interface VncOptions {
  name: string;
  /** What to do with the local endpoint. */
  mode: "viewer" | "proxy" | "web";
  /** Local port; 0 = a free one. */
  port: number;
  viewer?: string;
  addressType?: AddressType;
  nodeAddress?: string;
  json: boolean;
  openBrowser: boolean;
}

/** Check `vm vnc`'s flags; usage errors (exit 2) before anything is sent. */
export function parseVncOptions(
  name: string | undefined,
  flags: VncFlags,
  globals: GlobalFlags,
): VncOptions {
  validateGlobalFlags(globals);
  if (flags.serial) {
    throw new InputError(
      "--serial: the VirtualMachine resource publishes no serial console (only status.vnc); " +
        "use vm vnc NAME, or vm ssh NAME",
    );
  }
  if (!name) throw new InputError("vm vnc needs a VM name: hyperctl vm vnc NAME");
  rejectAllNamespaces(globals);
  validateDns1123Name(name, "VM name");
  if (flags.proxyOnly && flags.web) {
    throw new InputError("--proxy-only and --web exclude each other");
  }
  if (flags.viewer !== undefined && (flags.proxyOnly || flags.web)) {
    throw new InputError("--viewer cannot be combined with --proxy-only or --web");
  }
  let port = 0;
  if (flags.port !== undefined) {
    if (!/^\d+$/.test(flags.port) || Number(flags.port) < 1 || Number(flags.port) > 65535) {
      throw new InputError(`--port must be a port number from 1 to 65535, got "${flags.port}"`);
    }
    port = Number(flags.port);
  }
  const type = flags.addressType;
  if (type !== undefined && !(ADDRESS_TYPES as readonly string[]).includes(type)) {
    throw new InputError(
      `--address-type must be one of ${ADDRESS_TYPES.join(", ")}, got "${type}"`,
    );
  }
  if (flags.nodeAddress !== undefined && !/^[A-Za-z0-9.:_-]+$/.test(flags.nodeAddress)) {
    throw new InputError(`--node-address "${flags.nodeAddress}" is not a host name or IP address`);
  }
  const output = parseOutputFormat(globals.output, ["table", "json"]);
  const mode = flags.web ? "web" : flags.proxyOnly ? "proxy" : "viewer";
  if (output === "json" && mode === "viewer") {
    throw new InputError("-o json needs --proxy-only or --web (it prints the local endpoint)");
  }
  return {
    name,
    mode,
    port,
    viewer: flags.viewer,
    addressType: type as AddressType | undefined,
    nodeAddress: flags.nodeAddress,
    json: output === "json",
    openBrowser: flags.browser !== false,
  };
}

/** Start a listener on `--port`, with one clear line when the port is taken. */
export function listenOr<T>(listen: () => T, options: Pick<VncOptions, "port">): T {
  try {
    return listen();
  } catch (e) {
    if (e instanceof Deno.errors.AddrInUse) {
      throw new Error(`cannot listen on 127.0.0.1:${options.port}: the port is already in use`);
    }
    throw e;
  }
}
