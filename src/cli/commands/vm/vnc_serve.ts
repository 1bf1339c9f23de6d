/**
 * What `vm vnc NAME` does once its options are checked: find the VM's VNC endpoint (Running,
 * `status.vnc`, its node's address), serve it on a local port, and hand it to a viewer, a script
 * (`--proxy-only`) or a browser page (`--web`).
 * @module
 */

import {
  isEndpointFailure,
  type NodeFacts,
  vncEndpoint,
  vncPlacement,
} from "../../../core/vm_endpoint.ts";
import { readNode } from "../../../k8s/nodes.ts";
import { escapeCell } from "../../../render/escape.ts";
import type { TcpTarget } from "../../../console/tcp_proxy.ts";
import type { Deps } from "../../deps.ts";
import { InterruptedError } from "../../outcomes.ts";
import { orThrow, readVm, untilInterrupted } from "./_reach.ts";
import { listenOr, type VncOptions } from "./vnc_options.ts";

/** Run `vm vnc` with checked options: resolve, serve locally, hand over, stop on Ctrl+C. */
export async function runVnc(options: VncOptions, deps: Deps): Promise<void> {
  const conn = await deps.connect(options.globals);
  let target;
  try {
    const vm = await readVm(conn, options.name);
    let placement = vncPlacement(vm, deps.programName);
    if (isEndpointFailure(placement) && deps.settleProgramName) {
      // Its "start it with …" hint names the program as it was run.
      await deps.settleProgramName();
      placement = vncPlacement(vm, deps.programName);
    }
    const placed = orThrow(placement);
    const facts: NodeFacts = options.nodeAddress !== undefined
      ? { address: options.nodeAddress }
      : await readNode(conn.api, placed.node);
    target = orThrow(vncEndpoint(placed, facts, options.addressType));
  } finally {
    conn.close();
  }
  const via = escapeCell(
    `VM "${options.name}" (node ${target.node}, ${target.host}:${target.port})`,
  );
  if (options.mode === "web") {
    const { serveWebConsole } = await import("./vnc_web.ts");
    await serveWebConsole(target, options, via, deps);
  } else {
    await serveProxy(target, options, via, deps);
  }
  const signal = deps.interruptedBy();
  if (signal) throw new InterruptedError(signal);
}

/** Forward a local port to the endpoint, for a script (`--proxy-only`) or a viewer. */
async function serveProxy(
  target: TcpTarget,
  options: VncOptions,
  via: string,
  deps: Deps,
): Promise<void> {
  const onError = (message: string) => void deps.io.err.write(`hyperctl: ${message}\n`);
  const { startTcpProxy } = await import("../../../console/tcp_proxy.ts");
  const proxy = listenOr(() => startTcpProxy(target, { port: options.port, onError }), options);
  try {
    if (options.mode === "proxy") {
      await deps.io.out.write(
        options.json
          ? `${JSON.stringify({ address: proxy.address, port: proxy.port })}\n`
          : `${proxy.address}:${proxy.port}\n`,
      );
      await deps.io.err.write(
        `Forwarding ${proxy.address}:${proxy.port} to ${via}; Ctrl+C stops\n`,
      );
      await untilInterrupted(deps.interrupt);
    } else {
      const { runViewer } = await import("./vnc_viewer.ts");
      await runViewer(proxy, options, via, deps);
    }
  } finally {
    await proxy.close();
  }
}
