import assert, { equal } from "node:assert/strict";
import { goCompare, GoFloat, goFloatText, goJson, goSprint } from "./go_values.ts";

Deno.test("goSprint() and goFloatText() print like Go's fmt", () => {
  const cases: [unknown, string][] = [
    [4, "4"],
    [2.5, "2.5"],
    [1234567.5, "1.2345675e+06"],
    [0.00001, "1e-05"],
    [new GoFloat(2), "2"],
    [null, "<nil>"],
    [[1, "a", { z: 1, a: [true] }], "[1 a map[a:[true] z:1]]"],
  ];
  for (const [value, want] of cases) equal(goSprint(value), want);
  equal(goFloatText(100000), "100000");
});

Deno.test("goJson() sorts keys and escapes HTML characters as encoding/json", () => {
  equal(
    goJson({ b: ["<a&b>"], a: { d: 1, c: null } }),
    '{"a":{"c":null,"d":1},"b":["\\u003ca\\u0026b\\u003e"]}',
  );
  equal(goJson([], "    "), "[]");
});

Deno.test("goCompare() needs the same kind on both sides", () => {
  equal(goCompare("<", "a", "b"), true);
  equal(goCompare(">=", 2, 2), true);
  equal(goCompare("!=", new GoFloat(2.5), new GoFloat(2.5)), false);
  equal(goCompare("==", true, true), true);
});

Deno.test("goJson() orders keys as Go does, also where a JavaScript object would not", () => {
  // Integer-like keys (label keys may be digits) sort by bytes, as Go sorts map keys.
  const labels = JSON.parse('{"9":"b","10":"a","app":"x","\u{1F680}":"r","\uFFFD":"f"}');
  assert.equal(goJson(labels), '{"10":"a","9":"b","app":"x","\uFFFD":"f","\u{1F680}":"r"}');
  assert.equal(goJson({ n: 1e21, m: 5e-7 }), '{"m":5e-7,"n":1e+21}');
  assert.equal(goJson([{ b: 1, a: "<" }], "  "), '[\n  {\n    "a": "\\u003c",\n    "b": 1\n  }\n]');
});
