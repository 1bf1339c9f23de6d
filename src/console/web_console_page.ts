/**
 * The HTML page of `vm vnc --web`: a title bar, the console, and the one script.
 * @module
 */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page for one session; `key` authorizes its WebSocket (the URL's token is spent by then).
 *
 * @example
 * ```ts
 * import { match } from "node:assert/strict";
 * import { consolePage } from "./web_console_page.ts";
 * match(consolePage("web-1 <x>", "k1"), /web-1 &#60;x&#62;.*data-key="k1"/s);
 * ```
 */
export function consolePage(title: string, key: string): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${t} - hyperctl console</title>
<style>
  html, body { margin: 0; height: 100%; background: #202020; color: #e0e0e0;
    font: 14px system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { display: flex; gap: 1em; padding: 6px 10px; background: #303030; }
  header b { color: #fff; }
  #state { margin-left: auto; color: #9be79b; }
  body[data-state="closed"] #state { color: #ff8a80; }
  #screen { flex: 1; overflow: auto; }
</style>
</head>
<body data-key="${escapeHtml(key)}" data-state="connecting">
<header><b>${t}</b><span>hyperctl vm vnc --web</span><span id="state">connecting…</span></header>
<div id="screen"></div>
<script type="module" src="/novnc.js"></script>
</body>
</html>
`;
}
