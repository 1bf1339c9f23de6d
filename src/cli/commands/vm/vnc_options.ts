/**
 * The options of `vm vnc` as its three ways of serving (proxy, viewer, web page) read them, and
 * what they share.
 * @module
 */

import type { AddressType } from "../../../core/vm_endpoint.ts";
import type { GlobalFlags } from "../../global_flags.ts";

/** What `vm vnc` does, checked. */
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
  globals: GlobalFlags;
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
