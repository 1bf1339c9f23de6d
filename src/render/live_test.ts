import { equal } from "node:assert/strict";
import { kindByNoun } from "../core/kinds.ts";
import { stripAnsi } from "./color.ts";
import { liveFrame, liveKey, liveRedraw } from "./live.ts";
import { fleet, NOW, vm } from "./testdata/fixtures.ts";

const VM = kindByNoun("vm");

Deno.test("liveFrame() is the whole plain table when nothing changed recently", () => {
  const items = [vm("a", { phase: "Running", ageMs: 1000 }), vm("bb", { ageMs: 2000 })];
  const out = liveFrame(items, { kind: VM, nowMs: NOW });
  equal(
    out,
    "NAME   STATUS    CPUS   MEMORY   NODE   IPS   AGE\n" +
      "a      Running                                1s\n" +
      "bb                                            2s\n",
  );
});

Deno.test("liveFrame() highlights rows changed within the window, only those", () => {
  const items = [vm("a", { ageMs: 1000 }), vm("b", { ageMs: 1000 }), vm("c", { ageMs: 1000 })];
  const changedAtMs = new Map([
    [liveKey(items[0]), NOW - 1000],
    [liveKey(items[2]), NOW - 6000],
  ]);
  const lines = liveFrame(items, { kind: VM, nowMs: NOW, changedAtMs, highlightMs: 5000 }).split(
    "\n",
  );
  equal(lines[1].startsWith("\x1b[7ma "), true);
  equal(lines[1].endsWith("\x1b[27m"), true);
  equal(lines[2].includes("\x1b"), false);
  equal(lines[3].includes("\x1b"), false);
});

Deno.test("liveFrame() fits the terminal: lines cut to width, extra rows summarised", () => {
  const out = liveFrame(fleet(), {
    kind: VM,
    nowMs: NOW,
    width: 30,
    height: 10,
    title: "hyperctl get vm",
  });
  const lines = out.trimEnd().split("\n");
  equal(lines.length, 10);
  equal(lines[0], "hyperctl get vm");
  equal(lines[9], "... 23 more");
  for (const line of lines) equal([...stripAnsi(line)].length <= 29, true, line);
});

Deno.test("liveRedraw() homes the cursor, clears each line's tail and the rest of the screen", () => {
  equal(liveRedraw("x\n"), "\x1b[Hx\x1b[K\n\x1b[J");
});

Deno.test("liveFrame() keys highlights by context when clusters are merged", () => {
  const items = [vm("a", { ageMs: 1000 }), vm("a", { ageMs: 1000 })];
  const changedAtMs = new Map([[liveKey(items[1], "west"), NOW]]);
  const lines = liveFrame(items, {
    kind: VM,
    nowMs: NOW,
    showContext: true,
    contexts: ["east", "west"],
    changedAtMs,
  }).split("\n");
  equal(lines[0].startsWith("CONTEXT   NAME"), true);
  equal(lines[1].startsWith("east      a"), true);
  equal(lines[2].startsWith("\x1b[7mwest      a"), true);
});
