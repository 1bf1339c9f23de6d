/**
 * Headless Chromium (Debian's `chromium`) for tests of pages hyperctl serves: open a URL, wait
 * until the page says it is ready, and save a screenshot of an element.
 *
 * Why the DevTools protocol and not `--screenshot`: that flag captures at the load event, and a
 * console page draws later, when its WebSocket has brought the first frame.
 * @module
 */

import { terminate } from "./terminate.ts";

/** Where Debian installs Chromium. */
export const CHROMIUM = "/usr/bin/chromium";

/** Whether Chromium is installed (.ci/run installs it). */
export function chromiumAvailable(): boolean {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
}

/** Options of {@link screenshotWhen}. */
export interface ScreenshotOptions {
  /** A JavaScript expression that is true once the page is ready. */
  ready: string;
  /** CSS selector of the element to capture. */
  selector: string;
  /** Give up after this long. @default 20000 */
  timeoutMs?: number;
  /** Browser window size in pixels. @default [800, 600] */
  window?: [number, number];
}

type Cdp = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

function cdpOver(socket: WebSocket): Cdp {
  let next = 1;
  const waiting = new Map<number, (r: Record<string, unknown>) => void>();
  socket.onmessage = (e) => {
    const msg = JSON.parse(String(e.data));
    waiting.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
    waiting.delete(msg.id);
  };
  return (method, params = {}) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
}

async function devtoolsUrl(stderr: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  for await (const chunk of stderr.pipeThrough(new TextDecoderStream())) {
    text += chunk;
    const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
    if (m) return m[1];
  }
  throw new Error(`chromium printed no DevTools address:\n${text.slice(-2000)}`);
}

/**
 * Open `url` in a fresh headless Chromium profile, wait for `options.ready`, and return a PNG
 * of the element `options.selector`, pixel for pixel (device scale 1).
 */
export async function screenshotWhen(url: string, options: ScreenshotOptions): Promise<Uint8Array> {
  const profile = await Deno.makeTempDir({ prefix: "hyperctl-chromium-" });
  const child = new Deno.Command(CHROMIUM, {
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--force-device-scale-factor=1",
      `--window-size=${(options.window ?? [800, 600]).join(",")}`,
      `--user-data-dir=${profile}`,
      "--remote-debugging-port=0",
      "about:blank",
    ],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  try {
    const browser = await devtoolsUrl(child.stderr);
    const http = browser.replace(/^ws:\/\/([^/]+)\/.*$/, "http://$1");
    const pages = await (await fetch(`${http}/json/list`)).json() as {
      type: string;
      webSocketDebuggerUrl: string;
    }[];
    const page = pages.find((p) => p.type === "page")!;
    const socket = new WebSocket(page.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = reject;
    });
    try {
      const cdp = cdpOver(socket);
      await cdp("Page.enable");
      await cdp("Page.navigate", { url });
      const end = Date.now() + (options.timeoutMs ?? 20_000);
      for (;;) {
        const r = await cdp("Runtime.evaluate", { expression: `!!(${options.ready})` });
        if ((r.result as { value?: boolean })?.value === true) break;
        if (Date.now() > end) throw new Error(`page not ready: ${options.ready}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const rect = await cdp("Runtime.evaluate", {
        expression: `JSON.stringify(document.querySelector(${
          JSON.stringify(options.selector)
        }).getBoundingClientRect())`,
        returnByValue: true,
      });
      const { x, y, width, height } = JSON.parse((rect.result as { value: string }).value);
      const shot = await cdp("Page.captureScreenshot", {
        format: "png",
        clip: { x, y, width, height, scale: 1 },
      });
      const data = shot.data as string;
      return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    } finally {
      socket.close();
    }
  } finally {
    await terminate(child, 2000);
    await child.stderr.cancel().catch(() => {});
    await Deno.remove(profile, { recursive: true }).catch(() => {});
  }
}
