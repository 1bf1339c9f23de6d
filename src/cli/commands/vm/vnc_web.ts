/**
 * `vm vnc NAME --web`: serve the VM's console as a page on 127.0.0.1 (noVNC over a WebSocket),
 * open it in the browser, and serve until Ctrl+C.
 * @module
 */

import { findBrowser } from "../../../console/launch.ts";
import { loadNoVncScript } from "../../../console/novnc_script.ts";
import type { TcpTarget } from "../../../console/tcp_proxy.ts";
import { startWebConsole } from "../../../console/web_console_server.ts";
import type { Deps } from "../../deps.ts";
import { untilInterrupted } from "./_reach.ts";
import { listenOr, type VncOptions } from "./vnc_options.ts";

/** Serve the web console of `target` until interrupted. */
export async function serveWebConsole(
  target: TcpTarget,
  options: VncOptions,
  via: string,
  deps: Deps,
): Promise<void> {
  const script = await loadNoVncScript();
  const onError = (message: string) => void deps.io.err.write(`hyperctl: ${message}\n`);
  const web = listenOr(
    () => startWebConsole(target, { port: options.port, title: options.name, script, onError }),
    options,
  );
  try {
    await deps.io.out.write(
      options.json ? `${JSON.stringify({ url: web.url })}\n` : `${web.url}\n`,
    );
    await deps.io.err.write(`Serving the console of ${via}; the link works once; Ctrl+C stops\n`);
    if (options.openBrowser) await openBrowser(web.url, deps);
    await untilInterrupted(deps.interrupt);
  } finally {
    await web.close();
  }
}

async function openBrowser(url: string, deps: Deps): Promise<void> {
  const launch = await findBrowser(url, {
    browser: deps.env("BROWSER"),
    path: deps.env("PATH"),
    os: Deno.build.os,
  });
  if (!launch) {
    await deps.io.err.write(
      "No browser found (set BROWSER, or install xdg-utils): open the URL above\n",
    );
    return;
  }
  // Not awaited: a browser started directly (BROWSER=firefox) runs until the user closes it.
  const child = new Deno.Command(launch.command, {
    args: launch.args,
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  void child.status.then((s) =>
    s.success ? undefined : deps.io.err.write(`${launch.command} failed: open the URL above\n`)
  );
}
