/**
 * The browser side of `vm vnc --web`: noVNC's RFB client on the page, connected to the local
 * server's WebSocket. Bundled with noVNC into one script (novnc_script.ts); never run by Deno.
 * Plain JavaScript: the DOM's types would leak into the type check of the Deno code.
 * @module
 */

import RFB from "@novnc/novnc";

const body = document.body;
const show = (text, name) => {
  document.getElementById("state").textContent = text;
  body.dataset.state = name;
};

const url = new URL("/websockify", location.href);
url.protocol = "ws:";
url.searchParams.set("key", body.dataset.key ?? "");
const rfb = new RFB(document.getElementById("screen"), url.href);
// The simulated and most real consoles are small: show them pixel for pixel, not stretched.
rfb.scaleViewport = false;
rfb.resizeSession = false;
rfb.addEventListener("connect", () => show("connected", "connected"));
rfb.addEventListener("disconnect", (e) => {
  show(
    e.detail?.clean ? "disconnected" : "connection lost: run hyperctl vm vnc --web again",
    "closed",
  );
});
