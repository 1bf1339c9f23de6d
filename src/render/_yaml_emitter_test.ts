import { equal } from "node:assert/strict";
import fc from "fast-check";
import { emitYaml } from "./_yaml_emitter.ts";
import { libraryYaml } from "./_yaml_library.ts";
import { toYaml } from "./yaml.ts";
import { fleet } from "./testdata/fixtures.ts";

/** Pieces YAML 1.1 readers and writers treat specially, to be glued into strings. */
const PIECES = [
  ...["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n"],
  ...[
    "N",
    "true",
    "True",
    "FALSE",
    "null",
    "Null",
    "NULL",
    "~",
    "<<",
    "=",
    ".inf",
    "-.Inf",
    ".NaN",
  ],
  ...["0755", "0o17", "1e3", "E5", "0x1F", "0b101", ".5", "1_000", "+12", "-0", "1.", "190:20:30"],
  ...["2026-01-01", "2026-01-01T00:00:00Z", "2001-12-14 21:59:43.10 -5", "12:30", "1:20:30.5"],
  ...[" ", "  ", "\t", "\n", "\n\n", "\r", ": ", ":", " #", "#", "- ", "-", "? ", "?", "---"],
  ...["...", "%", "%YAML", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "@", "`", "'", '"'],
  ...["\\", "\\n", "é", "日本", "😀", "\u2028", "\u2029", "\u0085", "\u00a0", "\u0000", "\u0007"],
  ...["\u000b", "\u001b", "\u007f", "\u009f", "\ud800", "\udc00", "a", "b", "ab c", "k8s.io/x"],
];

const piece = fc.constantFrom(...PIECES);

/** Strings made of special pieces, plain random text, and long ones (keys over 1024). */
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 6 }).map((p) => p.join("")) },
  { weight: 2, arbitrary: fc.array(piece, { minLength: 8, maxLength: 40 }).map((p) => p.join("")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "k".repeat(1030), '"'.repeat(1022), "a\n".repeat(600)),
  },
);

const scalar = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() }, // NaN, ±Infinity and -0 included
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(nastyString, tie("json"), { maxKeys: 4 }),
  ),
}));

Deno.test("emitYaml() prints the yaml package's bytes for any JSON value", () => {
  fc.assert(
    fc.property(json, (value) => {
      equal(emitYaml(value), libraryYaml(value));
    }),
    { numRuns: 3000 },
  );
});

Deno.test("emitYaml() prints a string as the yaml package does, alone, as item, key or value", () => {
  fc.assert(
    fc.property(nastyString, (s) => {
      for (const value of [s, [s], [[s]], { [s]: s }, { k: { [s]: [s] } }]) {
        equal(emitYaml(value), libraryYaml(value));
      }
    }),
    { numRuns: 3000 },
  );
});

Deno.test("emitYaml() quotes plain-looking words exactly where the yaml package does", () => {
  // Short strings over the characters of plain words, separators and the YAML 1.1 type words
  // (`yes`, `Null`, `e5`, `0x1F`, `1:20`): the emitter decides these without the library's regexes.
  const word = fc.string({
    unit: fc.constantFrom(..."aeEnNyYoOfFlLsStTuUrx01_.:/@- +~"),
    maxLength: 8,
  });
  fc.assert(
    fc.property(word, (s) => {
      for (const value of [s, { [s]: s }]) equal(emitYaml(value), libraryYaml(value));
    }),
    { numRuns: 5000 },
  );
});

Deno.test("emitYaml() prints the yaml package's bytes for nested maps of nasty keys", () => {
  const level = (inner: fc.Arbitrary<unknown>) =>
    fc.dictionary(nastyString, fc.oneof(scalar, inner, fc.array(inner, { maxLength: 3 })), {
      maxKeys: 3,
    });
  fc.assert(
    fc.property(fc.array(level(level(level(scalar))), { maxLength: 3 }), (value) => {
      equal(emitYaml(value), libraryYaml(value));
    }),
    { numRuns: 1000 },
  );
});

Deno.test("emitYaml() leaves out undefined values and prints undefined items as null", () => {
  const value = { a: undefined, b: [undefined, 1], c: { d: undefined } };
  equal(emitYaml(value), "b:\n- null\n- 1\nc: {}\n");
  equal(emitYaml(value), libraryYaml(value));
});

Deno.test("emitYaml() prints the fixture fleet and its List as the yaml package does", () => {
  const items = fleet();
  equal(emitYaml(items), libraryYaml(items));
  const list = { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
  equal(emitYaml(list), libraryYaml(list));
});

Deno.test("toYaml() hands what is not JSON data to the yaml package", () => {
  const values = [
    { at: new Date(0) },
    new Map([["a", 1]]),
    { s: new Set(["x"]) },
    [1n],
    { bytes: new Uint8Array([1, 2]) },
    { nested: { when: new Date(86_400_000) } },
  ];
  for (const value of values) {
    equal(emitYaml(value), undefined);
    equal(toYaml(value), libraryYaml(value));
  }
});
