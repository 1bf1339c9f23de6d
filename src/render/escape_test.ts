import { equal } from "node:assert/strict";
import fc from "fast-check";
import { escapeCell, escapeTerminal } from "./escape.ts";

Deno.test("escapeTerminal() shows ESC as ^[ and CR as \\r like kubectl's terminal.go", () => {
  equal(escapeTerminal("\x1b]0;pwned\x07"), "^[]0;pwned^G");
  equal(escapeTerminal("50%\rdone"), "50%\\rdone");
});

Deno.test("escapeTerminal() keeps newline and tab but not C1 controls or bidi overrides", () => {
  equal(escapeTerminal("a\n\tb"), "a\n\tb");
  equal(escapeTerminal("\x9b31m"), "\\x9b31m");
  equal(escapeTerminal("abc\u202edcba"), "abc\\u202edcba");
  equal(escapeTerminal("\x00\x7f"), "^@^?");
});

Deno.test("escapeCell() also shows newline and tab so a cell stays on one line", () => {
  equal(escapeCell("line1\nline2\tx"), "line1\\nline2\\tx");
});

Deno.test("escapeCell() leaves ordinary and non-ASCII text unchanged", () => {
  equal(escapeCell("web-1 ✓ Ünïcødé 日本"), "web-1 ✓ Ünïcødé 日本");
});

Deno.test("escapeCell() output never contains a control character (property)", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (s) => {
      // deno-lint-ignore no-control-regex
      return !/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(escapeCell(s));
    }),
  );
});
