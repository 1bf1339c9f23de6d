/**
 * `vm vnc NAME` without `--proxy-only`/`--web`: start a VNC viewer on the local proxy and serve
 * until it exits (or Ctrl+C); with no viewer on PATH, print the address and how to connect.
 * @module
 */

import type { TcpProxy } from "../../../console/tcp_proxy.ts";
import { findViewer, KNOWN_VIEWERS } from "../../../console/launch.ts";
import type { Deps } from "../../deps.ts";
import type { VncOptions } from "./vnc_options.ts";
import { untilInterrupted } from "./_reach.ts";

/** Hand the proxy to a viewer, or explain how to connect one. */
export async function runViewer(
  proxy: TcpProxy,
  options: VncOptions,
  via: string,
  deps: Deps,
): Promise<void> {
  const local = `${proxy.address}:${proxy.port}`;
  const launch = await findViewer(proxy.address, proxy.port, {
    viewer: options.viewer,
    path: deps.env("PATH"),
    os: Deno.build.os,
  });
  if (!launch) {
    if (options.viewer) throw new Error(`--viewer: "${options.viewer}" is not on PATH`);
    await deps.io.out.write(`${local}\n`);
    await deps.io.err.write(
      `No VNC viewer found (tried ${KNOWN_VIEWERS.join(", ")}): point one at ${local} ` +
        `(TigerVNC: vncviewer ${proxy.address}::${proxy.port}), or use --web for a browser ` +
        `console. Forwarding to ${via}; Ctrl+C stops\n`,
    );
    await untilInterrupted(deps.interrupt);
    return;
  }
  await deps.io.err.write(`Starting ${launch.command} on ${local} for ${via}\n`);
  const child = new Deno.Command(launch.command, {
    args: launch.args,
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  const stop = () => {
    try {
      child.kill("SIGTERM");
    } catch { /* already gone */ }
  };
  deps.interrupt.addEventListener("abort", stop, { once: true });
  try {
    const status = await child.status;
    // `open vnc://…` returns at once while the viewer keeps running: keep serving for it.
    if (launch.command === "open" && status.success) await untilInterrupted(deps.interrupt);
    else if (!status.success && !deps.interruptedBy()) {
      throw new Error(`${launch.command} exited with code ${status.code}`);
    }
  } finally {
    deps.interrupt.removeEventListener("abort", stop);
  }
}
