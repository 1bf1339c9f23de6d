/**
 * The simulated VMs' VNC servers, one per Running VM, keyed by `namespace/name`. The operator
 * opens and closes them through its planned actions (plan.ts), never on its own.
 * @module
 */

import { type RfbServer, startRfbServer } from "./rfb_server.ts";
import type { ScreenText } from "./screen.ts";

/** The consoles an operator serves. */
export interface ConsoleHost {
  /** The port of `key`'s console, if one is served. */
  port(key: string): number | undefined;
  /** How many more consoles may be opened. */
  readonly left: number;
  /** Serve `key`'s console (or keep the one served); returns its port. */
  open(key: string, screen: () => ScreenText): number;
  /** Stop serving `key`'s console, closing its connections. */
  close(key: string): Promise<void>;
  /** Close every console. */
  closeAll(): Promise<void>;
}

/** A host of at most `limit` consoles, each listening on 127.0.0.1 and a free port. */
export function createConsoleHost(limit: number): ConsoleHost {
  const servers = new Map<string, RfbServer>();
  const close = async (key: string) => {
    const server = servers.get(key);
    servers.delete(key);
    await server?.close();
  };
  return {
    port: (key) => servers.get(key)?.port,
    get left() {
      return limit - servers.size;
    },
    open(key, screen) {
      let server = servers.get(key);
      if (!server) servers.set(key, server = startRfbServer(screen));
      return server.port;
    },
    close,
    async closeAll() {
      await Promise.all([...servers.keys()].map(close));
    },
  };
}
