import assert from "node:assert/strict";
import fc from "fast-check";
import { cut, TabLayout, textWidth } from "./_tab_layout.ts";

Deno.test("textWidth() counts code points, as Go's tabwriter counts runes", () => {
  assert.equal(textWidth(""), 0);
  assert.equal(textWidth("web-1"), 5);
  assert.equal(textWidth("héllo"), 5);
  assert.equal(textWidth("😀a"), 2);
  // A lone surrogate is one code point, as the string iterator sees it.
  assert.equal(textWidth("\uD800x"), 2);
  assert.equal(textWidth("x\uDC00\uD83D"), 3);
});

Deno.test("textWidth() agrees with the string iterator on any string", () => {
  fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => textWidth(s) === [...s].length));
  fc.assert(fc.property(fc.string({ unit: "binary" }), fc.nat(20), (s, n) => {
    return textWidth(cut(s, n)) === Math.min(n, [...s].length);
  }));
});

Deno.test("TabLayout pads columns to the widest cell plus 3, at least 6, across blocks", () => {
  const layout = new TabLayout();
  const first = layout.format([[{ text: "NAME" }, { text: "AGE" }], [{ text: "😀😀" }, {
    text: "1s",
  }]]);
  assert.equal(first, "NAME   AGE\n😀😀     1s\n");
  assert.equal(layout.format([[{ text: "a" }, { text: "2s" }]]), "a      2s\n");
});

Deno.test("TabLayout pads any width: every line's second column starts at the same place", () => {
  // Short random text, and long runs that pad past any small padding table.
  const cell = fc.oneof(
    fc.string({ unit: "grapheme-ascii", maxLength: 12 }).map((s) => s.replace(/[\t\n]/g, "")),
    fc.nat(150).map((n) => "x".repeat(n)),
  );
  fc.assert(fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), (rows) => {
    const lines = new TabLayout().format(rows.map(([a, b]) => [{ text: a }, { text: b }]))
      .split("\n").slice(0, -1);
    const column = Math.max(6, ...rows.map(([a]) => a.length + 3));
    // An empty last cell still leaves the padding before it, as kubectl's tabwriter does.
    return lines.every((line, i) =>
      line === rows[i][0] + " ".repeat(column - rows[i][0].length) + rows[i][1]
    );
  }));
});

Deno.test("TabLayout drops the padding before empty last cells only when asked", () => {
  const rows = [[{ text: "NAME" }, { text: "TIER" }], [{ text: "web-1" }, { text: "" }]];
  assert.equal(new TabLayout().format(rows), "NAME    TIER\nweb-1   \n");
  assert.equal(
    new TabLayout().format(rows, { trimTrailingBlanks: true }),
    "NAME    TIER\nweb-1\n",
  );
});
