import { equal } from "node:assert/strict";
import { memorySink } from "./sink.ts";
import { neutralizeTerminalText, terminalSink } from "./terminal_sink.ts";

Deno.test("neutralizeTerminalText() shows C1 and bidi controls and keeps everything else", () => {
  equal(
    neutralizeTerminalText("\u0080\u009f\u202a\u202e\u2066\u2069"),
    "\\u0080\\u009f\\u202a\\u202e\\u2066\\u2069",
  );
  // hyperctl's own 7-bit escapes (colour, redraw) and ordinary text pass unchanged.
  const own = "\x1b[1A\x1b[2K\x1b[32mRunning\x1b[0m é ü ─ █ \u00a0\u2067x";
  equal(neutralizeTerminalText(own), own.replace("\u2067", "\\u2067"));
});

Deno.test("terminalSink() filters every write", async () => {
  const mem = memorySink();
  const sink = terminalSink(mem.sink);
  equal(await sink.write("a\u009bb\n"), true);
  equal(mem.text(), "a\\u009bb\n");
});
