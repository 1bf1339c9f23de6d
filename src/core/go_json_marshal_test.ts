import assert from "node:assert/strict";
import { goMarshalIndent } from "./go_json_marshal.ts";

// Expected bytes as kubectl 1.33 prints the same object (create --dry-run=client -o json).
Deno.test("goMarshalIndent orders keys by UTF-8 bytes, integer-like and astral keys too", () => {
  const labels = { b: "x", "10": "y", "9": "z", "\uff61": "half", "\u{1F600}": "smile", A: "" };
  assert.equal(
    goMarshalIndent({ metadata: { labels }, apiVersion: "v1" }, "    "),
    `{
    "apiVersion": "v1",
    "metadata": {
        "labels": {
            "10": "y",
            "9": "z",
            "A": "",
            "b": "x",
            "\uff61": "half",
            "\u{1F600}": "smile"
        }
    }
}`,
  );
});

Deno.test("goMarshalIndent writes Go's escapes, numbers and empty containers", () => {
  const v = {
    s: "<a href='x'>&\u2028\n\t\x01\"",
    n: [0, -1, 1.5, 1e-7, 1e21, 123456789],
    e: {},
    a: [],
  };
  assert.equal(
    goMarshalIndent(v, "  "),
    `{
  "a": [],
  "e": {},
  "n": [
    0,
    -1,
    1.5,
    1e-7,
    1e+21,
    123456789
  ],
  "s": "\\u003ca href='x'\\u003e\\u0026\\u2028\\n\\t\\u0001\\""
}`,
  );
  assert.equal(
    goMarshalIndent({ gone: undefined, kept: null, t: true }, ""),
    '{\n"kept": null,\n"t": true\n}',
  );
});
