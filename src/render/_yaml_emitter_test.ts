import { equal } from "node:assert/strict";
import fc from "fast-check";
import { emitYaml } from "./_yaml_emitter.ts";
import { keyLess } from "./_go_yaml_sort.ts";
import { fleet } from "./testdata/fixtures.ts";
import { stripManagedFields } from "./without_managed_fields.ts";
import { kubectlYaml, referenceKubectl, serverJson } from "./testdata/kubectl_yaml.ts";

/** `lines` joined, each ending with a line break: expected documents read as printed. */
const doc = (...lines: string[]) => lines.map((l) => l + "\n").join("");

Deno.test("emitYaml() quotes strings kubectl's YAML reader would take for numbers, as keys too", () => {
  const value = {
    "0o644": "key",
    a: "0o644",
    b: "0O17",
    c: "0B1",
    d: "-0o17",
    e: "+0o17",
    f: "0x1F",
    g: "0b-1",
    h: "1_000",
    i: "08",
  };
  equal(
    emitYaml(value),
    doc(
      '"0o644": key',
      'a: "0o644"',
      'b: "0O17"',
      'c: "0B1"',
      'd: "-0o17"',
      'e: "+0o17"',
      'f: "0x1F"',
      'g: "0b-1"',
      'h: "1_000"',
      'i: "08"',
    ),
  );
});

Deno.test("emitYaml() quotes YAML 1.1 words, times and sexagesimals, and leaves the rest plain", () => {
  const value = {
    a: "yes",
    b: "~",
    c: "null",
    d: "2026-01-01",
    e: "2026-01-01T00:00:00Z",
    f: "2026-01-01T00:00:00", // no zone: no layout of the reader matches
    g: "1:20",
    h: "1e400", // beyond float64: a string to the reader
    i: "<<",
    j: "=",
    k: "4Gi",
    n: "no",
  };
  equal(
    emitYaml(value),
    doc(
      'a: "yes"',
      'b: "~"',
      'c: "null"',
      'd: "2026-01-01"',
      'e: "2026-01-01T00:00:00Z"',
      "f: 2026-01-01T00:00:00",
      'g: "1:20"',
      "h: 1e400",
      "i: <<",
      "j: =",
      "k: 4Gi",
      '"n": "no"',
    ),
  );
});

Deno.test("emitYaml() sorts keys as go-yaml does: digit runs as numbers, letters last", () => {
  const value = { disk10: "c", disk2: "b", disk1: "a", "disk-x": "d", disk_y: "e", Disk: "f" };
  equal(
    emitYaml({ x01: "g", x1: "h", ...value }),
    doc(
      "Disk: f",
      "disk-x: d",
      "disk_y: e",
      "disk1: a",
      "disk2: b",
      "disk10: c",
      "x1: h",
      "x01: g",
    ),
  );
});

Deno.test("emitYaml() prints the key `.` of managedFields plain", () => {
  const fields = { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } };
  equal(
    emitYaml({ managedFields: [{ fieldsType: "FieldsV1", fieldsV1: fields }] }),
    doc(
      "managedFields:",
      "- fieldsType: FieldsV1",
      "  fieldsV1:",
      "    f:metadata:",
      "      f:labels:",
      "        .: {}",
      "        f:app: {}",
    ),
  );
});

Deno.test("emitYaml() folds plain and quoted strings at a space past column 80", () => {
  const value = {
    spec: {
      description: "A virtual machine for the build farm that runs nightly integration jobs " +
        "and keeps their caches warm",
      double: "tab\there and a long line of text that must fold at a space once it is past " +
        "the eightieth column ok",
      nowrap: "https://example.com/a/very/long/url/without/any/spaces/that/cannot/be/folded/x",
      single: "note: this description has a colon and a space so it is single-quoted and " +
        "also long enough to fold",
    },
  };
  equal(
    emitYaml(value),
    doc(
      "spec:",
      "  description: A virtual machine for the build farm that runs nightly integration",
      "    jobs and keeps their caches warm",
      '  double: "tab\\there and a long line of text that must fold at a space once it is',
      '    past the eightieth column ok"',
      "  nowrap: https://example.com/a/very/long/url/without/any/spaces/that/cannot/be/folded/x",
      "  single: 'note: this description has a colon and a space so it is single-quoted and",
      "    also long enough to fold'",
    ),
  );
});

Deno.test("emitYaml() single-quotes where it can, double-quotes control and astral characters", () => {
  const value = {
    a: "a: b",
    b: "#x",
    c: "'quoted'",
    d: "tab\there",
    e: "🚀",
    f: "- x",
    g: "a #b",
    h: "é",
    i: "\ufeffab c", // a leading byte order mark: libyaml escapes every character after it
  };
  equal(
    emitYaml(value),
    doc(
      "a: 'a: b'",
      "b: '#x'",
      "c: '''quoted'''",
      'd: "tab\\there"',
      'e: "\\U0001F680"',
      "f: '- x'",
      "g: 'a #b'",
      "h: é",
      'i: "\\uFEFF\\x61\\x62\\x20\\x63"',
    ),
  );
});

Deno.test("emitYaml() prints numbers as go-yaml does after kubectl's JSON round trip", () => {
  const value = {
    a: 0.00001,
    b: 1.5e-7,
    c: 1e20,
    d: 123456789.5,
    e: 2 ** 63, // over int64: a float, read back as uint64
    f: 2 ** 64,
    g: -0,
    h: 0.1,
    i: 1e21,
    j: 100000.5,
    k: -(2 ** 63),
    l: 42,
  };
  equal(
    emitYaml(value),
    doc(
      "a: 1e-05",
      "b: 1.5e-07",
      "c: 1e+20",
      "d: 1.234567895e+08",
      "e: 9223372036854776000",
      "f: 1.8446744073709552e+19",
      "g: 0",
      "h: 0.1",
      "i: 1e+21",
      "j: 100000.5",
      "k: -9.223372036854776e+18",
      "l: 42",
    ),
  );
});

Deno.test("emitYaml() prints literal blocks, and double quotes where libyaml refuses one", () => {
  const value = {
    keep: "a\nb\n\n",
    clip: "a\nb\n",
    strip: "a\nb",
    indented: "  a\nb",
    trailingSpace: "a\nb ",
    spaceBeforeBreak: "a \nb",
    tab: "a\n\tb",
    emoji: "a\n🚀",
    onlyBreak: "\n",
  };
  equal(
    emitYaml(value),
    doc(
      "clip: |",
      "  a",
      "  b",
      'emoji: "a\\n\\U0001F680"',
      "indented: |2-",
      "    a",
      "  b",
      "keep: |+",
      "  a",
      "  b",
      "",
      "onlyBreak: |2+",
      "",
      'spaceBeforeBreak: "a \\nb"',
      "strip: |-",
      "  a",
      "  b",
      'tab: "a\\n\\tb"',
      'trailingSpace: "a\\nb "',
    ),
  );
});

Deno.test("emitYaml() prints empty strings and collections, and keys that need quotes", () => {
  const value = {
    s: "",
    l: [],
    m: {},
    nested: { l: [[]], m: [{}], deeper: { x: {} } },
    "": "empty key",
    " k": "space key",
    "k:": "colon key",
    "a\nb": "multi-line key",
    ["k".repeat(130)]: "long key",
  };
  equal(
    emitYaml(value),
    doc(
      '"": empty key',
      "' k': space key",
      "? |-",
      "  a",
      "  b",
      ": multi-line key",
      "'k:': colon key",
      `? ${"k".repeat(130)}`,
      ": long key",
      "l: []",
      "m: {}",
      "nested:",
      "  deeper:",
      "    x: {}",
      "  l:",
      "  - []",
      "  m:",
      "  - {}",
      's: ""',
    ),
  );
});

Deno.test("emitYaml() leaves out undefined values and prints undefined items as null", () => {
  const value = { a: undefined, b: [undefined, 1], c: { d: undefined } };
  equal(emitYaml(value), "b:\n- null\n- 1\nc: {}\n");
});

Deno.test("emitYaml() prints what is not JSON data as its JSON form, as kubectl would", () => {
  equal(emitYaml({ at: new Date(0) }), 'at: "1970-01-01T00:00:00.000Z"\n');
  equal(emitYaml({ m: new Map([["a", 1]]), s: "x" }), "m: {}\ns: x\n");
  equal(emitYaml(undefined), "null\n");
});

// Against kubectl itself.

/** Pieces YAML readers and libyaml's emitter treat specially, to be glued into strings. */
const PIECES = [
  ...["yes", "Yes", "NO", "on", "Off", "y", "N", "true", "FALSE", "null", "NULL", "~", "<<", "="],
  ...[".inf", "-.Inf", ".NaN", "+.inf", "0755", "0o644", "0O17", "0B1", "0b-1", "0x1F", "0x_1"],
  ...["1e3", "E5", ".5", ".5_0", "1_000", "+12", "-0", "1.", "08", "190:20:30", "1e400"],
  ...["9223372036854775807", "9223372036854775808", "18446744073709551616", "disk", "1", "10"],
  ...["2026-01-01", "2026-1-1", "2026-01-01T00:00:00Z", "2001-12-14 21:59:43.10", "2001-02-29"],
  ...[" ", "  ", "\t", "\n", "\n\n", "\r", ": ", ":", " #", "#", "- ", "-", "? ", "?", "---"],
  ...["...", "%", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "@", "`", "'", '"', "\\"],
  ...["é", "日本", "😀", "\u2028", "\u2029", "\u00a0", "\u0000", "\u0007", "\u001b", "\ufeff"],
  ...["\u0085", "\ud800", "a", "b", "ab c", "k8s.io/x", "word ", "lorem ipsum dolor sit amet "],
];

/**
 * Strings kubectl refuses to print at all ("control characters are not allowed": DEL, C1
 * controls but NEL, U+FFFE, U+FFFF), or (with a NEL, a line break to its reader) fails to read.
 */
const REFUSED = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]|\u0085(?:---|\.\.\.)/;

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map(join) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 8, maxLength: 40 }).map(join),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
).filter((s) => !REFUSED.test(s));

function join(pieces: string[]): string {
  return pieces.join("");
}

/** Prose with runs of spaces and breaks: long enough to fold, at any depth. */
const prose = fc.array(
  fc.tuple(
    fc.oneof(fc.stringMatching(/^[a-z]{1,12}$/), fc.constantFrom(...PIECES)),
    fc.constantFrom(" ", " ", " ", "  ", "\n", " \n"),
  ),
  { minLength: 10, maxLength: 40 },
).map((words) => words.map(([w, s]) => w + s).join("")).filter((s) => !REFUSED.test(s));

/** Keys: nasty ones (but no NEL: kubectl cannot read such a key back), numbered, long. */
const key = fc.oneof(
  { weight: 3, arbitrary: nastyString.filter((s) => !s.includes("\u0085")) },
  { weight: 2, arbitrary: fc.constantFrom("a", "B", "disk1", "disk2", "disk10", "x01", ".", "") },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{120,140}$/) },
);

const scalar = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 1, arbitrary: prose },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }).map(Number) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: "small", maxDepth: 6 },
    scalar,
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(key, tie("json"), { maxKeys: 5 }),
  ),
}));

/**
 * go-yaml's key order is not transitive for every set of keys (`x2` < `x10` < `x1a` < `x2`):
 * there kubectl's order follows Go's random map order, so such objects are left out.
 */
function keysOrdered(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) return value.every(keysOrdered);
  const keys = Object.keys(value);
  for (const a of keys) {
    for (const b of keys) {
      if (!keyLess(a, b)) continue;
      for (const c of keys) if (keyLess(b, c) && !keyLess(a, c)) return false;
    }
  }
  return Object.values(value).every(keysOrdered);
}

/** An object kubectl accepts: the tricky parts in annotations, spec and status. */
const object = fc.record({
  annotations: fc.dictionary(key.filter((k) => k !== "z"), nastyString, { maxKeys: 4 }),
  spec: json,
  status: fc.dictionary(key, json, { maxKeys: 6 }),
}).map(({ annotations, spec, status }) => ({
  apiVersion: "hypersdk.io/v1alpha1",
  kind: "VirtualMachine",
  metadata: { name: "vm", annotations },
  spec,
  status,
})).filter(keysOrdered);

/** What hyperctl holds of `objects`: the server's JSON parsed, with kubectl's annotation added. */
function asReceived(objects: readonly unknown[]): unknown[] {
  return objects.map((o) => {
    const received = JSON.parse(serverJson(o));
    received.metadata.annotations = { ...received.metadata.annotations, z: "1" };
    return received;
  });
}

async function assertKubectlBytes(bin: string, objects: readonly unknown[]): Promise<void> {
  const want = await kubectlYaml(bin, objects);
  const received = asReceived(objects);
  for (let i = 0; i < objects.length; i++) {
    const got = emitYaml(received[i]);
    if (got !== want[i]) {
      throw new Error(
        `object ${serverJson(objects[i])}\nkubectl:\n${want[i]}\nemitYaml:\n${got}`,
      );
    }
  }
}

const kubectl = referenceKubectl();

Deno.test({
  name: "emitYaml() prints kubectl 1.33's bytes for objects of tricky strings, keys and numbers",
  ignore: kubectl === undefined,
  async fn() {
    await fc.assert(
      fc.asyncProperty(fc.array(object, { minLength: 100, maxLength: 100 }), async (objects) => {
        await assertKubectlBytes(kubectl!, objects);
      }),
      {
        numRuns: 4,
        // One kubectl call per run; a failure names its object (and the seed to replay it)
        // instead of shrinking and printing the whole batch.
        endOnFailure: true,
        reporter(run) {
          if (run.failed) {
            const reason = run.errorInstance instanceof Error ? run.errorInstance.message : "";
            throw new Error(`seed ${run.seed}, path ${run.counterexamplePath}: ${reason}`);
          }
        },
      },
    );
  },
});

Deno.test({
  name: "emitYaml() prints kubectl 1.33's bytes for the fixture fleet",
  ignore: kubectl === undefined,
  async fn() {
    // kubectl prints managedFields only when asked, and hyperctl never sends them.
    await assertKubectlBytes(kubectl!, fleet().map(stripManagedFields));
  },
});
